/**
 * An expired session must not throw away what a field officer typed: drafts survive it and come back after
 * signing in again; a warning before the end lets them stay signed in; sent or signed out, drafts are gone.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import {
  apiAs,
  baseUrl,
  createUserViaApi,
  field,
  pageReady,
  signIn,
  signOut,
  submitCredentials,
  th,
} from './helpers.ts';

const P = th.problems;
const CATEGORY = 'การคัดแยกและคัดกรองผู้เสียหาย';
type Member = Awaited<ReturnType<typeof createUserViaApi>>;

async function problemBy(api: APIRequestContext, title: string): Promise<string> {
  const res = await api.post('/api/v1/problems', {
    data: { type: 'problem', title, body: 'ล่ามภาษาเมียนมาไม่พอในวันคัดแยก', category: 'victim_identification' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The drafts this browser holds, by form name (the user id is part of every key). */
async function drafts(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const found: Record<string, unknown> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      const match = key.match(/^tipnet\.draft\.[0-9a-f-]{36}\.(.+)$/);
      if (match) found[match[1]!] = JSON.parse(localStorage.getItem(key)!).value;
    }
    return found;
  });
}

/** Ends every session of the member on the server, as an idle timeout would: the page does not know yet. */
async function expireSessions(member: Member) {
  const api = await apiAs(member.email, member.password);
  expect((await api.post('/api/v1/auth/logout-all')).status()).toBe(200);
  await api.dispose();
}

async function expectSentToSignInSayingDraftsKept(page: Page) {
  await page.waitForURL('**/login');
  await page.getByText(th.login.sessionExpired).waitFor();
}

