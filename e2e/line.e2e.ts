/**
 * Connecting LINE from settings, on a phone in Thai, against a local fake of the Messaging API: the bot's
 * follow reply carries the link, the user confirms, LINE's account-link page is intercepted (it lies outside
 * the machine) and answered with a signed accountLink webhook, and the linked state shows.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';
import { MIRROR, scrollWidth, submitCredentials, th } from './helpers.ts';
import { startServer } from './server.ts';

const L = th.lineSettings;
const SECRET = 'e2e-line-channel-secret-2569';
const replies: string[] = [];

const fakeLine: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => {
    raw += c;
  });
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/linkToken')) return res.end(JSON.stringify({ linkToken: 'e2eLinkToken123' }));
    if (req.url === '/v2/bot/message/reply') replies.push(JSON.parse(raw).messages[0].text);
    res.end('{}');
  });
});

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

async function webhook(events: object[]) {
  const body = JSON.stringify({ destination: 'Ubot', events });
  const res = await fetch(`${server.baseUrl}/api/v1/line/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-line-signature': createHmac('sha256', SECRET).update(body).digest('base64'),
    },
    body,
  });
  expect(res.status).toBe(200);
}
const LINE_USER = `U${randomUUID().replaceAll('-', '')}`;
const event = (type: string, extra: object = {}) => ({
  type,
  webhookEventId: randomUUID(),
  source: { type: 'user', userId: LINE_USER },
  replyToken: randomUUID(),
  ...extra,
});

beforeAll(async () => {
  await new Promise<void>((r) => fakeLine.listen(0, '127.0.0.1', r));
  server = await startServer({
    LINE_CHANNEL_ACCESS_TOKEN: 'e2e-line-access-token',
    LINE_CHANNEL_SECRET: SECRET,
    LINE_API_BASE_URL: `http://127.0.0.1:${(fakeLine.address() as AddressInfo).port}`,
    LINE_ADD_FRIEND_URL: 'https://line.me/R/ti/p/@tipnet-demo',
  });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => fakeLine.close(r));
});

describe('connecting LINE on a phone, in Thai', () => {
  it('links from settings, shows the linked state, and saves a LINE preference', async () => {
    const { page } = await newPage(browser, server.baseUrl, PHONE);
    await page.goto('/login');
    await submitCredentials(page, MIRROR);
    await page.waitForURL((url) => url.pathname !== '/login');

    await page.goto('/settings#line');
    await page.getByRole('heading', { name: L.title }).waitFor();
    await page.getByText(L.step1).waitFor();
    await page.getByRole('img', { name: L.qrAlt }).waitFor();
    await page.locator('#line').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-line-unlinked', { fullPage: false });

    // The user adds the Official Account; the bot answers with the link to TIPNet.
    await webhook([event('follow')]);
    await expect.poll(() => replies.length, { timeout: 10_000 }).toBe(1);
    const link = /(http\S+lineLinkToken=\w+#line)/.exec(replies[0]!)![1]!;
    expect(link.startsWith(server.baseUrl)).toBe(true);

    let accountLink: URL | null = null;
    await page.route('https://access.line.me/**', (route) => {
      accountLink = new URL(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LINE</title>' });
    });
    await page.goto(link);
    await page.getByRole('button', { name: L.confirm }).click();
    // Wait for LINE's page itself: going on while that navigation is still under way interrupts it.
    await page.waitForURL((url) => url.hostname === 'access.line.me');
    expect(accountLink!.searchParams.get('linkToken')).toBe('e2eLinkToken123');

    await webhook([
      event('accountLink', { link: { result: 'ok', nonce: accountLink!.searchParams.get('nonce') } }),
    ]);
    await page.goto('/settings#line');
    await page.locator('#line').getByText(L.linked, { exact: true }).waitFor();
    const followed = page.locator('#line').getByRole('group', { name: L.kinds.followed });
    await followed.getByText(L.daily, { exact: true }).click();
    await page.getByText(L.saved).waitFor();
    await page.locator('#line').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-line-linked', { fullPage: false });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoSeriousAxeViolations(page);
  });
});
