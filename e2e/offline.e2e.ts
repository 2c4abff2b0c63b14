import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { apiAs, baseUrl, createUserViaApi, field, fill, pageReady, signIn, signOut, th } from './helpers.ts';

const C = th.problems.comments;

describe('a comment written offline on a phone, in Thai', () => {
  let browser: Browser;
  let member: Awaited<ReturnType<typeof createUserViaApi>>;
  let memberApi: APIRequestContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await memberApi?.dispose();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function raiseProblem() {
    const title = `ล่ามภาษาเมียนมาไม่พอที่ท่าเรือ ${randomBytes(3).toString('hex')}`;
    const res = await memberApi.post('/api/v1/problems', {
      data: { type: 'problem', title, body: 'ผู้เสียหายต้องรอล่ามหลายวัน', category: 'victim_identification' },
    });
    expect(res.status(), await res.text()).toBe(201);
    return { id: ((await res.json()) as { id: string }).id, title };
  }

  async function commentsOn(problemId: string): Promise<string[]> {
    const res = await memberApi.get(`/api/v1/problems/${problemId}/comments`);
    return ((await res.json()) as { items: { body: string }[] }).items.map((c) => c.body);
  }

  /** A fresh member of the Mirror Foundation on the page of a problem they raised. */
  async function openProblem(): Promise<{ context: BrowserContext; page: Page; problemId: string }> {
    member = await createUserViaApi({ organisation: 'Mirror Foundation', role: 'member' });
    memberApi = await apiAs(member.email, member.password);
    const problem = await raiseProblem();
    const { context, page } = await newPage(browser, baseUrl(), PHONE);
    await signIn(page, member.email, member.password);
    await page.goto(`/problems/${problem.id}`);
    await pageReady(page, problem.title);
    return { context, page, problemId: problem.id };
  }

  async function send(page: Page, text: string) {
    await field(page, C.add).fill(text);
    await page.getByRole('button', { name: C.send, exact: true }).click();
  }

  it('keeps the comment waiting while offline and posts it exactly once when the link returns', async () => {
    const { context, page, problemId } = await openProblem();
    const text = 'พบผู้เสียหายเพิ่มอีกสองคนที่ท่าเรือ';

    await context.setOffline(true);
    await send(page, text);
    await page.getByText(C.queued).waitFor();
    const waiting = page.getByTestId('waiting-comment');
    await waiting.getByText(text).waitFor();
    await waiting.getByText(C.waitingToSend).waitFor();
    const banner = page.getByTestId('send-queue-banner');
    await banner.getByText(th.shell.sendQueue.offline).waitFor();
    await banner.getByText(fill(th.shell.sendQueue.waiting, { count: 1 })).waitFor();
    await screenshot(page, 'offline-comment-waiting');
    expect(await commentsOn(problemId)).toEqual([]);

    await context.setOffline(false);
    await page.getByTestId('comment').getByText(text).waitFor();
    await expect.poll(() => waiting.count()).toBe(0);
    await expect.poll(() => banner.count()).toBe(0);
    expect(await page.getByText(C.queued).count()).toBe(0);
    expect(await commentsOn(problemId)).toEqual([text]);

    // Reloading, or the connection dropping again, sends nothing twice.
    await page.reload();
    await page.getByTestId('comment').getByText(text).waitFor();
    expect(await commentsOn(problemId)).toEqual([text]);
    await context.close();
  });

  it('resends a comment whose answer was lost with the same key, and it is posted once', async () => {
    const { context, page, problemId } = await openProblem();
    const text = 'ขอทราบความคืบหน้าเรื่องล่าม';
    const keys: string[] = [];
    const replayed: (string | undefined)[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/comments'))
        replayed.push(response.headers()['idempotent-replayed']);
    });
    // The first attempt reaches the server, but its answer never comes back (the link dropped); until the
    // test says the link is back, any retry the queue makes on its own finds no connection either.
    let first = true;
    let linkDown = true;
    await page.route('**/api/v1/problems/*/comments', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      if (first) {
        first = false;
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        await route.fetch();
        return route.abort('connectionreset');
      }
      if (linkDown) return route.abort('internetdisconnected');
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return route.continue();
    });

    await send(page, text);
    await page.getByTestId('waiting-comment').getByText(text).waitFor();
    expect(await commentsOn(problemId)).toEqual([text]);

    // The phone says the connection is back: the queue resends the same submission.
    linkDown = false;
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('waiting-comment').count()).toBe(0);
    await page.getByTestId('comment').getByText(text).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(replayed.filter(Boolean)).toEqual(['true']);
    expect(await commentsOn(problemId)).toEqual([text]);

    // The next submission is a new one, with a new key.
    await send(page, 'ความเห็นถัดไป');
    await page.getByTestId('comment').getByText('ความเห็นถัดไป').waitFor();
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    expect(await commentsOn(problemId)).toEqual([text, 'ความเห็นถัดไป']);
    await context.close();
  });

  it('raises a problem written offline once the link returns, exactly once', async () => {
    const { context, page } = await openProblem();
    const P = th.problems;
    const title = `บ้านพักเต็ม รอส่งตอนออฟไลน์ ${randomBytes(3).toString('hex')}`;
    await page.goto('/problems/new');
    await pageReady(page, P.raise.title);

    await context.setOffline(true);
    await field(page, P.fields.title).fill(title);
    await field(page, P.fields.body).fill('ผู้เสียหายต้องค้างที่สถานีตำรวจเพราะบ้านพักเต็ม');
    await page.getByRole('combobox', { name: P.fields.category }).click();
    await page.getByRole('option', { name: 'การคัดแยกและคัดกรองผู้เสียหาย' }).click();
    await page.getByRole('button', { name: P.raise.submit }).click();
    await page.getByText(P.raise.queued).waitFor();
    await page
      .getByTestId('send-queue-banner')
      .getByText(fill(th.shell.sendQueue.waiting, { count: 1 }))
      .waitFor();
    expect(await field(page, P.fields.title).inputValue()).toBe('');
    await screenshot(page, 'offline-problem-waiting');

    const raised = async () => {
      const res = await memberApi.get('/api/v1/problems', { params: { limit: 100 } });
      return ((await res.json()) as { items: { title: string }[] }).items.filter((p) => p.title === title);
    };
    expect(await raised()).toHaveLength(0);
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('send-queue-banner').count()).toBe(0);
    expect(await raised()).toHaveLength(1);
    await context.close();
  });

  it('forgets what waited to be sent when the user signs out on that phone', async () => {
    const { context, page, problemId } = await openProblem();
    await context.setOffline(true);
    await send(page, 'ข้อความที่ไม่ควรค้างอยู่ในเครื่อง');
    await page.getByTestId('waiting-comment').waitFor();
    const stored = () =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tipnet.sendQueue.')).length);
    expect(await stored()).toBe(1);

    await signOut(page);
    expect(await stored()).toBe(0);
    await context.setOffline(false);
    expect(await commentsOn(problemId)).toEqual([]);
    await context.close();
  });
});
