/** Rosters, who is on call, the acknowledge link and the Centre's escalation queue. */
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type * as Contract from '../../../../common/coordination-roster-api.ts';
import { api } from '../../../lib/api.ts';

export type RosterView = Contract.RosterView;
export type OnCallView = Contract.OnCallView;
export type CentreQueueView = Contract.CentreQueueView;

const KEY = ['coordination', 'roster'] as const;

export const rosterQuery = (unitId: string, from?: string) =>
  queryOptions({
    queryKey: [...KEY, unitId, from ?? 'today'],
    queryFn: ({ signal }) =>
      api.get<RosterView>(
        `/coordination/units/${unitId}/roster`,
        from ? { from, days: 7 } : { days: 7 },
        signal,
      ),
  });
export const useRoster = (unitId: string, from?: string) => useQuery(rosterQuery(unitId, from));

/** Who is on call now, refreshed each minute so a handover shows without reloading. */
export const useOnCallNow = (unitId: string) =>
  useQuery({
    queryKey: [...KEY, unitId, 'now'],
    queryFn: ({ signal }) => api.get<OnCallView>(`/coordination/units/${unitId}/on-call`, undefined, signal),
    refetchInterval: 60_000,
  });

export const useCentreQueue = () =>
  useQuery({
    queryKey: ['coordination', 'centre-queue'],
    queryFn: ({ signal }) => api.get<CentreQueueView>('/coordination/escalations/centre', undefined, signal),
    refetchInterval: 30_000,
  });

export const useAcknowledgeLink = () =>
  useMutation({
    mutationFn: (token: string) =>
      api.post<{ id: string; acknowledgedBy: { displayName: string } | null }>(
        '/coordination/acknowledge-link',
        {
          token,
        },
      ),
  });
