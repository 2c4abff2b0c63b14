/**
 * `npm run bench:field`: how the built web app behaves for a field worker on a slow provincial link.
 *
 * Starts the real server on a fresh embedded database behind a slow-3G link (bench/slow-link.ts: 2,000 ms
 * round trip, 50 KB/s each way, shared by the page and its service worker), drives Debian's Chromium over
 * CDP with the CPU 4× slower and prints, cold (empty cache) and warm (second
 * visit): bytes transferred, JS bytes, first contentful paint, time to the finder's first call button and
 * to the board's first card; then cuts the network and checks the finder and an organisation still show.
 * Uses dist/web as built (builds it only when missing): run `npx vite build` first to measure a change.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { login, startServer, stopAll } from './server.ts';
import { SLOW_3G, type SlowLink, startSlowLink } from './slow-link.ts';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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

type Visit = {
  bytes: number;
  jsBytes: number;
  fcpMs: number | null;
  readyMs: number;
  /** When the app had taken over an answer the server wrote into the page (null: none was served). */
  appMs: number | null;
  /** Network round trips one after the other before the page was ready (see `roundTrips`). */
  roundTrips: number;
  requests: Timed[];
  /** After a cold visit: how long after the page was done until the service worker took over. */
  workerMs: number | null;
};
type Row = { scenario: string; cold: Visit; warm: Visit };

/** One request as the page saw it, times in ms from navigation start. */
type Timed = {
  url: string;
  type: string;
  startMs: number;
  endMs: number | null;
  bytes: number;
  /** network, service worker (answered by it, from its cache or after its own fetch), memory/disk cache */
  source: 'net' | 'sw' | 'cache';
  /** The request's place in the chain: 1 + the deepest network request that had ended when it started. */
  level: number;
};

/**
 * Every request of the page from CDP Network events, so the chain (HTML → entry JS → route chunk → /me →
 * data → fonts) shows, and totals of bytes on the wire per response (headers and compressed body).
 */
function recordRequests(cdp: CDPSession) {
  type Raw = {
    url: string;
    type: string;
    start: number;
    end: number | null;
    bytes: number;
    source: Timed['source'];
  };
  const byId = new Map<string, Raw>();
  const totals = { bytes: 0, jsBytes: 0 };
  cdp.on('Network.requestWillBeSent', (e) => {
    // A redirect reuses the id: keep the first start.
    if (byId.has(e.requestId)) return;
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? '',
      start: e.timestamp,
      end: null,
      bytes: 0,
      source: 'net',
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = byId.get(e.requestId);
    if (r) r.source = 'cache';
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    if (e.response.fromServiceWorker) r.source = 'sw';
    else if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.source = 'cache';
  });
  const finish = (e: { requestId: string; timestamp: number; encodedDataLength?: number }) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.end = e.timestamp;
    r.bytes = e.encodedDataLength ?? 0;
    totals.bytes += r.bytes;
    if (r.type === 'Script') totals.jsBytes += r.bytes;
  };
  cdp.on('Network.loadingFinished', finish);
  cdp.on('Network.loadingFailed', (e) => finish({ requestId: e.requestId, timestamp: e.timestamp }));
  return {
    totals,
    /** The requests relative to the first one (the navigation), in the order they were asked for. */
    timeline(): Timed[] {
      const raws = [...byId.values()].sort((a, b) => a.start - b.start);
      const t0 = raws[0]?.start ?? 0;
      const ms = (t: number) => Math.round((t - t0) * 1000);
      const timed: Timed[] = [];
      for (const r of raws) {
        const startMs = ms(r.start);
        const endMs = r.end === null ? null : ms(r.end);
        // A round trip: anything that went to the server, including through the service worker (which
        // answers from its cache in milliseconds, or after a fetch of its own that costs the latency).
        const waited =
          r.source === 'net' ||
          (r.source === 'sw' && endMs !== null && endMs - startMs >= SLOW_3G.latencyMs / 2);
        // What a later request can wait on: the page, its code and styles, and API reads; not fonts, the
        // icon or the notification bell, which nothing on the path waits for.
        const before = timed.filter(
          (q) => q.level > 0 && q.endMs !== null && q.endMs <= startMs && onPath(q),
        );
        const depth = Math.max(0, ...before.map((q) => q.level));
        timed.push({
          url: r.url,
          type: r.type,
          startMs,
          endMs,
          bytes: r.bytes,
          source: r.source,
          level: waited ? depth + 1 : 0,
        });
      }
      return timed;
    },
  };
}

