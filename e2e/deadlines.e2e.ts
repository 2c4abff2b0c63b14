import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../common/time.ts';
import { defaultDeadlineDay, endOfWorkingDay } from '../common/working-day.ts';
import { CALENDAR_FORMATS, formatCalendarDate } from '../web/lib/calendar.ts';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, apiAs, baseUrl, field, fill, MIRROR, pageReady, signIn, th } from './helpers.ts';

const S = th.problems.deadlineSettings;
const A = th.problems.actions;
const CATEGORY = 'training_capacity';
const CATEGORY_TH = 'การฝึกอบรมและพัฒนาศักยภาพ';
const DEFAULTS = { firstAnswerDays: 14, updateIntervalDays: 30, escalationDays: 14 };

/** A day as the Thai date picker shows it in its input ("9 ธ.ค. 2569") and names it in the calendar. */
const shown = (day: string) => formatCalendarDate(day, CALENDAR_FORMATS.th.value, 'th');
const named = (day: string) => formatCalendarDate(day, CALENDAR_FORMATS.th.day, 'th');
const nextDay = (day: string, by: number) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + by * DAY_MS).toISOString().slice(0, 10);

describe('deadlines the Centre sets', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    const admin = await apiAs(ADMIN);
    await admin.put(`/api/v1/problems/deadline-settings/${CATEGORY}`, { data: DEFAULTS });
    await admin.dispose();
    await browser?.close();
  });

  it('sets a category’s days in settings, then offers and takes a first-answer date when assigning', async () => {
    const mirror = await apiAs(MIRROR);
    const title = `ต้องการอบรมล่ามเรื่องการคัดแยกผู้เสียหาย ${randomBytes(3).toString('hex')}`;
    const raised = await mirror.post('/api/v1/problems', {
      data: {
        type: 'problem',
        title,
        body: 'ล่ามในจังหวัดชายแดนยังไม่เคยได้รับการอบรมเรื่องการคัดแยกผู้เสียหาย',
        category: CATEGORY,
        provinces: ['TH-85'],
        sectors: ['civil_society'],
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    const problem = (await raised.json()) as { id: string };
    await mirror.dispose();

    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    page.setDefaultTimeout(30_000);
    try {
      await signIn(page, ADMIN);

      // 1. Settings: the Centre's admin sets 5 days to the first answer for the category.
      await page.goto('/settings#deadline-settings');
      const section = page.getByRole('region', { name: S.title });
      await section.getByRole('button', { name: new RegExp(`^${CATEGORY_TH}`) }).click();
      const panel = section.getByRole('region', { name: new RegExp(`^${CATEGORY_TH}`) });
      const days = field(panel, S.firstAnswerDays);
      await days.fill('0');
      await panel.getByText(fill(S.daysRange, { max: 365 })).waitFor();
      expect(await panel.getByRole('button', { name: S.save }).isDisabled()).toBe(true);
      await days.fill('5');
      await panel.getByRole('button', { name: S.save }).click();
      await page.getByText(fill(S.saved, { category: CATEGORY_TH })).waitFor();
      await section.getByText(fill(S.summary, { first: 5, update: 30, escalation: 14 })).waitFor();
      await screenshot(page, 'settings-deadlines');

      // 2. Assigning: the date offered is 5 days on, at a working day's end; the admin picks the next day.
      await page.goto(`/problems/${problem.id}`);
      await pageReady(page, title);
      const offered = defaultDeadlineDay(new Date(), 5);
      const dueField = page.getByRole('button', { name: new RegExp(`^${A.firstAnswerDue}`) });
      await expect.poll(() => dueField.textContent()).toContain(shown(offered));
      await page.getByText(fill(A.firstAnswerDueHint, { time: '16:30', days: 5 })).waitFor();
      await screenshot(page, 'assign-deadline');

      const sameMonth = nextDay(offered, 1).slice(0, 7) === offered.slice(0, 7);
      const chosen = nextDay(offered, sameMonth ? 1 : -1);
      await dueField.click();
      await page.getByRole('button', { name: named(chosen), exact: true }).click();
      await expect.poll(() => dueField.textContent()).toContain(shown(chosen));

      const assignTo = page.getByRole('combobox', { name: A.assignTo });
      await assignTo.click();
      await assignTo.fill('กรมประมง');
      await page
        .getByRole('option', { name: /^กรมประมง/ })
        .first()
        .click();
      await assignTo.press('Escape');
      await page.getByRole('button', { name: A.assign, exact: true }).click();
      await page.getByText(th.problems.answers.responsible).waitFor();

      // 3. The deadline is the chosen day at 16:30 Bangkok time, on the page and for the deadline job.
      const due = endOfWorkingDay(chosen);
      const dueText = new Intl.DateTimeFormat('th-TH', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Bangkok',
      }).format(due);
      await page
        .getByText(fill(th.problems.dueOn, { date: dueText }))
        .first()
        .waitFor();
      expect(dueText).toContain('16:30');
      const admin = await apiAs(ADMIN);
      const detail = await (await admin.get(`/api/v1/problems/${problem.id}`)).json();
      await admin.dispose();
      expect(detail.dueAt).toBe(due.toISOString());
    } finally {
      await context.close();
    }
  });
});
