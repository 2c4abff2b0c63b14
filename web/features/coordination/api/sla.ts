import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Contract from '../../../../common/coordination-sla-api.ts';
import { api } from '../../../lib/api.ts';
import type { Language } from '../../../lib/types.ts';

export type MetricsView = z.infer<typeof Contract.MetricsView>;
export type MetricsGroup = MetricsView['groupBy'];
export type Holiday = z.infer<typeof Contract.HolidayView>;
type HolidayList = z.infer<typeof Contract.HolidayList>;
export type SlaPolicy = z.infer<typeof Contract.SlaPolicyView>;
type SlaPolicyList = z.infer<typeof Contract.SlaPolicyList>;
export type SlaPolicyInput = z.input<typeof Contract.CreateSlaPolicyBody>;

export const useCoordinationMetrics = (groupBy: MetricsGroup) =>
  useQuery({
    queryKey: ['coordination', 'metrics', groupBy],
    queryFn: ({ signal }) => api.get<MetricsView>('/coordination/metrics', { groupBy }, signal),
  });

export const metricsCsvUrl = (groupBy: MetricsGroup, language: Language) =>
  `/api/v1/coordination/metrics.csv?${new URLSearchParams({ groupBy, lang: language })}`;

const holidaysKey = (year: number) => ['coordination', 'holidays', year] as const;
export const useHolidays = (year: number) =>
  useQuery({
    queryKey: holidaysKey(year),
    queryFn: ({ signal }) => api.get<HolidayList>('/coordination/holidays', { year }, signal),
  });

export const useAddHoliday = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (holiday: Holiday) => api.post<Holiday>('/coordination/holidays', holiday),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordination', 'holidays'] }),
  });
};

export const useRemoveHoliday = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => api.delete<null>(`/coordination/holidays/${encodeURIComponent(day)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordination', 'holidays'] }),
  });
};

const policiesKey = ['coordination', 'sla-policies'] as const;
export const useSlaPolicies = () =>
  useQuery({
    queryKey: policiesKey,
    queryFn: ({ signal }) => api.get<SlaPolicyList>('/coordination/sla-policies', undefined, signal),
  });

export const useCreateSlaPolicy = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SlaPolicyInput) => api.post<SlaPolicy>('/coordination/sla-policies', input),
    onSuccess: () => client.invalidateQueries({ queryKey: policiesKey }),
  });
};

export type UnitResponseTimes = Contract.UnitResponseTimesView;
export const useUnitResponseTimes = (unitId: string) =>
  useQuery({
    queryKey: ['coordination', 'response-times', unitId],
    queryFn: ({ signal }) =>
      api.get<UnitResponseTimes>(
        `/coordination/units/${encodeURIComponent(unitId)}/response-times`,
        undefined,
        signal,
      ),
  });
