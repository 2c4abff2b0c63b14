/** Rosters, who is on call, the acknowledge link and the Centre's escalation queue. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
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

export type RosterLayerInput = z.input<typeof Contract.RosterLayerBody>;
export type RosterOverrideInput = z.input<typeof Contract.RosterOverrideBody>;

/** Every roster change answers the roster anew; every week of the unit shown before is stale then. */
function useRosterChange<I>(unitId: string, send: (input: I) => Promise<RosterView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, unitId] }),
  });
}

const rosterBase = (unitId: string) => `/coordination/units/${encodeURIComponent(unitId)}/roster`;

export const useCreateLayer = (unitId: string) =>
  useRosterChange(unitId, (input: RosterLayerInput) =>
    api.post<RosterView>(`${rosterBase(unitId)}/layers`, input),
  );
export const useUpdateLayer = (unitId: string) =>
  useRosterChange(unitId, ({ id, ...input }: RosterLayerInput & { id: string }) =>
    api.patch<RosterView>(`${rosterBase(unitId)}/layers/${encodeURIComponent(id)}`, input),
  );
export const useDeleteLayer = (unitId: string) =>
  useRosterChange(unitId, (layerId: string) =>
    api.delete<RosterView>(`${rosterBase(unitId)}/layers/${encodeURIComponent(layerId)}`),
  );
export const useCreateOverride = (unitId: string) =>
  useRosterChange(unitId, (input: RosterOverrideInput) =>
    api.post<RosterView>(`${rosterBase(unitId)}/overrides`, input),
  );
export const useDeleteOverride = (unitId: string) =>
  useRosterChange(unitId, (overrideId: string) =>
    api.delete<RosterView>(`${rosterBase(unitId)}/overrides/${encodeURIComponent(overrideId)}`),
  );
