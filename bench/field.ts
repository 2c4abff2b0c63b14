/**
 * `npm run bench:field`: how the built web app behaves for a field worker on a slow provincial link.
 *
 * Starts the real server on a fresh embedded database, drives Debian's Chromium over CDP with a slow-3G
 * profile (2,000 ms latency, 50 KB/s down, CPU 4× slower) and prints, cold (empty cache) and warm (second
 * visit): bytes transferred, JS bytes, first contentful paint, time to the finder's first call button and
 * to the board's first card; then cuts the network and checks the finder and an organisation still show.
 * Uses dist/web as built (builds it only when missing): run `npx vite build` first to measure a change.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { login, startServer, stopAll } from './server.ts';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SLOW_3G = { latency: 2000, downloadThroughput: 50 * 1024, uploadThroughput: 50 * 1024 };
const CPU_SLOWDOWN = 4;
const USER = 'mirror@tipnet.example';
/** Legal aid in Ranong: the demo network answers with several agencies and their hotlines. */
const FINDER_PATH = '/finder?service=legal_aid&province=TH-85';
const TIMEOUT_MS = 60_000;

const SELECTORS = {
  signIn: 'input[type="password"]',
  callButton: 'main a[href^="tel:"]',
  boardCard: 'main li a[href^="/problems/"]',
  organisationContact: 'main a[href^="tel:"]',
};

type Visit = { bytes: number; jsBytes: number; fcpMs: number | null; readyMs: number };
type Row = { scenario: string; cold: Visit; warm: Visit };

/** Bytes on the wire per response, as Chromium counted them (headers and compressed body). */
function countTransfer(cdp: CDPSession) {
  const typeOf = new Map<string, string>();
  const totals = { bytes: 0, jsBytes: 0 };
  cdp.on('Network.responseReceived', (e) => typeOf.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    totals.bytes += e.encodedDataLength;
    if (typeOf.get(e.requestId) === 'Script') totals.jsBytes += e.encodedDataLength;
  });
  return totals;
}

async function throttledPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_3G });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

/**
 * The service worker fetches for the page from its own target, which the page's emulation does not
 * slow down: attach to every worker as it starts and give it the same slow link, or the warm figures
 * would be a round trip too good.
 */
async function throttleServiceWorkers(browser: Browser) {
  const cdp = await browser.newBrowserCDPSession();
  let nextId = 1;
  let throttled = 0;
  cdp.on('Target.targetCreated', async ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker') return;
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', {
        targetId: targetInfo.targetId,
        flatten: false,
      });
      const send = (method: string, params: object) =>
        cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: nextId++, method, params }),
        });
      await send('Network.enable', {});
      await send('Network.emulateNetworkConditions', { offline: false, ...SLOW_3G });
      throttled++;
    } catch (err) {
      console.warn(`could not slow down a service worker: ${(err as Error).message}`);
    }
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { throttled: () => throttled };
}

/** Opens `path` on a throttled page and waits for `selector`; times are from navigation start. */
async function visit(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  selector: string,
): Promise<Visit> {
  const { page, cdp } = await throttledPage(context);
  const totals = countTransfer(cdp);
  const started = Date.now();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible' });
  const readyMs = Date.now() - started;
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  // What the page still fetches right after (lazy chunks, fonts) is part of its weight too.
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_000);
  await page.close();
  return { bytes: totals.bytes, jsBytes: totals.jsBytes, fcpMs, readyMs };
}

async function contextFor(browser: Browser, baseUrl: string, cookie?: string) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  return context;
}

/** Cold in a fresh profile, then warm: the same page again in the same profile. */
async function scenario(
  browser: Browser,
  baseUrl: string,
  name: string,
  path: string,
  selector: string,
  cookie?: string,
) {
  const context = await contextFor(browser, baseUrl, cookie);
  try {
    const cold = await visit(context, baseUrl, path, selector);
    const warm = await visit(context, baseUrl, path, selector);
    return { scenario: name, cold, warm } satisfies Row;
  } finally {
    await context.close();
  }
}

