import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  FISHERIES,
  field,
  MIRROR,
  openPage,
  organisationId,
  pageReady,
  scrollWidth,
  signIn,
  th,
  vacantRolesOf,
} from './helpers.ts';

const FISHERIES_TH = 'กรมประมง';
const MIRROR_TH = 'มูลนิธิกระจกเงา';
const suffix = () => Date.now().toString(36);

/** A whole-page screenshot from the top, once the "saved" toast of the step before has gone. */
async function formScreenshot(page: Page, name: string) {
  await page.locator('.mantine-Notification-root').waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Picks `option` in a Mantine select or multi-select labelled `label`; in a searchable one, types `type` first. */
async function choose(page: Page, label: string, option: string, type?: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
  if (await box.isVisible()) await box.press('Escape');
}

/** The number on the task badge in the phone menu (0 when there is none). */
async function taskBadge(page: Page): Promise<number> {
  await page.getByRole('button', { name: th.shell.openMenu }).click();
  const nav = page.getByRole('navigation', { name: th.shell.mainNavigation });
  const link = nav.getByRole('link', { name: new RegExp(`^${th.nav.tasks}`) });
  await link.waitFor();
  const count = Number((await link.textContent())?.replace(th.nav.tasks, '').trim() || '0');
  await page.keyboard.press('Escape');
  await nav.waitFor({ state: 'hidden' });
  return count;
}

describe('directory tasks and new entries', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin adds an organisation, then a person to it; refused fields say what is wrong', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    const nameTh = `มูลนิธิทดสอบเพิ่มใหม่ ${suffix()}`;
    const personTh = `นางสาวใจดี ทดสอบ ${suffix()}`;
    try {
      await signIn(page, ADMIN);
      await openPage(page, '/organisations', th.organisations.title);
      await page.getByRole('link', { name: th.directory.create.button }).click();
      await pageReady(page, th.directory.create.title);

      // Nothing filled in: the browser asks for the names and the sector before sending anything.
      await page.getByRole('button', { name: th.directory.create.submit }).click();
      await page.getByText(th.validation.required).first().waitFor();
      expect(await page.getByText(th.validation.required).count()).toBe(3);

      await field(page, th.directory.fields.nameTh).fill(nameTh);
      await field(page, th.directory.fields.nameEn).fill(`New Test Foundation ${suffix()}`);
      await choose(page, th.directory.fields.sector, th.sectors.civil_society);
      await choose(page, th.directory.fields.province, 'ระนอง', 'ระนอง');
      await field(page, th.directory.fields.howToRequestHelp).fill('โทรหาเจ้าหน้าที่ในเวลาราชการ');
      // Too long for the server, which names the field; the form shows it there, in Thai.
      const abbreviation = field(page, th.directory.fields.abbreviation);
      await abbreviation.fill('ม'.repeat(60));
      await page.getByRole('button', { name: th.directory.create.submit }).click();
      await page.getByText(th.validation.tooLong).waitFor();
      expect(await abbreviation.getAttribute('aria-invalid')).toBe('true');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await formScreenshot(page, 'directory-create-organisation');
      await expectNoSeriousAxeViolations(page);

      await abbreviation.fill('มทพ.');
      await page.getByRole('button', { name: th.directory.create.submit }).click();
      await pageReady(page, nameTh);
      await page.locator('#working-with-us').getByText('โทรหาเจ้าหน้าที่ในเวลาราชการ').waitFor();

      await page.getByRole('link', { name: th.directory.person.add }).click();
      await pageReady(page, th.directory.person.add);
      await page.getByText(nameTh).waitFor();
      await field(page, th.directory.fields.nameTh).fill(personTh);
      await field(page, th.directory.person.position).fill('ผู้ประสานงานโครงการ');
      await field(page, th.directory.person.phone).fill('08-1234-5678');
      await choose(page, th.directory.person.focalTopics, 'สถานคุ้มครอง/ที่พักพิง', 'ที่พัก');
      // Looks like an address to the browser; the server refuses it and the form says so on the field.
      const email = field(page, 'อีเมล');
      await email.fill('jaidee..test@example.org');
      await page.getByRole('button', { name: th.directory.person.addSubmit }).click();
      await page.getByText(th.validation.email).waitFor();
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await formScreenshot(page, 'directory-add-person');
      await expectNoSeriousAxeViolations(page);

      await email.fill('jaidee.test@example.org');
      await page.getByRole('button', { name: th.directory.person.addSubmit }).click();
      await pageReady(page, personTh);
      await page.getByRole('link', { name: nameTh }).waitFor();
      await page.getByRole('link', { name: /081-234-5678/ }).waitFor();
      await page.locator('#person-focal').getByText('สถานคุ้มครอง/ที่พักพิง').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an org admin finds a vacant role in the task list after a person leaves, and hands it over there', async () => {
    const api = await apiAs(FISHERIES);
    const name = `นายล่ามเรือ ทดสอบ ${suffix()}`;
    let personId: string;
    let before: number;
    try {
      // Read from the API: the menu shows no badge both while its count loads and when it is 0.
      const tasks = await api.get('/api/v1/directory/tasks');
      before = ((await tasks.json()) as { counts: { total: number } }).counts.total;
      const res = await api.post('/api/v1/people', {
        data: {
          organisationId: await organisationId(api, 'Department of Fisheries'),
          nameTh: name,
          focalTopics: ['interpretation', 'legal_aid'],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      personId = ((await res.json()) as { id: string }).id;
    } finally {
      await api.dispose();
    }
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, FISHERIES);
      await expect.poll(() => taskBadge(page)).toBe(before);

      await openPage(page, `/people/${personId}`, name);
      await page.getByRole('button', { name: th.directory.person.markLeft }).click();
      const confirm = page.getByRole('dialog', { name: th.directory.person.markLeft });
      await confirm.getByRole('button', { name: th.directory.person.markLeft }).click();
      await confirm.waitFor({ state: 'hidden' });

      // The menu counts the new task, and the task list shows the roles the person left behind.
      await expect.poll(() => taskBadge(page)).toBe(before + 1);
      await page.getByRole('button', { name: th.shell.openMenu }).click();
      await page
        .getByRole('navigation', { name: th.shell.mainNavigation })
        .getByRole('link', { name: new RegExp(`^${th.nav.tasks}`) })
        .click();
      await pageReady(page, th.directory.tasks.title);
      const handovers = page.getByRole('list', { name: th.directory.tasks.handoversTitle });
      const task = handovers.getByRole('listitem').filter({ hasText: name });
      await task.getByText('ล่าม', { exact: true }).waitFor();
      await task.getByText('ความช่วยเหลือทางกฎหมาย', { exact: true }).waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'directory-tasks');
      await expectNoSeriousAxeViolations(page);

      await task.getByRole('button', { name: th.directory.tasks.handOver }).click();
      const dialog = page.getByRole('dialog', { name: th.directory.person.handoverTitle });
      await dialog.getByText(name).waitFor();
      await dialog.getByRole('combobox', { name: th.directory.person.handoverTo }).click();
      await page.getByRole('option', { name: /นายประมวล/ }).click();
      await screenshot(page, 'directory-tasks-handover', { fullPage: false });
      await dialog.getByRole('button', { name: th.directory.person.handover }).click();
      await dialog.waitFor({ state: 'hidden' });

      await expect.poll(() => handovers.getByRole('listitem').filter({ hasText: name }).count()).toBe(0);
      await expect.poll(() => taskBadge(page)).toBe(before);
      // The organisation page agrees: the roles have a focal point again.
      await openPage(page, `/people/${personId}`, name);
      await page.getByRole('link', { name: FISHERIES_TH }).click();
      await pageReady(page, FISHERIES_TH);
      await expect.poll(() => vacantRolesOf(page, name).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('members have no task list and see no add buttons', async () => {
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    try {
      await signIn(page, MIRROR);
      await openPage(page, '/organisations', th.organisations.title);
      expect(await page.getByRole('link', { name: th.directory.create.button }).count()).toBe(0);
      // Not even on their own organisation's page: only its org admins (and admins) add people.
      await page
        .getByRole('list', { name: th.directory.results })
        .getByRole('link', { name: MIRROR_TH })
        .click();
      await pageReady(page, MIRROR_TH);
      await page.locator('#people').waitFor();
      expect(await page.getByRole('link', { name: th.directory.person.add }).count()).toBe(0);
      await page.goto('/tasks');
      await page.getByRole('heading', { level: 1, name: th.notFound.title }).waitFor();
      await page.goto('/organisations/new');
      await page.getByRole('heading', { level: 1, name: th.notFound.title }).waitFor();
    } finally {
      await context.close();
    }
  });
});
