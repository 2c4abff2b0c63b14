/**
 * The page's side of offline use: registering the service worker, knowing whether the device is online,
 * which answers came from the offline copy (and from when), and forgetting those copies on sign-out.
 */
import { useSyncExternalStore } from 'react';
import { firstScreenAnswer } from '../../common/first-screen.ts';
import { BACKGROUND_READ_HEADER } from '../../common/session-headers.ts';
import { API_CACHE, CACHED_AT_HEADER, KEEP_PAGE_HEADER, offlineReadKind } from './offline-cache.ts';

/**
 * Registers the service worker once the page has loaded, so precaching never slows the first paint.
 * When a worker starts serving a page that loaded without one (the first visit), the offline reads the
 * page made went past it: they are asked again, through it, so the finder or organisation on screen is
 * there offline too.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', keepReadsPastWorker, { once: true });
  }
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline copy then; the app works as before.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** False while the browser knows it has no network. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** Request path (with query) → when the offline copy the page last got for it was fetched. */
const copies = new Map<string, string>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** Offline reads (paths under /api/v1) answered before a service worker was in control. */
const readsPastWorker = new Set<string>();

/**
 * Asks the worker for each of them once, in the background. Only these: refetching every query on screen
 * (as this once did) read the board's list a second time over a slow link for nothing.
 */
function keepReadsPastWorker() {
  const page = location.pathname + location.search;
  // The finder's or the board's page, with its answer written in by the server (web/sw/page-copies.ts).
  if (firstScreenAnswer(page)) {
    fetch(page, { credentials: 'same-origin', headers: { [KEEP_PAGE_HEADER]: '1' } }).catch(() => {
      // Offline again: the copy will be kept on the next visit.
    });
  }
  const paths = [...readsPastWorker];
  readsPastWorker.clear();
  for (const path of paths) {
    fetch(`/api/v1${path}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', [BACKGROUND_READ_HEADER]: '1' },
    }).catch(() => {
      // Offline again: the copy will be kept on the next visit.
    });
  }
}

/** Called by the API client with every answer: remembers whether it was an offline copy. */
export function noteAnswer(path: string, response: Response) {
  if (
    response.ok &&
    typeof navigator !== 'undefined' &&
    !navigator.serviceWorker?.controller &&
    offlineReadKind(`/api/v1${path.split('?')[0]}`)
  ) {
    readsPastWorker.add(path);
  }
  const cachedAt = response.headers.get(CACHED_AT_HEADER);
  if (cachedAt === (copies.get(path) ?? null)) return;
  if (cachedAt) copies.set(path, cachedAt);
  else copies.delete(path);
  notify();
}

/** The page showed this device's copy of `path` (fetched at `cachedAt`) while the server was slow. */
export function noteCopyShown(path: string, cachedAt: string) {
  copies.set(path, cachedAt);
  notify();
}

/** The server's own answer for `path` replaced the copy on screen. */
export function noteCopyReplaced(path: string) {
  if (copies.delete(path)) notify();
}

function subscribeCopies(onChange: () => void) {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

/** When the data shown for `path` (under /api/v1) was fetched, if it is an offline copy; else null. */
export function useOfflineCopyTime(path: string | null): string | null {
  return useSyncExternalStore(subscribeCopies, () => (path ? (copies.get(path) ?? null) : null));
}

/** Forgets every offline copy on this device: on sign-out, and when the session turns out to be over. */
export async function clearOfflineData() {
  copies.clear();
  readsPastWorker.clear();
  notify();
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(API_CACHE);
  } catch {
    // Storage unavailable (private mode): nothing was stored either.
  }
}
