/// <reference lib="webworker" />
/**
 * TIPNet's service worker. The app shell (index.html and the hashed assets the build lists) is precached
 * so the app opens without a network; the few reads in OFFLINE_READS are kept, each copy stamped with
 * when it was fetched so the page can say "as of". Writes and every other API answer go straight to the
 * network: they are never stored here.
 */
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { API_CACHE, CACHED_AT_HEADER, offlineReadKind } from '../lib/offline-cache.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every page of the single-page app is index.html; the server's own pages and API are not.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/internal\//, /^\/(healthz|readyz|metrics)$/],
  }),
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