// (A read asked by a <link rel="preload" as="fetch"> shows as type Other.)
const onPath = (r: Pick<Timed, 'type' | 'url'>) =>
  ['Document', 'Script', 'Stylesheet'].includes(r.type) ||
  (r.url.includes('/api/v1/') && !r.url.includes('/notifications/'));

/** Sequential round trips before `readyMs`: the deepest level among requests that ended by then. */
function roundTrips(requests: Timed[], readyMs: number) {
  return Math.max(
    0,
    ...requests.filter((r) => r.endMs !== null && r.endMs <= readyMs && onPath(r)).map((r) => r.level),
  );
}

async function throttledPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const cdp = await context.newCDPSession(page);
  // The network is slowed by the link in front of the server (bench/slow-link.ts); CDP only records it.
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { page, cdp };
}

/** Opens `path` on a throttled page and waits for `selector`; times are from navigation start. */
async function visit(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  selector: string,
  { stayForWorker = false } = {},
): Promise<Visit> {
  const { page, cdp } = await throttledPage(context);
  const recorder = recordRequests(cdp);
  const started = Date.now();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible' });
  // When the page painted an answer the server wrote into it: the browser's own time (Element Timing),
  // which a main thread busy starting the app does not delay as it delays this script's polling.
  const servedPaintMs = await page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        new PerformanceObserver((list) => {
          type ElementTiming = PerformanceEntry & { identifier: string; renderTime: number };
          const entries = list.getEntries() as ElementTiming[];
          resolve(entries.find((e) => e.identifier === 'first-answer')?.renderTime ?? null);
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => resolve(null), 500);
      }),
  );
  const readyMs = servedPaintMs === null ? Date.now() - started : Math.round(servedPaintMs);
  // The answer may be the server's, written into the page (server/platform/first-screen-html.ts) and
  // usable at once; the app's own page takes over when its code has arrived and started.
  const served = (await page.locator('[data-served-screen]').count()) > 0;
  if (served) await page.locator('[data-served-screen]').waitFor({ state: 'detached' });
  const appMs = served ? Date.now() - started : null;
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  // What the page still fetches right after (lazy chunks, fonts) is part of its weight too.
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_000);
  const requests = recorder.timeline();
  // A second visit comes back later, after the service worker the first one installed has taken over;
  // stay until it has (precaching over the slow link), or the warm visit would measure a half-installed app.
  const workerMs = stayForWorker ? await untilWorkerInControl(page) : null;
  await page.close();
  return {
    bytes: recorder.totals.bytes,
    jsBytes: recorder.totals.jsBytes,
    fcpMs,
    readyMs,
    appMs,
    roundTrips: roundTrips(requests, readyMs),
    requests,
    workerMs,
  };
}

/** Ms until a service worker controls the page (null: none within three minutes, or none in this build). */
async function untilWorkerInControl(page: Page): Promise<number | null> {
  const started = Date.now();
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
      timeout: 300_000,
    });
  } catch {
    return null;
  }
  const tookMs = Date.now() - started;
  // The page then asks the worker again for the reads it made past it (web/lib/offline.ts), a round
  // trip on this link; a user still reading lets that finish.
  await page.waitForTimeout(5_000);
  return tookMs;
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
    const cold = await visit(context, baseUrl, path, selector, { stayForWorker: true });
    const warm = await visit(context, baseUrl, path, selector);
    return { scenario: name, cold, warm } satisfies Row;
  } finally {
    await context.close();
  }
}

