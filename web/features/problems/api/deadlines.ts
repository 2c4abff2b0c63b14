import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Contract from '../../../../common/problems-api.ts';
import type { ProblemCategory } from '../../../../common/problems-taxonomy.ts';
import { api } from '../../../lib/api.ts';

export type DeadlineSetting = z.infer<typeof Contract.DeadlineSettingView>;
export type DeadlineDays = z.input<typeof Contract.DeadlineSettingsBody>;
type DeadlineSettings = z.infer<typeof Contract.DeadlineSettingsView>;

const deadlinesKey = ['problems', 'deadline-settings'] as const;

/** Every category's deadlines (the defaults where the Centre set none). */
export const useDeadlineSettings = () =>
  useQuery({
    queryKey: deadlinesKey,
    queryFn: ({ signal }) => api.get<DeadlineSettings>('/problems/deadline-settings', undefined, signal),
    staleTime: 5 * 60_000,
  });

export const useSetDeadlineSetting = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ category, ...days }: DeadlineDays & { category: ProblemCategory }) =>
      api.put<DeadlineSettings>(`/problems/deadline-settings/${encodeURIComponent(category)}`, days),
    onSuccess: (settings) => client.setQueryData(deadlinesKey, settings),
  });
};
