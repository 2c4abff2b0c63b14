/**
 * The page's side of offline use: registering the service worker, knowing whether the device is online,
 * which answers came from the offline copy (and from when), and forgetting those copies on sign-out.
 */
import { useSyncExternalStore } from 'react';
import { API_CACHE, CACHED_AT_HEADER } from './offline-cache.ts';

/**
 * Registers the service worker once the page has loaded, so precaching never slows the first paint.
 * `onFirstControl` runs when a worker starts serving a page that loaded without one (the first visit):
 * what the page shows was fetched past the worker, so it should be fetched again to be kept offline.
 */
export function registerServiceWorker(onFirstControl: () => void) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller) {
    navigator.serviceWorker.addEventListener('controllerchange', onFirstControl, { once: true });
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

/** Called by the API client with every answer: remembers whether it was an offline copy. */
export function noteAnswer(path: string, response: Response) {
  const cachedAt = response.headers.get(CACHED_AT_HEADER);
  if (cachedAt === (copies.get(path) ?? null)) return;
  if (cachedAt) copies.set(path, cachedAt);
  else copies.delete(path);
  notify();
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
  notify();
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(API_CACHE);
  } catch {
    // Storage unavailable (private mode): nothing was stored either.
  }
}
