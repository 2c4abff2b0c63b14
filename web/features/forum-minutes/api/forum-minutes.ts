import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as Contract from '../../../../common/forum-minutes-api.ts';
import type { ActionStatus } from '../../../../common/forum-states.ts';
import { api } from '../../../lib/api.ts';

export type MinutesView = Contract.MinutesView;
export type MinutesVersionView = Contract.MinutesVersionView;
export type SaveMinutesBody = Contract.SaveMinutesBody;
export type ActionListView = Contract.ActionListView;
export type ActionDetailView = Contract.ActionDetailView;
export type ActionFilter = (typeof Contract.ACTION_FILTERS)[number];

const minutesPath = (eventId: string) => `/forums/events/${encodeURIComponent(eventId)}/minutes`;
const minutesKey = (eventId: string) => ['forum-minutes', eventId] as const;

export const minutesQuery = (eventId: string) =>
  queryOptions({
    queryKey: minutesKey(eventId),
    queryFn: ({ signal }) => api.get<MinutesView>(minutesPath(eventId), undefined, signal),
  });

export const useMinutes = (eventId: string) => useQuery(minutesQuery(eventId));

export function useMinutesVersion(eventId: string, version: number | null) {
  return useQuery({
    queryKey: [...minutesKey(eventId), 'version', version],
    queryFn: ({ signal }) =>
      api.get<MinutesVersionView>(`${minutesPath(eventId)}/versions/${version}`, undefined, signal),
    enabled: version !== null,
  });
}

/** Every change answers the whole minutes: the cache takes them as they are now. */
function useMinutesChange<V>(eventId: string, send: (v: V) => Promise<MinutesView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (minutes) => {
      client.setQueryData(minutesKey(eventId), minutes);
      void client.invalidateQueries({ queryKey: ['forum-actions'] });
    },
  });
}

export const useSaveMinutes = (eventId: string) =>
  useMinutesChange(eventId, (body: SaveMinutesBody) => api.put<MinutesView>(minutesPath(eventId), body));

export type MinutesMove = 'share' | 'finalise' | 'reopen';
export const useMoveMinutes = (eventId: string) =>
  useMinutesChange(eventId, ({ move, ...body }: { move: MinutesMove; revision: number; version?: number }) =>
    api.post<MinutesView>(`${minutesPath(eventId)}/${move}`, body),
  );

export function useCommentMinutes(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post(`${minutesPath(eventId)}/comments`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: minutesKey(eventId) }),
  });
}

export function useActions(filter: ActionFilter, organisationId: string | null) {
  return useQuery({
    queryKey: ['forum-actions', 'list', filter, organisationId],
    queryFn: ({ signal }) => api.get<ActionListView>('/forums/actions', { filter, organisationId }, signal),
  });
}

export function useAction(actionId: string | null) {
  return useQuery({
    queryKey: ['forum-actions', 'one', actionId],
    queryFn: ({ signal }) =>
      api.get<ActionDetailView>(`/forums/actions/${encodeURIComponent(actionId!)}`, undefined, signal),
    enabled: actionId !== null,
  });
}

export function useMoveAction(actionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: ActionStatus; note: string }) =>
      api.post<ActionDetailView>(`/forums/actions/${encodeURIComponent(actionId)}/status`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['forum-actions'] }),
  });
}
