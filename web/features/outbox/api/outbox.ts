import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { OutboxEmailView, OutboxStatus, Page } from '../../../lib/types.ts';

export const outboxQuery = (status: OutboxStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: ['outbox', status ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<OutboxEmailView>>('/outbox', { status, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useOutbox(status: OutboxStatus | undefined) {
  return useInfiniteQuery(outboxQuery(status));
}
