import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  FISHERIES,
  field,
  MIRROR,
  pageReady,
  scrollWidth,
  signIn,
  th,
} from './helpers.ts';

const M = th.problems.moderation;

describe("the Centre's moderation queue on a phone, in Thai", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a member’s report of a comment; the admin dismisses one and hides another, and both leave the queue', async () => {
    // A Mirror Foundation member raises a problem; Fisheries comments twice; the member reports both.
    const tag = randomBytes(3).toString('hex');
    const mirror = await apiAs(MIRROR);
    const fisheries = await apiAs(FISHERIES);
    const raised = await mirror.post('/api/v1/problems', {
      data: {
        type: 'problem',
        title: `ล่ามภาษาเมียนมาไม่พอที่ท่าเรือ ${tag}`,
        body: 'การคัดแยกลูกเรือประมงต้องรอล่ามหลายวัน',
        category: 'victim_identification',
        provinces: ['TH-85'],
        sectors: ['government'],
      },
    });
    expect(raised.status(), await raised.text()).toBe(201);
    const problem = (await raised.json()) as { id: string; title: string };
    const comment = async (body: string) => {
      const res = await fisheries.post(`/api/v1/problems/${problem.id}/comments`, { data: { body } });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    // User text with markup: the queue must show it as written, never as HTML.
    const unfounded = `<b>กรมฯ</b> ส่งล่ามไปแล้วเมื่อวาน ${tag} <img src=x onerror="window.__xss=1">`;
    const offTopic = `ขายเรือประมงมือสอง ติดต่อหลังไมค์ ${tag}`;
    for (const [c, reason] of [
      [await comment(unfounded), 'ข้อมูลไม่ถูกต้อง'],
      [await comment(offTopic), 'โฆษณา ไม่เกี่ยวกับเรื่องนี้'],
    ] as const) {
      const res = await mirror.post(`/api/v1/problems/${problem.id}/comments/${c.id}/report`, {
        data: { reason },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await Promise.all([mirror.dispose(), fisheries.dispose()]);

    // The admin reaches the queue from the board.
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    page.setDefaultTimeout(30_000);
    await signIn(page, ADMIN);
    await page.goto('/problems');
    await pageReady(page, th.problems.title);
    const queueLink = page.getByRole('link', { name: new RegExp(`^${M.link}`) });
    // The link says how many reports wait (at least the two just made).
    await expect
      .poll(async () => Number((await queueLink.getAttribute('aria-label'))?.match(/\d+/)?.[0] ?? 0))
      .toBeGreaterThanOrEqual(2);
    await screenshot(page, 'problems-board-admin', { fullPage: false });
    await queueLink.click();
    await pageReady(page, M.title);

    const card = (text: string) => page.getByTestId('reported-comment').filter({ hasText: text });
    const first = card('ส่งล่ามไปแล้วเมื่อวาน');
    await first.waitFor();
    // Plain text: the markup shows as characters, nothing runs, no element is made from it.
    await first.getByText(unfounded, { exact: true }).waitFor();
    expect(await first.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await first.getByRole('link', { name: problem.title }).waitFor();
    await first.getByText('ข้อมูลไม่ถูกต้อง', { exact: false }).waitFor();
    await first.getByText(`${th.problems.moderation.writtenBy.split(' ')[0]} `, { exact: false }).waitFor();
    // Dates in the Buddhist Era.
    await expect.poll(() => first.textContent()).toMatch(/รายงานเมื่อ .*25[6-9]\d/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'problems-moderation');
    await expectNoSeriousAxeViolations(page);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

    // Dismiss the unfounded report, with a note for the audit log.
    await first.getByRole('button', { name: M.dismiss }).click();
    const dismissDialog = page.getByRole('dialog', { name: M.dismissTitle });
    await field(dismissDialog, M.note).fill('ตรวจแล้ว ข้อมูลถูกต้อง');
    await screenshot(page, 'problems-moderation-dismiss', { fullPage: false });
    await expectNoSeriousAxeViolations(page);
    await dismissDialog.getByRole('button', { name: M.dismiss }).click();
    await dismissDialog.waitFor({ state: 'hidden' });
    await first.waitFor({ state: 'detached' });

    // Hide the off-topic one; a reason is required.
    const second = card(offTopic);
    await second.getByRole('button', { name: M.hide }).click();
    const hideDialog = page.getByRole('dialog', { name: th.problems.comments.hideTitle });
    const confirmHide = hideDialog.getByRole('button', { name: M.hide });
    expect(await confirmHide.isDisabled()).toBe(true);
    await field(hideDialog, th.problems.comments.reason).fill('โฆษณา นอกประเด็น');
    await confirmHide.click();
    await hideDialog.waitFor({ state: 'hidden' });
    await second.waitFor({ state: 'detached' });

    // Both are among the reports dealt with.
    await page.getByText(M.resolved, { exact: true }).click();
    await card('ส่งล่ามไปแล้วเมื่อวาน').getByText('จัดการเมื่อ', { exact: false }).waitFor();
    await card(offTopic).getByText(M.hiddenBadge, { exact: true }).waitFor();
    expect(await card(offTopic).getByRole('button').count()).toBe(0);
    await screenshot(page, 'problems-moderation-resolved');
    await expectNoSeriousAxeViolations(page);

    // The audit log keeps the dismissal with its note.
    const admin = await apiAs(ADMIN);
    const audit = await admin.get('/api/v1/audit-events', {
      params: { action: 'problem.comment_reports_dismissed', limit: 5 },
    });
    expect(audit.status()).toBe(200);
    const events = (await audit.json()) as { items: { changes: { problemId?: string; note?: string } }[] };
    expect(events.items.find((e) => e.changes.problemId === problem.id)?.changes.note).toBe(
      'ตรวจแล้ว ข้อมูลถูกต้อง',
    );
    await admin.dispose();
    await context.close();
  }, 120_000);
});
