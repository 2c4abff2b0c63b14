/**
 * The offline reads (web/lib/offline-cache.ts) on a slow link: if the server has not answered soon, the
 * page shows this device's copy, marked "as of", and swaps in the server's answer when it comes. The
 * service worker alone would wait for the network (seconds per round trip on provincial 3G) before
 * falling back to the copy, so a second visit to the finder waited as long as the first.
 */
import type { QueryFunctionContext, QueryKey } from '@tanstack/react-query';
import { isApiError, NETWORK_ERROR } from './api.ts';
import { noteCopyReplaced, noteCopyShown } from './offline.ts';
import { API_CACHE, CACHED_AT_HEADER, COPY_AFTER_MS } from './offline-cache.ts';

export { COPY_AFTER_MS };

type StoredCopy<T> = { data: T; cachedAt: string };

/** The copy the service worker keeps of `path` (under /api/v1, with its query), if any. */
export async function storedCopy<T>(path: string): Promise<StoredCopy<T> | null> {
  if (typeof caches === 'undefined') return null;
  try {
    const cache = await caches.open(API_CACHE);
    // The worker stored the request the API client sent, with its own headers: match on the URL alone.
    const response = await cache.match(`/api/v1${path}`, { ignoreVary: true });
    const cachedAt = response?.headers.get(CACHED_AT_HEADER);
    if (!response || !cachedAt) return null;
    return { data: (await response.json()) as T, cachedAt };
  } catch {
    return null;
  }
}

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A query function for an offline read. The first time the query runs it answers with the server's
 * answer if that comes within `waitMs`, else with the device's copy when there is one, and puts the
 * server's answer in the query when it arrives. Later runs (refetches) wait for the server as usual,
 * so a failure then reaches the query's error handling: a session that has ended signs the user out.
 */
export function copyFirst<T>(
  path: string,
  fetchFresh: (signal: AbortSignal) => Promise<T>,
  waitMs = COPY_AFTER_MS,
) {
  return async ({ client, queryKey, signal }: QueryFunctionContext<QueryKey>): Promise<T> => {
    if (client.getQueryData(queryKey) !== undefined) return fetchFresh(signal);
    const fresh = fetchFresh(signal);
    const first = await Promise.race([
      fresh.then(
        () => 'fresh' as const,
        () => 'fresh' as const,
      ),
      after(waitMs).then(() => storedCopy<T>(path)),
    ]);
    if (first === 'fresh' || first === null) return fresh;
    fresh.then(
      // In a task of its own: the server may have answered while the copy was read, and the query must
      // have taken the copy before the answer replaces it.
      (data) =>
        setTimeout(() => {
          client.setQueryData(queryKey, data);
          noteCopyReplaced(path);
        }),
      (error: unknown) => {
        // Offline: the copy stays, marked "as of". Anything else, such as an ended session, is asked
        // again in the ordinary way, which signs the user out or shows the error.
        if (!isApiError(error) || error.code !== NETWORK_ERROR)
          void client.invalidateQueries({ queryKey, exact: true });
      },
    );
    noteCopyShown(path, first.cachedAt);
    return first.data;
  };
}
