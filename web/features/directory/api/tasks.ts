/** The org admin's task list: roles to hand over and entries to review. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type * as Contract from '../../../../common/directory-tasks-api.ts';
import { api } from '../../../lib/api.ts';

export type TasksView = Contract.TasksView;
export type HandoverTask = Contract.HandoverTask;
export type ReviewTask = Contract.ReviewTask;

/** Everything that resolves or creates a task (handover, leaving, review, edit) invalidates this. */
export const TASKS_KEY = ['directory', 'tasks'] as const;

/** Without an organisation: the org admin's own, or every organisation's for admins. */
export const tasksQuery = (organisationId: string | null = null) =>
  queryOptions({
    queryKey: [...TASKS_KEY, organisationId],
    queryFn: ({ signal }) => api.get<TasksView>('/directory/tasks', { organisationId }, signal),
    staleTime: 60_000,
  });

export function useTasks(organisationId: string | null = null) {
  return useQuery(tasksQuery(organisationId));
}

/** How many tasks wait for the signed-in user, for the menu badge; 0 for roles without a task list. */
export function useTaskCount(enabled: boolean): number {
  const { data } = useQuery({ ...tasksQuery(), enabled, select: (tasks) => tasks.counts.total });
  return enabled ? (data ?? 0) : 0;
}
