/**
 * What the service worker (web/sw/sw.ts) keeps for offline use, shared with the page that clears it.
 * Only the reads a field worker needs without a network: who is signed in, the labels, the finder and
 * the directory, and each organisation page visited. Nothing else with personal data is ever cached.
 */
export const API_CACHE = 'tipnet-api-v1';

/** Set by the service worker on its stored copies: when the server sent that copy (ISO time). */
export const CACHED_AT_HEADER = 'x-tipnet-cached-at';

/** Paths under /api/v1 whose GET answers are kept for offline use. */
export const OFFLINE_READS: readonly RegExp[] = [
  /^\/me$/,
  /^\/taxonomies$/,
  /^\/directory\/finder$/,
  /^\/organizations$/,
  /^\/organizations\/[^/]+$/,
];

export function isOfflineRead(pathname: string): boolean {
  if (!pathname.startsWith('/api/v1/')) return false;
  const path = pathname.slice('/api/v1'.length);
  return OFFLINE_READS.some((pattern) => pattern.test(path));
}
