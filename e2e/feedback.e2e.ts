/**
 * Every action says it worked: assigning, answering and moving a problem show a toast and leave the form
 * ready for the next thing; raising a problem ends on a confirmation with its reference.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  ADMIN,
  apiAs,
  baseUrl,
  createUserViaApi,
  FISHERIES,
  field,
  fill,
  pageReady,
  signIn,
  th,
} from './helpers.ts';

const P = th.problems;

/** The toast saying `message`. */
const toast = (page: Page, message: string) =>
  page.locator('.mantine-Notification-root').filter({ hasText: message });

async function signedInPage(browser: Browser, email: string, password?: string) {
  const { context, page } = await newPage(browser, baseUrl(), PHONE);
  page.setDefaultTimeout(30_000);
  await signIn(page, email, password);
  return { context, page };
}

describe('feedback after every action, in Thai on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('raising a problem ends on a confirmation with its reference, what happens next and a link', async () => {
    const member = await createUserViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    const { context, page } = await signedInPage(browser, member.email, member.password);
    await page.goto('/problems/new');
    await pageReady(page, P.raise.title);
    const title = `ศูนย์พักพิงชั่วคราวเต็ม ${Date.now().toString(36)}`;
    await field(page, P.fields.title).fill(title);
    await field(page, P.fields.body).fill('ศูนย์พักพิงในจังหวัดระนองรับผู้เสียหายได้อีกไม่เกิน 5 คน');
    await page.getByRole('combobox', { name: P.fields.category }).click();
    await page.getByRole('option', { name: 'สถานคุ้มครองและการคุ้มครองผู้เสียหาย' }).click();
    await page.getByRole('button', { name: P.raise.submit }).click();

    const raised = page.getByTestId('problem-raised');
    await raised.getByRole('heading', { level: 1, name: P.raised.title }).waitFor();
    await toast(page, P.raised.toast).waitFor();
    const reference = (await raised.getByTestId('problem-reference').textContent())!;
    expect(reference).toMatch(/^[0-9A-F]{8}$/);
    for (const step of [P.raised.nextReview, P.raised.nextAssign, P.raised.nextDeadlines]) {
      await raised.getByText(step).waitFor();
    }
    await screenshot(page, 'problems-raised-confirmation');
    await expectNoSeriousAxeViolations(page);

    // The link leads to the problem, which shows the same reference.
    await raised.getByRole('link', { name: P.raised.open }).click();
    await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
    await pageReady(page, title);
    expect(await page.getByTestId('problem-reference').textContent()).toBe(reference);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(id.replace(/-/g, '').slice(0, 8).toUpperCase()).toBe(reference);
    await context.close();
  });

  it('assigning, answering and moving a problem each say so and reset their form', async () => {
    const mirror = await apiAs('mirror@tipnet.example');
    const created = await mirror.post('/api/v1/problems', {
      data: {
        type: 'problem',
        title: `เรือประมงไม่แจ้งเข้าออก ${Date.now().toString(36)}`,
        body: 'เรือประมงบางลำไม่แจ้งเข้าออกที่ศูนย์ PIPO',
        category: 'victim_identification',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const problemUrl = `/problems/${((await created.json()) as { id: string }).id}`;
    await mirror.dispose();

    // The Centre assigns it to the Department of Fisheries.
    const admin = await signedInPage(browser, ADMIN);
    await admin.page.goto(problemUrl);
    const assignTo = admin.page.getByRole('combobox', { name: P.actions.assignTo });
    await assignTo.click();
    await assignTo.fill('กรมประมง');
    const fisheriesName = (await admin.page
      .getByRole('option', { name: /^กรมประมง/ })
      .first()
      .textContent())!;
    await admin.page.getByRole('option', { name: fisheriesName }).click();
    await assignTo.press('Escape');
    await admin.page.getByRole('button', { name: P.actions.assign, exact: true }).click();
    await toast(admin.page, fill(P.actions.assigned, { organisations: fisheriesName })).waitFor();
    await admin.page.getByText(P.answers.responsible).waitFor();
    await screenshot(admin.page, 'feedback-assigned-toast', { fullPage: false });

    // Fisheries answers officially: a toast, an empty form, and no second answer from a double press.
    const fisheries = await signedInPage(browser, FISHERIES);
    await fisheries.page.goto(problemUrl);
    const answerBox = field(fisheries.page, P.fields.bodyTh);
    await answerBox.fill('กรมประมงจะตรวจเรือที่ไม่แจ้งเข้าออกทุกลำภายใน 7 วัน');
    // A slow provincial link: the answer takes a second to arrive.
    await fisheries.page.route('**/answers', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const post = fisheries.page.getByRole('button', { name: P.actions.postAnswer });
    await post.click();
    await expect.poll(() => post.isDisabled()).toBe(true);
    await post.click({ force: true }).catch(() => undefined);
    await toast(fisheries.page, P.actions.answered).waitFor();
    await expect.poll(() => answerBox.inputValue()).toBe('');
    await expect.poll(() => fisheries.page.getByTestId('official-answer').count()).toBe(1);

    // The Centre resolves it: the dialog closes, the toast names the new state.
    await admin.page.reload();
    await admin.page.getByRole('button', { name: 'แก้ไขแล้ว', exact: true }).click();
    const confirm = admin.page.getByRole('dialog');
    await field(confirm, P.actions.reason).fill('ตรวจครบทุกลำแล้ว');
    await confirm.getByRole('button', { name: P.actions.confirm }).click();
    await confirm.waitFor({ state: 'hidden' });
    await toast(admin.page, fill(P.actions.moved, { state: 'แก้ไขแล้ว' })).waitFor();
    await admin.page.getByRole('main').getByText('แก้ไขแล้ว', { exact: true }).first().waitFor();

    await Promise.all([admin.context.close(), fisheries.context.close()]);
  }, 120_000);
});
