/** The LINE channel: link state, linking, unlinking and LINE preferences; the Centre's delivery view. */
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as Contract from '../../../../common/line-api.ts';
import { api } from '../../../lib/api.ts';
import type { Page } from '../../../lib/types.ts';

export type LineStatus = Contract.LineStatus;
export type LinePreferences = Contract.LinePreferences;

const KEY = ['line'] as const;
const STATUS_KEY = [...KEY, 'status'] as const;
const PREFERENCES_KEY = [...KEY, 'preferences'] as const;

export const lineStatusQuery = queryOptions({
  queryKey: STATUS_KEY,
  queryFn: ({ signal }) => api.get<LineStatus>('/line/me', undefined, signal),
});

export const linePreferencesQuery = queryOptions({
  queryKey: PREFERENCES_KEY,
  queryFn: ({ signal }) => api.get<LinePreferences>('/line/preferences', undefined, signal),
});

export const useLineStatus = () => useQuery(lineStatusQuery);
export const useLinePreferences = () => useQuery(linePreferencesQuery);

export function useSaveLinePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (prefs: LinePreferences) => api.put<LinePreferences>('/line/preferences', prefs),
    onSuccess: (data) => client.setQueryData(PREFERENCES_KEY, data),
  });
}

/** Makes TIPNet's nonce; the browser then goes to LINE's account-link page. */
export function useStartLineLink() {
  return useMutation({
    mutationFn: (linkToken: string) => api.post<{ redirectUrl: string }>('/line/link', { linkToken }),
  });
}

export function useUnlinkLine() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>('/line/link'),
    onSuccess: () => client.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

// ---- the Centre: quota and deliveries ------------------------------------------------------------
export type LineQuota = Contract.LineQuota;
export type LineDelivery = Contract.LineDelivery;
export type LineDeliveryStatus = Contract.LineDeliveryStatus;

const DELIVERIES_KEY = [...KEY, 'deliveries'] as const;
const QUOTA_KEY = [...KEY, 'quota'] as const;

export const useLineQuota = () =>
  useQuery({
    queryKey: QUOTA_KEY,
    queryFn: ({ signal }) => api.get<LineQuota>('/line/quota', undefined, signal),
  });

export const useLineDeliveries = (status: LineDeliveryStatus | undefined) =>
  useInfiniteQuery({
    queryKey: [...DELIVERIES_KEY, status ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<LineDelivery>>('/line/deliveries', { status, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Puts a failed message back in the queue; the list and the backlog counts follow. */
export function useRetryLineDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<LineDelivery>(`/line/deliveries/${id}/retry`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: DELIVERIES_KEY }),
        client.invalidateQueries({ queryKey: QUOTA_KEY }),
      ]),
  });
}
