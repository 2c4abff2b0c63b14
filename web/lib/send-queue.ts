/**
 * Creates made while the phone has no connection wait here, in localStorage, per user, and are sent when
 * the link returns, each with the Idempotency-Key of its submission: a resend whose first attempt did
 * reach the server gets the first answer back and never posts twice. Kept in the page (not a service
 * worker) so that a worker can call `flushSendQueue` later. Signing out clears the user's queue.
 */
import { ApiError, api, NETWORK_ERROR, newIdempotencyKey } from './api.ts';

/** One create waiting to be sent. */
export type QueuedSend = {
  /** The submission's Idempotency-Key, the same on every attempt. */
  key: string;
  /** What the item is, for the feature that shows it: 'problems.comment', 'problems.create', … */
  kind: string;
  path: string;
  body: unknown;
  queuedAt: string;
  /** The server refused it (e.g. the problem was closed meanwhile): shown, no longer sent. */
  failed?: { status: number; code: string; message: string };
};

export type SendOutcome<T> = { status: 'sent'; result: T } | { status: 'queued'; item: QueuedSend };

const STORAGE_PREFIX = 'tipnet.sendQueue.';
const storageKey = (userId: string) => `${STORAGE_PREFIX}${userId}`;

// ---- the stored list, one per user -------------------------------------------------------------
const snapshots = new Map<string, QueuedSend[]>();
const listeners = new Set<() => void>();
const EMPTY: QueuedSend[] = [];

export function queuedSends(userId: string): QueuedSend[] {
  let items = snapshots.get(userId);
  if (!items) {
    items = readStored(userId);
    snapshots.set(userId, items);
  }
  return items;
}

function readStored(userId: string): QueuedSend[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed) && parsed.length > 0 ? (parsed as QueuedSend[]) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function write(userId: string, update: (items: QueuedSend[]) => QueuedSend[]) {
  const items = update(readStored(userId));
  if (items.length === 0) localStorage.removeItem(storageKey(userId));
  else localStorage.setItem(storageKey(userId), JSON.stringify(items));
  snapshots.set(userId, items.length === 0 ? EMPTY : items);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore; also hears other tabs of the same browser. */
export function subscribeSendQueue(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (!event.key?.startsWith(STORAGE_PREFIX)) return;
    snapshots.clear();
    listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Why the server refused a queued item, as the error the rest of the app knows how to word. */
export function failureOf(item: QueuedSend): ApiError | null {
  return item.failed ? new ApiError(item.failed.status, item.failed.code, item.failed.message) : null;
}

export function discardQueued(userId: string, key: string) {
  write(userId, (items) => items.filter((item) => item.key !== key));
}

/** Signing out: nothing the user wrote stays on a shared phone. */
export function clearSendQueue(userId: string) {
  write(userId, () => []);
}

// ---- sending ---------------------------------------------------------------------------------------
const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
const unreachable = (error: unknown) => error instanceof ApiError && error.code === NETWORK_ERROR;

/**
 * Sends one submission with a new key, or queues it when the phone is offline or the request did not get
 * through (it may have reached the server: the queued resend carries the same key). Errors the server
 * answered are thrown as usual.
 */
export async function sendOrQueue<T>(
  userId: string,
  send: { kind: string; path: string; body: unknown },
): Promise<SendOutcome<T>> {
  const item: QueuedSend = { ...send, key: newIdempotencyKey(), queuedAt: new Date().toISOString() };
  if (!isOffline()) {
    try {
      return { status: 'sent', result: await api.create<T>(item.path, item.body, item.key) };
    } catch (error) {
      if (!unreachable(error)) throw error;
    }
  }
  write(userId, (items) => [...items, item]);
  return { status: 'queued', item };
}

/** Worth trying again later: no connection, the first attempt still running, a session to renew, a 5xx. */
function worthRetrying(error: unknown) {
  if (unreachable(error)) return true;
  if (!(error instanceof ApiError)) return false;
  return (
    error.code === 'IDEMPOTENCY_KEY_IN_FLIGHT' ||
    error.status === 401 ||
    error.status === 429 ||
    error.status >= 500
  );
}

const flushing = new Map<string, Promise<number>>();

/**
 * Sends what waits, oldest first, each with its own key; stops at the first sign the link is still down.
 * Resolves to how many were sent. Calls made while a flush runs share it.
 */
export function flushSendQueue(userId: string): Promise<number> {
  const running = flushing.get(userId);
  if (running) return running;
  const run = (async () => {
    let sent = 0;
    for (const item of readStored(userId)) {
      if (item.failed) continue;
      if (isOffline()) break;
      try {
        await api.create(item.path, item.body, item.key);
        discardQueued(userId, item.key);
        sent++;
      } catch (error) {
        if (worthRetrying(error)) break;
        const { status, code, message } =
          error instanceof ApiError ? error : { status: 0, code: 'UNKNOWN', message: '' };
        write(userId, (items) =>
          items.map((i) => (i.key === item.key ? { ...i, failed: { status, code, message } } : i)),
        );
      }
    }
    return sent;
  })().finally(() => flushing.delete(userId));
  flushing.set(userId, run);
  return run;
}
