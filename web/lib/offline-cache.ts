/**
 * What the service worker (web/sw/sw.ts) keeps for offline use, shared with the page that clears it.
 * Only the reads a field worker needs without a network: who is signed in, the labels, the finder and
 * the directory, and each organisation page visited; and the finder's and the board's pages with the
 * answer the server wrote in (web/sw/page-copies.ts). Nothing else with personal data is ever cached.
 */
export const API_CACHE = 'tipnet-api-v1';

/**
 * How long a first read, or a first screen's page, waits for the server before this device's copy is
 * shown (web/lib/copy-first.ts, web/sw/page-copies.ts): longer than any good link takes.
 */
export const COPY_AFTER_MS = 800;

/** Asked by the page when a worker first controls it (web/lib/offline.ts): keep a copy of this page. */
export const KEEP_PAGE_HEADER = 'x-tipnet-keep-page';

/** Set by the service worker on its stored copies: when the server sent that copy (ISO time). */
export const CACHED_AT_HEADER = 'x-tipnet-cached-at';

/**
 * Paths under /api/v1 whose GET answers are kept for offline use. `fresh`: the network first, the copy
 * when there is none (numbers to call must be today's; the session and its language must be current).
 * `instant`: the copy at once, refreshed behind it (the labels, which change only with a release).
 */
export const OFFLINE_READS = {
  fresh: [/^\/me$/, /^\/directory\/finder$/, /^\/organizations$/, /^\/organizations\/[^/]+$/],
  instant: [/^\/taxonomies$/],
} as const;

export function offlineReadKind(pathname: string): keyof typeof OFFLINE_READS | null {
  if (!pathname.startsWith('/api/v1/')) return null;
  const path = pathname.slice('/api/v1'.length);
  if (OFFLINE_READS.fresh.some((pattern) => pattern.test(path))) return 'fresh';
  if (OFFLINE_READS.instant.some((pattern) => pattern.test(path))) return 'instant';
  return null;
}
