import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import type * as Contract from '../../../../common/coordination-api.ts';
import type * as SlaContract from '../../../../common/coordination-sla-api.ts';
import type { CoordinationState } from '../../../../common/coordination-states.ts';
import type { PrivacyFields } from '../../../components/PrivacyGuard.tsx';
import { api } from '../../../lib/api.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { Page } from '../../../lib/types.ts';
import { useCreateOrQueue } from '../../../lib/useSendQueue.ts';

export type RequestSummary = z.infer<typeof Contract.CoordinationRequestSummary>;
export type RequestDetail = Contract.CoordinationRequestDetail;
export type UnitView = Contract.UnitView;
export type UnitSuggestion = z.infer<typeof Contract.UnitSuggestion>;
export type CreateRequestBody = z.input<typeof Contract.CreateCoordinationRequestBody>;
export type TransitionBody = z.input<typeof Contract.TransitionCoordinationBody>;

const PAGE_SIZE = 20;
const root = ['coordination'] as const;
export const requestKey = (id: string) => [...root, 'request', id] as const;
const requestPath = (id: string) => `/coordination/requests/${encodeURIComponent(id)}`;

// ---- units --------------------------------------------------------------------------------------
/** The units of my organisation I am a member of: their inboxes are mine to answer. */
export function useMyUnits() {
  const me = useSignedInMe();
  return useQuery({
    queryKey: [...root, 'units', 'mine', me.organisation.id],
    queryFn: ({ signal }) =>
      api.get<{ items: UnitView[] }>('/coordination/units', { organisationId: me.organisation.id }, signal),
    select: (list) => list.items.filter((u) => u.active && u.members?.some((m) => m.userId === me.user.id)),
    staleTime: 60_000,
  });
}

export const useUnit = (id: string) =>
  useQuery({
    queryKey: [...root, 'unit', id],
    queryFn: ({ signal }) =>
      api.get<UnitView>(`/coordination/units/${encodeURIComponent(id)}`, undefined, signal),
    staleTime: 60_000,
  });

/** Units that fit a request, best first; asked once the type and the province are known. */
export function useSuggestions(query: {
  type: string | null;
  province: string | null;
  language: string | null;
}) {
  return useQuery({
    queryKey: [...root, 'suggestions', query.type, query.province, query.language],
    queryFn: ({ signal }) =>
      api.get<{ items: UnitSuggestion[] }>(
        '/coordination/suggestions',
        { type: query.type!, province: query.province!, language: query.language ?? undefined },
        signal,
      ),
    enabled: Boolean(query.type && query.province),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

// ---- lists --------------------------------------------------------------------------------------
const listQuery = (key: readonly unknown[], path: string, state: CoordinationState | null) =>
  infiniteQueryOptions({
    queryKey: [...key, state ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RequestSummary>>(
        path,
        { limit: PAGE_SIZE, cursor: pageParam, state: state ?? undefined },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const useInbox = (unitId: string, state: CoordinationState | null) =>
  useInfiniteQuery(
    listQuery([...root, 'inbox', unitId], `/coordination/units/${encodeURIComponent(unitId)}/inbox`, state),
  );

export const useOutgoing = (state: CoordinationState | null) =>
  useInfiniteQuery(listQuery([...root, 'outgoing'], '/coordination/requests', state));

// ---- one request --------------------------------------------------------------------------------
export const useRequest = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: requestKey(id),
      queryFn: ({ signal }) => api.get<RequestDetail>(requestPath(id), undefined, signal),
      staleTime: 15_000,
    }),
  );

/** Kind of a new request waiting in the send queue (web/lib/send-queue.ts) while offline. */
export const QUEUED_REQUEST = 'coordination.create';

/** Asking a unit for help; offline, it waits in the send queue with its Idempotency-Key. */
export function useCreateRequest() {
  const client = useQueryClient();
  const me = useSignedInMe();
  return useCreateOrQueue(
    me.user.id,
    QUEUED_REQUEST,
    (_body: CreateRequestBody & PrivacyFields) => '/coordination/requests',
    (request: RequestDetail) => {
      client.setQueryData(requestKey(request.id), request);
      void client.invalidateQueries({ queryKey: [...root, 'outgoing'] });
    },
  );
}

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) => api.post<RequestDetail>(`${requestPath(id)}/transitions`, body),
    onSuccess: (request) => {
      client.setQueryData(requestKey(id), request);
      void client.invalidateQueries({ queryKey: [...root, 'inbox'] });
      void client.invalidateQueries({ queryKey: [...root, 'outgoing'] });
    },
    // A conflict means the page is out of date: show what is true now.
    onError: () => void client.invalidateQueries({ queryKey: requestKey(id) }),
  });
}

/**
 * While a request's page is open, the server says when it changes (whoever changed it, on any instance)
 * and the page refetches. EventSource reconnects by itself; the server ends each stream after a few
 * minutes so access is checked again.
 */
export function useLiveRequest(id: string) {
  const client = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/coordination/requests/${encodeURIComponent(id)}/stream`);
    source.addEventListener('changed', () => {
      void client.invalidateQueries({ queryKey: requestKey(id) });
    });
    // After a reconnection, changes made meanwhile were not announced: fetch once.
    let first = true;
    source.addEventListener('ready', () => {
      if (!first) void client.invalidateQueries({ queryKey: requestKey(id) });
      first = false;
    });
    return () => source.close();
  }, [id, client]);
}

export type RatingBody = z.input<typeof SlaContract.RateRequestBody>;

/** The requester's rating of a done request (1–5, an optional comment); changeable for 7 days. */
export function useRateRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingBody) => api.put<RequestDetail['rating']>(`${requestPath(id)}/rating`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: requestKey(id) }),
  });
}
