/** The LINE channel: link state, linking, unlinking and LINE preferences. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as Contract from '../../../../common/line-api.ts';
import { api } from '../../../lib/api.ts';

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
