import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AuditEventPage, AuditListFilters } from '../../../lib/types.ts';

export const auditEventsQuery = (filters: AuditListFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditEventPage>('/audit-events', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useAuditEvents(filters: AuditListFilters) {
  return useInfiniteQuery(auditEventsQuery(filters));
}
