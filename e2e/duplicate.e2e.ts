import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_STATES } from '../common/problems-taxonomy.ts';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { ADMIN, apiAs, baseUrl, escapeRegExp, fill, MIRROR, pageReady, signIn, th } from './helpers.ts';

const A = th.problems.actions;
const DUPLICATE = PROBLEM_STATES.find((s) => s.code === 'duplicate')!.th;

describe('marking a duplicate on a phone, in Thai', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the original by its Thai title (never the problem itself), or takes a pasted link', async () => {
    const tag = randomBytes(3).toString('hex');
    const mirror = await apiAs(MIRROR);
    const raise = async (title: string) => {
      const res = await mirror.post('/api/v1/problems', {
        data: {
          type: 'problem',
          title,
          body: 'ผู้เสียหายต้องรอที่สถานีตำรวจหลายคืนเพราะบ้านพักเต็ม',
          category: 'shelter_protection',
          provinces: ['TH-63'],
          sectors: ['government', 'civil_society'],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string; title: string };
    };
    const original = await raise(`บ้านพักเด็กและครอบครัวที่แม่สอดเต็ม ${tag}`);
    const duplicate = await raise(`บ้านพักที่แม่สอดไม่พอรับผู้เสียหาย ${tag}`);
    const another = await raise(`ผู้เสียหายต้องค้างที่สถานีตำรวจ แม่สอด ${tag}`);
    await mirror.dispose();

    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    page.setDefaultTimeout(30_000);
    await signIn(page, ADMIN);
    const markDuplicate = async (problemId: string, title: string) => {
      await page.goto(`/problems/${problemId}`);
      await pageReady(page, title);
      await page.getByRole('button', { name: DUPLICATE, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: fill(A.confirmMove, { state: DUPLICATE }) });
      await dialog.waitFor();
      const picker = dialog.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(A.duplicateOf)}`) });
      return { dialog, picker, confirm: dialog.getByRole('button', { name: A.confirm }) };
    };

    // 1. By title: Thai words typed, the titles found, with their state; the problem itself is not offered.
    const first = await markDuplicate(duplicate.id, duplicate.title);
    expect(await first.confirm.isDisabled()).toBe(true);
    await first.picker.fill(`แม่สอด ${tag}`);
    const option = page.getByRole('option', { name: new RegExp(escapeRegExp(original.title)) });
    await option.waitFor();
    await page.getByRole('option', { name: new RegExp(escapeRegExp(another.title)) }).waitFor();
    expect(await page.getByRole('option', { name: new RegExp(escapeRegExp(duplicate.title)) }).count()).toBe(
      0,
    );
    await screenshot(page, 'problems-duplicate-picker', { fullPage: false });
    await expectNoSeriousAxeViolations(page);
    await option.click();
    await expect.poll(() => first.picker.inputValue()).toBe(original.title);
    await first.confirm.click();
    await first.dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: original.title }).first().waitFor();
    await page.getByText(th.problems.duplicateOf, { exact: false }).first().waitFor();

    // 2. A pasted link to the original is looked up and chosen at once.
    const second = await markDuplicate(another.id, another.title);
    await second.picker.fill(`${baseUrl()}/problems/${original.id}`);
    await expect.poll(() => second.picker.inputValue()).toBe(original.title);
    await second.confirm.click();
    await second.dialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: original.title }).first().waitFor();

    const admin = await apiAs(ADMIN);
    for (const id of [duplicate.id, another.id]) {
      const detail = await (await admin.get(`/api/v1/problems/${id}`)).json();
      expect(detail).toMatchObject({ state: 'duplicate', duplicateOf: { id: original.id } });
    }
    await admin.dispose();
    await context.close();
  }, 120_000);
});
