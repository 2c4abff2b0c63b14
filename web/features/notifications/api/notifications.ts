/** The notification centre: the list, the unread count kept live over Server-Sent Events, preferences. */
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type * as Contract from '../../../../common/notifications-api.ts';
import { api } from '../../../lib/api.ts';
import { ME_KEY } from '../../../lib/session.ts';
import type { Page } from '../../../lib/types.ts';

export type NotificationView = Contract.NotificationView;
export type NotificationPreferences = Contract.NotificationPreferences;

const KEY = ['notifications'] as const;
const UNREAD_KEY = [...KEY, 'unread'] as const;
const LIST_KEY = [...KEY, 'list'] as const;
const PREFERENCES_KEY = [...KEY, 'preferences'] as const;

export const unreadQuery = queryOptions({
  queryKey: UNREAD_KEY,
  queryFn: ({ signal }) => api.get<{ unread: number }>('/notifications/unread-count', undefined, signal),
  select: (data) => data.unread,
  // The stream keeps it fresh; a refetch happens only when the stream is down (see useLiveUnreadCount).
  staleTime: Number.POSITIVE_INFINITY,
});

export const notificationsQuery = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: [...LIST_KEY, unreadOnly],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<NotificationView>>(
        '/notifications',
        { cursor: pageParam, limit: 30, unread: unreadOnly ? 'true' : undefined },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useUnreadCount() {
  return useQuery(unreadQuery).data ?? 0;
}

export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery(notificationsQuery(unreadOnly));
}

function useSetUnread() {
  const client = useQueryClient();
  return (unread: number) => {
    client.setQueryData(UNREAD_KEY, { unread });
    void client.invalidateQueries({ queryKey: LIST_KEY });
  };
}

export function useMarkRead() {
  const setUnread = useSetUnread();
  return useMutation({
    mutationFn: (id: string) => api.post<{ unread: number }>(`/notifications/${id}/read`),
    onSuccess: (data) => setUnread(data.unread),
  });
}

export function useMarkAllRead() {
  const setUnread = useSetUnread();
  return useMutation({
    mutationFn: (upTo?: string) =>
      api.post<{ marked: number; unread: number }>('/notifications/read-all', upTo ? { upTo } : {}),
    onSuccess: (data) => setUnread(data.unread),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>('/notifications/preferences', undefined, signal),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (prefs: NotificationPreferences) =>
      api.put<NotificationPreferences>('/notifications/preferences', prefs),
    onSuccess: (data) => client.setQueryData(PREFERENCES_KEY, data),
  });
}

const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

/**
 * Keeps the unread count live for as long as the signed-in shell is shown. EventSource reconnects by
 * itself after a dropped connection; when the server refuses (the session ended) or the stream ends with
 * `signed_out`, it stops, so this reconnects with a growing delay and refetches the count meanwhile.
 */
export function useLiveUnreadCount() {
  const setUnread = useSetUnread();
  const client = useQueryClient();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one stream per mounted shell.
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const connect = () => {
      source = new EventSource('/api/v1/notifications/stream');
      source.addEventListener('unread', (event) => {
        failures = 0;
        const { unread } = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
        setUnread(unread);
      });
      source.addEventListener('signed_out', () => {
        source?.close();
        void client.invalidateQueries({ queryKey: ME_KEY });
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        const delay = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)];
        retry = setTimeout(() => {
          void client.invalidateQueries({ queryKey: UNREAD_KEY });
          connect();
        }, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  }, []);
}
