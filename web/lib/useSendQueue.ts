/** React side of web/lib/send-queue.ts: what waits, whether the phone is online, and the resending. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import {
  flushSendQueue,
  type QueuedSend,
  queuedSends,
  type SendOutcome,
  sendOrQueue,
  subscribeSendQueue,
} from './send-queue.ts';

/** While something waits and the phone seems online, try again this often (a lost response, a 503). */
const RETRY_MS = 20_000;

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The user's waiting creates, oldest first; only those of `kind` when given. */
export function useQueuedSends(userId: string, kind?: string): QueuedSend[] {
  const items = useSyncExternalStore(subscribeSendQueue, () => queuedSends(userId));
  return kind ? items.filter((item) => item.kind === kind) : items;
}

/**
 * Mounted once in the signed-in frame: sends what waits at start, when the connection returns and every
 * RETRY_MS while something waits, then refreshes every query so the sent items show as the server has them.
 */
export function useSendQueueRunner(userId: string) {
  const client = useQueryClient();
  const waiting = useQueuedSends(userId).some((item) => !item.failed);
  useEffect(() => {
    const flush = () =>
      void flushSendQueue(userId).then((sent) => {
        if (sent > 0) void client.invalidateQueries();
      });
    flush();
    window.addEventListener('online', flush);
    const timer = waiting ? window.setInterval(flush, RETRY_MS) : undefined;
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [userId, client, waiting]);
}

/**
 * A create that waits for the connection instead of failing: each `mutate` is one submission with its own
 * Idempotency-Key. `onSent` runs only when the server answered; a queued outcome is the caller's to show.
 */
export function useCreateOrQueue<TBody, TResult>(
  userId: string,
  kind: string,
  pathOf: (body: TBody) => string,
  onSent?: (result: TResult) => unknown,
) {
  return useMutation({
    // TanStack's default ('online') pauses a mutation while offline: the spinner that never stopped.
    networkMode: 'always',
    mutationFn: (body: TBody) => sendOrQueue<TResult>(userId, { kind, path: pathOf(body), body }),
    onSuccess: async (outcome: SendOutcome<TResult>) => {
      if (outcome.status === 'sent') await onSent?.(outcome.result);
    },
  });
}
