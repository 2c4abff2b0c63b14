import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { AuditEventView, AuditListFilters, Page } from '../../../lib/types.ts';

export const auditEventsQuery = (filters: AuditListFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEventView>>('/audit-events', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useAuditEvents(filters: AuditListFilters) {
  return useInfiniteQuery(auditEventsQuery(filters));
}