/** After one visit to the finder and an organisation, with the network cut: does each still show? */
async function offline(browser: Browser, link: SlowLink, cookie: string, organisationPath: string) {
  const baseUrl = link.url;
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
    // The page learns it is offline; the link is cut for the service worker too, which setOffline
    // does not reach.
    await context.setOffline(true);
    link.cut();
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
    link.restore();
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
  console.log(
    '| page | visit | transferred | of it JS | first paint | ready | app took over | round trips |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    for (const [label, v] of [
      ['cold', row.cold],
      ['warm', row.warm],
    ] as const) {
      console.log(
        `| ${row.scenario} | ${label} | ${kb(v.bytes)} | ${kb(v.jsBytes)} | ${s(v.fcpMs)} | ${s(v.readyMs)} | ${s(v.appMs)} | ${v.roundTrips} |`,
      );
    }
  }
  console.log(
    '\nready: the answer is on screen and usable (links and call buttons work), written into the page by' +
      '\nthe server or shown by the app; app took over: the app replaced an answer written into the page.',
  );
  console.log(
    '\nround trips: the longest chain of requests that waited on the server (each asked only after the one' +
      '\nbefore it had ended) before the page was ready; counted from the network log, so CPU noise barely moves it.',
  );
  console.log(
    `warm: a second visit after the first one's service worker took over (${rows
      .map((row) => `${row.scenario} ${row.cold.workerMs === null ? 'never' : s(row.cold.workerMs)}`)
      .join(', ')} after the first visit was done).`,
  );
}

/** The critical path of each visit: every request asked before the page was ready, with its place in the chain. */
function printChains(rows: Row[]) {
  for (const row of rows) {
    for (const [label, v] of [
      ['cold', row.cold],
      ['warm', row.warm],
    ] as const) {
      console.log(`\n${row.scenario}, ${label}: ready ${s(v.readyMs)}, ${v.roundTrips} round trips`);
      console.log('  start    end      trip  from   bytes    request');
      const line = (r: Timed) => {
        const url = new URL(r.url);
        const name =
          url.pathname.replace(/^\/assets\//, '').replace(/^\/node_modules\/.*\//, '') + url.search;
        console.log(
          `  ${s(r.startMs).padStart(6)} ${(r.endMs === null ? '…' : s(r.endMs)).padStart(6)}   ${String(r.level || '·').padStart(4)}  ${r.source.padEnd(5)} ${kb(r.bytes).padStart(7)}  ${name.slice(0, 70)}`,
        );
      };
      const before = v.requests.filter((r) => r.startMs <= v.readyMs);
      const after = v.requests.filter((r) => r.startMs > v.readyMs);
      before.forEach(line);
      // Still part of the page's weight: what it fetched once ready (the app's code, fonts, later reads).
      if (after.length > 0) console.log('  -- after the page was ready:');
      after.forEach(line);
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
  // The browser reaches the server only through the slow link; the bench's own calls go direct.
  const link = await startSlowLink(server.baseUrl);
  try {
    const cookie = await login(server.baseUrl, USER, server.demoPassword);
    const rows = [
      await scenario(browser, link.url, 'sign-in', '/login', SELECTORS.signIn),
      await scenario(
        browser,
        link.url,
        'finder: first call button',
        FINDER_PATH,
        SELECTORS.callButton,
        cookie,
      ),
      await scenario(browser, link.url, 'board: first card', '/problems', SELECTORS.boardCard, cookie),
    ];
    print(rows);
    printChains(rows);
    const precache = precacheSize();
    console.log(
      precache
        ? `\nservice worker precache, fetched in the background after the first page: ${precache.files} files, ${kb(precache.bytes)} (brotli)`
        : '\nno service worker in this build',
    );
    const cut = await offline(browser, link, cookie, await firstOrganisationPath(server.baseUrl, cookie));
    console.log(
      `\nservice worker in control ${s(cut.installMs)} after the finder showed (precache on the slow link)`,
    );
    console.log(
      `offline after one visit: finder ${cut.finder ? 'shows' : 'FAILS'}, organisation contacts ${cut.organisation ? 'show' : 'FAIL'}`,
    );
  } finally {
    await link.close();
    await browser.close();
    await stopAll();
  }
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
