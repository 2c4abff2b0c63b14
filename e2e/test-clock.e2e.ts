/**
 * A server whose clock the test moves (TIPNET_TEST_CLOCK): time-driven behaviour — idle sessions here,
 * escalations and deadlines elsewhere — tested on the real server without waiting for it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';
import { MIRROR, signIn, th } from './helpers.ts';
import { startServer } from './server.ts';

/**
 * 02:00 in Bangkok on a day after today: ahead of the browser's own time, never behind it, or the session
 * cookie the server dates by its clock would have expired in the browser before it is set.
 */
function twoAmBangkokTomorrow(): string {
  const bangkokTomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
  return `${bangkokTomorrow}T02:00:00+07:00`;
}

describe('a server on a test clock', () => {
  const start = twoAmBangkokTomorrow();
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ TIPNET_TEST_CLOCK: start });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs an idle member out once 30 minutes have passed on its clock, and not before', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, MIRROR);
    const started = await server.advanceClock(1);
    expect(started.getTime() - Date.parse(start)).toBeGreaterThanOrEqual(60_000);
    expect(started.getTime() - Date.parse(start)).toBeLessThan(10 * 60_000);

    await server.advanceClock(20);
    await page.reload();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login');

    await server.advanceClock(31);
    await page.reload();
    await page.getByRole('heading', { name: th.login.title }).waitFor();
    await context.close();
  });
});