describe('drafts and the session timeout, in Thai on a phone', () => {
  let browser: Browser;
  let member: Member;
  let api: APIRequestContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  /** A fresh member per test (made inside the test: the helpers poll), so no test sees another's drafts. */
  beforeEach(async () => {
    member = await createUserViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    api = await apiAs(member.email, member.password);
  });
  afterEach(() => api?.dispose());

  it('keeps a comment and a half-written problem through an expired session, back after signing in', async () => {
    const problemId = await problemBy(api, `ร่างความคิดเห็น ${Date.now().toString(36)}`);
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    await signIn(page, member.email, member.password);

    // A comment typed, then the session ends on the server before it is sent.
    await page.goto(`/problems/${problemId}`);
    const comment = 'ที่ด่านแม่สอดมีผู้เสียหายรอคัดแยกอีก 12 คน ต้องการล่ามด่วน';
    await field(page, P.comments.add).fill(comment);
    await expect.poll(() => drafts(page)).toEqual({ [`comment.${problemId}`]: comment });
    await expireSessions(member);
    await page.getByRole('button', { name: P.comments.send }).click();
    await expectSentToSignInSayingDraftsKept(page);
    await screenshot(page, 'drafts-session-expired', { fullPage: false });
    await expectNoSeriousAxeViolations(page);

    // Signing in again returns to the problem with the comment as it was typed.
    await submitCredentials(page, member.email, member.password);
    await page.waitForURL(`**/problems/${problemId}`);
    await expect.poll(() => field(page, P.comments.add).inputValue()).toBe(comment);
    await page.getByTestId('draft-restored').first().waitFor();

    // The whole raise-a-problem form, too.
    await page.goto('/problems/new');
    await pageReady(page, P.raise.title);
    const title = `เรือประมงไม่มีล่าม ${Date.now().toString(36)}`;
    const body = 'ลูกเรือชาวกัมพูชา 8 คนไม่เข้าใจสัญญาจ้าง ต้องการล่ามที่ท่าเรือสงขลา';
    await field(page, P.fields.title).fill(title);
    await field(page, P.fields.body).fill(body);
    await page.getByRole('combobox', { name: P.fields.category }).click();
    await page.getByRole('option', { name: CATEGORY }).click();
    await field(page, P.fields.proposedSolution).fill('จัดล่ามออนไลน์ภายใน 24 ชั่วโมง');
    await expect
      .poll(async () => (await drafts(page))['raise-problem'])
      .toMatchObject({ title, body, category: 'victim_identification' });
    await expireSessions(member);
    await page.getByRole('button', { name: P.raise.submit }).click();
    await expectSentToSignInSayingDraftsKept(page);
    await submitCredentials(page, member.email, member.password);
    await page.waitForURL('**/problems/new');
    await pageReady(page, P.raise.title);
    expect(await field(page, P.fields.title).inputValue()).toBe(title);
    expect(await field(page, P.fields.body).inputValue()).toBe(body);
    expect(await field(page, P.fields.proposedSolution).inputValue()).toBe('จัดล่ามออนไลน์ภายใน 24 ชั่วโมง');
    expect(await page.getByRole('combobox', { name: P.fields.category }).inputValue()).toBe(CATEGORY);
    await screenshot(page, 'drafts-raise-restored');

    // Sent: the confirmation, and the draft is gone (an empty form next time).
    await page.getByRole('button', { name: P.raise.submit }).click();
    await page.getByTestId('problem-raised').waitFor();
    expect(Object.keys(await drafts(page))).toEqual([`comment.${problemId}`]);
    await page.goto('/problems/new');
    await pageReady(page, P.raise.title);
    expect(await field(page, P.fields.title).inputValue()).toBe('');

    // The comment sent: its box empty, its draft gone, also after a reload.
    await page.goto(`/problems/${problemId}`);
    await expect.poll(() => field(page, P.comments.add).inputValue()).toBe(comment);
    await page.getByRole('button', { name: P.comments.send }).click();
    await page.getByTestId('comment').filter({ hasText: 'ด่านแม่สอด' }).waitFor();
    await expect.poll(() => field(page, P.comments.add).inputValue()).toBe('');
    await expect.poll(() => drafts(page)).toEqual({});
    await page.reload();
    await page.getByTestId('comment').filter({ hasText: 'ด่านแม่สอด' }).waitFor();
    expect(await field(page, P.comments.add).inputValue()).toBe('');
    await context.close();
  }, 120_000);

  it('signing out on purpose leaves no draft on the device and no "expired" message', async () => {
    const problemId = await problemBy(api, `ร่างก่อนออกจากระบบ ${Date.now().toString(36)}`);
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    await signIn(page, member.email, member.password);
    await page.goto(`/problems/${problemId}`);
    await field(page, P.comments.add).fill('ข้อความที่ยังไม่ได้ส่ง');
    await expect.poll(async () => Object.keys(await drafts(page))).toEqual([`comment.${problemId}`]);

    await signOut(page);
    expect(await drafts(page)).toEqual({});
    expect(await page.getByText(th.login.sessionExpired).count()).toBe(0);
    await signIn(page, member.email, member.password);
    await page.goto(`/problems/${problemId}`);
    await field(page, P.comments.add).waitFor();
    expect(await field(page, P.comments.add).inputValue()).toBe('');
    await context.close();
  });

  it('warns before the session ends; "stay signed in" renews it on the server; unanswered, it ends', async () => {
    const problemId = await problemBy(api, `คำเตือนหมดเวลา ${Date.now().toString(36)}`);
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    // The page's clock runs ahead on demand; the server's stays real, so its session is still alive.
    await page.clock.install();
    await signIn(page, member.email, member.password);
    await page.goto(`/problems/${problemId}`);
    await field(page, P.comments.add).fill('กำลังพิมพ์อยู่');
    const serverExpiry = async () =>
      page.evaluate(async () =>
        (await fetch('/api/v1/me', { headers: { 'x-e2e-probe': '1' } })).headers.get('session-expires-at'),
      );
    const before = Date.parse((await serverExpiry())!);
    // Only the page's clock jumps; the server's does not. A background read that the jump sets off (a stream
    // reconnecting, the page refetching) would answer with the server's own, unjumped count of the session
    // and undo the jump, whenever it happens to come. So the page does not hear it from plain reads; it
    // still does from "stay signed in", and this test's own probe reads the server's answer directly.
    await context.route('**/api/v1/**', async (route) => {
      const request = route.request();
      const probe = request.headers()['x-e2e-probe'] === '1';
      if (request.method() !== 'GET' || probe || request.url().endsWith('/stream')) return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['session-expires-at'];
      await route.fulfill({ response, headers });
    });

    // 28.5 of the 30 idle minutes later: the warning, with the time the session ends, focus inside it.
    await page.clock.fastForward('28:30');
    const warning = page.getByRole('dialog', { name: th.shell.sessionTimeout.title });
    await warning.waitFor();
    await expect.poll(() => warning.textContent()).toMatch(/\d{2}:\d{2}/);
    // Focus moves in once the dialog's opening transition ends: on a busy machine, not at once.
    await expect.poll(() => warning.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await screenshot(page, 'session-timeout-warning', { fullPage: false });
    await expectNoSeriousAxeViolations(page);

    const extended = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/session/extend'));
    await warning.getByRole('button', { name: th.shell.sessionTimeout.stay }).click();
    expect((await extended).status()).toBe(200);
    await warning.waitFor({ state: 'hidden' });
    // The server moved the session's end: it now ends later than it did before the warning.
    await expect.poll(async () => Date.parse((await serverExpiry())!)).toBeGreaterThan(before);
    expect(await field(page, P.comments.add).inputValue()).toBe('กำลังพิมพ์อยู่');

    // Left unanswered, the session is ended and the user sent to sign in, the draft kept.
    await page.clock.fastForward('28:30');
    await warning.waitFor();
    await page.clock.fastForward('02:00');
    await expectSentToSignInSayingDraftsKept(page);
    expect(await drafts(page)).toEqual({ [`comment.${problemId}`]: 'กำลังพิมพ์อยู่' });
    // Ended on the server too: the old cookie no longer works.
    expect(await page.evaluate(async () => (await fetch('/api/v1/me')).status)).toBe(401);
    await context.close();
  }, 90_000);
});