/** After one visit to the finder and an organisation, with the network cut: does each still show? */
async function offline(browser: Browser, baseUrl: string, cookie: string, organisationPath: string) {
  const context = await contextFor(browser, baseUrl, cookie);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}${FINDER_PATH}`);
    await page.locator(SELECTORS.callButton).first().waitFor();
    // The service worker installs in the background and then serves this page; wait for that, as a
    // user would keep reading for a few seconds.
    const visited = Date.now();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
      timeout: 180_000,
    });
    const installMs = Date.now() - visited;
    await page.waitForTimeout(2_000);
    await page.goto(`${baseUrl}${organisationPath}`);
    await page.locator(SELECTORS.organisationContact).first().waitFor();
    await page.waitForTimeout(1_000);
    await context.setOffline(true);
    const shows = async (path: string, selector: string) => {
      try {
        await page.goto(`${baseUrl}${path}`);
        await page.locator(selector).first().waitFor({ timeout: 10_000 });
        return true;
      } catch {
        return false;
      }
    };
    return {
      installMs,
      finder: await shows(FINDER_PATH, SELECTORS.callButton),
      organisation: await shows(organisationPath, SELECTORS.organisationContact),
    };
  } finally {
    await context.close();
  }
}

async function firstOrganisationPath(baseUrl: string, cookie: string) {
  const res = await fetch(`${baseUrl}/api/v1/directory/finder?service=legal_aid&province=TH-85`, {
    headers: { cookie },
  });
  const { items } = (await res.json()) as { items: { organisation: { id: string } }[] };
  if (!items[0]) throw new Error('the demo finder found nobody for legal aid in Ranong');
  return `/organisations/${items[0].organisation.id}`;
}

/** What the service worker precaches after the first visit: files and brotli bytes, from dist/web/sw.js. */
function precacheSize() {
  const dist = join(ROOT, 'dist', 'web');
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return null;
  const urls = [...readFileSync(sw, 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  const bytes = urls.reduce((sum, url) => {
    const file = join(dist, url);
    return sum + statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size;
  }, 0);
  return { files: urls.length, bytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);

function print(rows: Row[]) {
  console.log('\nslow 3G (2,000 ms latency, 50 KB/s down), CPU 4× slower; times from navigation start\n');
  console.log('| page | visit | transferred | of it JS | first paint | ready |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const row of rows) {
    for (const [label, v] of [
      ['cold', row.cold],
      ['warm', row.warm],
    ] as const) {
      console.log(
        `| ${row.scenario} | ${label} | ${kb(v.bytes)} | ${kb(v.jsBytes)} | ${s(v.fcpMs)} | ${s(v.readyMs)} |`,
      );
    }
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    console.log('dist/web is missing: building the web app first');
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server = await startServer('pglite');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const workers = await throttleServiceWorkers(browser);
  try {
    const cookie = await login(server.baseUrl, USER, server.demoPassword);
    const rows = [
      await scenario(browser, server.baseUrl, 'sign-in', '/login', SELECTORS.signIn),
      await scenario(
        browser,
        server.baseUrl,
        'finder: first call button',
        FINDER_PATH,
        SELECTORS.callButton,
        cookie,
      ),
      await scenario(browser, server.baseUrl, 'board: first card', '/problems', SELECTORS.boardCard, cookie),
    ];
    print(rows);
    console.log(`(service workers given the same slow link: ${workers.throttled()})`);
    const precache = precacheSize();
    console.log(
      precache
        ? `\nservice worker precache, fetched in the background after the first page: ${precache.files} files, ${kb(precache.bytes)} (brotli)`
        : '\nno service worker in this build',
    );
    const cut = await offline(
      browser,
      server.baseUrl,
      cookie,
      await firstOrganisationPath(server.baseUrl, cookie),
    );
    console.log(
      `\nservice worker in control ${s(cut.installMs)} after the finder showed (precache on the slow link)`,
    );
    console.log(
      `offline after one visit: finder ${cut.finder ? 'shows' : 'FAILS'}, organisation contacts ${cut.organisation ? 'show' : 'FAIL'}`,
    );
  } finally {
    await browser.close();
    await stopAll();
  }
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
