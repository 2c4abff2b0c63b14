/// <reference lib="webworker" />
/**
 * TIPNet's service worker. The app shell (index.html and the hashed assets the build lists) is precached
 * so the app opens without a network; the few reads in OFFLINE_READS are kept, each copy stamped with
 * when it was fetched so the page can say "as of". Writes and every other API answer go straight to the
 * network: they are never stored here.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import type { RouteHandlerCallback } from 'workbox-core';
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import {
  FIRST_SCREENS_FILE,
  type FirstScreenChunks,
  firstScreenAnswer,
  firstScreenLinks,
  withFirstScreenLinks,
} from '../../common/first-screen.ts';
import {
  API_CACHE,
  CACHED_AT_HEADER,
  COPY_AFTER_MS,
  KEEP_PAGE_HEADER,
  offlineReadKind,
} from '../lib/offline-cache.ts';
import { keepPageCopy, pageCopy } from './page-copies.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const PRECACHE = self.__WB_MANIFEST;

/** Requests at a time while precaching: what a browser opens to one server. */
const PRECACHE_CONCURRENCY = 6;

/**
 * Workbox precaches one file after another. On slow 3G each file is a 2 s round trip, so 130 files kept
 * the app from working offline for over four minutes after the first visit. Asking for the hashed
 * files six at a time first puts them in the HTTP cache (a year, immutable), where Workbox's own pass
 * then finds them; the browser's cache lock makes a file both ask for at once one request.
 */
async function fetchHashedFilesAhead() {
  const queue = PRECACHE.flatMap((entry) =>
    typeof entry === 'string' ? [`/${entry}`] : entry.revision === null ? [`/${entry.url}`] : [],
  );
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await fetch(url, { credentials: 'same-origin' });
        await response.arrayBuffer();
      } catch {
        // Workbox's pass asks again and fails the install properly if the file cannot be had.
      }
    }
  };
  await Promise.all(Array.from({ length: PRECACHE_CONCURRENCY }, worker));
}

// Before precacheAndRoute, so this listener runs first and its requests lead.
self.addEventListener('install', (event) => event.waitUntil(fetchHashedFilesAhead()));

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(PRECACHE);

const indexHtml = createHandlerBoundToURL('/index.html');

/** How long a first screen waits for the server's page, with its answer in it, before the cached one. */
const SERVED_PAGE_TIMEOUT_MS = 3_500;

/** The server's page for `url`, or null when it fails or is slower than `ms` (a link that has dropped). */
async function pageFromNetwork(url: URL, ms: number): Promise<Response | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const response = await fetch(url.href, { credentials: 'same-origin', signal: controller.signal });
    return response.ok ? response : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const after = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));

/**
 * The board and the finder, for someone signed in, from the server first: its page holds the answer
 * already (server/platform/first-screen-html.ts), shown without waiting for the app to start. When the
 * server has not answered soon (a slow link) or cannot be reached, this device's copy of that page,
 * saying when it was saved (web/sw/page-copies.ts); the app then replaces it with the server's answer.
 * Without a copy: index.html from the precache, naming the page's code and first reads as the server
 * does (common/first-screen.ts), so the reads start at once rather than after the scripts have run.
 * "Signed in" is the last session check's copy here (it goes on sign-out and when the session is over).
 */
const firstScreenPage: RouteHandlerCallback = async (options) => {
  const key = options.url.pathname + options.url.search;
  const signedIn = caches.open(API_CACHE).then((cache) => cache.match('/api/v1/me'));
  if ((await signedIn) && firstScreenAnswer(key)) {
    const fromServer = pageFromNetwork(options.url, SERVED_PAGE_TIMEOUT_MS);
    const kept = fromServer.then((page) => page && keepPageCopy(key, page.clone()));
    if (options.event instanceof ExtendableEvent) options.event.waitUntil(kept);
    const early = await Promise.race([fromServer, after(COPY_AFTER_MS)]);
    const page = early ?? (await pageCopy(key)) ?? (await fromServer);
    if (page) return page;
  }
  try {
    const [page, list, me] = await Promise.all([
      matchPrecache('/index.html'),
      matchPrecache(`/${FIRST_SCREENS_FILE}`),
      signedIn,
    ]);
    if (page && list) {
      const links = firstScreenLinks(
        options.url.pathname + options.url.search,
        (await list.json()) as FirstScreenChunks,
        !!me,
      );
      if (links) {
        return new Response(withFirstScreenLinks(await page.text(), links), {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        });
      }
    }
  } catch {
    // The plain page below, as before.
  }
  return indexHtml(options);
};

// Every page of the single-page app is index.html; the server's own pages and API are not.
registerRoute(
  new NavigationRoute(firstScreenPage, {
    denylist: [/^\/api\//, /^\/internal\//, /^\/(healthz|readyz|metrics)$/],
  }),
);

// The page asks for a copy of itself when a worker first controls it (web/lib/offline.ts).
registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin &&
    request.method === 'GET' &&
    request.headers.has(KEEP_PAGE_HEADER) &&
    firstScreenAnswer(url.pathname + url.search) !== null,
  async ({ url }) => {
    const page = await pageFromNetwork(url, SERVED_PAGE_TIMEOUT_MS * 4);
    if (!page) return Response.error();
    await keepPageCopy(url.pathname + url.search, page.clone());
    return page;
  },
);

/** Stores a copy with the time it was fetched, which the page shows when the copy is all it gets. */
const stampCopy = {
  cacheWillUpdate: async ({ response }: { response: Response }) => {
    const headers = new Headers(response.headers);
    headers.set(CACHED_AT_HEADER, new Date().toISOString());
    return new Response(await response.blob(), { status: response.status, headers });
  },
};

// Only successful answers: a 401 or 404 must never replace a good copy or be kept.
const plugins = [new CacheableResponsePlugin({ statuses: [200] }), stampCopy];

registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin && request.method === 'GET' && offlineReadKind(url.pathname) === 'fresh',
  // On a link that has all but dropped, a copy after a few seconds beats a spinner.
  new NetworkFirst({ cacheName: API_CACHE, networkTimeoutSeconds: 10, plugins }),
);

registerRoute(
  ({ url, request, sameOrigin }) =>
    sameOrigin && request.method === 'GET' && offlineReadKind(url.pathname) === 'instant',
  new StaleWhileRevalidate({ cacheName: API_CACHE, plugins }),
);
