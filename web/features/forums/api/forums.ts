/** The forums' events: list, one event, the Centre's editing, registration and calendar feeds. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CarryOverView } from '../../../../common/forum-minutes-api.ts';
import type * as Contract from '../../../../common/forums-api.ts';
import { api, newIdempotencyKey } from '../../../lib/api.ts';

export type EventView = Contract.EventView;
export type EventListItem = Contract.EventListItem;
export type AgendaItemView = Contract.AgendaItemView;
export type CreateEventBody = Contract.CreateEventBody;
export type AgendaItemBody = Contract.AgendaItemBody;
export type UpdateAgendaItemBody = Contract.UpdateAgendaItemBody;
export type RegistrantView = Contract.RegistrantView;
export type ForumInvitationView = Contract.ForumInvitationView;
export type CreateForumInvitationBody = Contract.CreateForumInvitationBody;
type Page<T> = { items: T[]; nextCursor: string | null };

const KEY = ['forums'] as const;
const eventKey = (id: string) => [...KEY, 'event', id] as const;

export const useEvents = (when: 'upcoming' | 'past') =>
  useQuery({
    queryKey: [...KEY, 'list', when],
    queryFn: ({ signal }) => api.get<Page<EventListItem>>('/forums/events', { when, limit: 50 }, signal),
  });

export const eventQuery = (id: string) =>
  queryOptions({
    queryKey: eventKey(id),
    queryFn: ({ signal }) => api.get<EventView>(`/forums/events/${id}`, undefined, signal),
  });
export const useEvent = (id: string) => useQuery(eventQuery(id));

/** Every change answers the event as it now is: the page shows it at once, the lists refetch. */
function useEventChange<V>(id: string, send: (v: V) => Promise<EventView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (event) => {
      queryClient.setQueryData(eventKey(id), event);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'registrants', id] });
    },
  });
}

export const useCreateEvent = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEventBody) => api.create<EventView>('/forums/events', body, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] }),
  });
};
export const useUpdateEvent = (id: string) =>
  useEventChange(id, (body: Partial<CreateEventBody> & { version: number }) =>
    api.patch<EventView>(`/forums/events/${id}`, body),
  );
export const usePublishEvent = (id: string) =>
  useEventChange(id, (version: number) => api.post<EventView>(`/forums/events/${id}/publish`, { version }));
export const useCancelEvent = (id: string) =>
  useEventChange(id, (version: number) => api.post<EventView>(`/forums/events/${id}/cancel`, { version }));

export const useAddAgendaItem = (id: string) =>
  useEventChange(id, (body: AgendaItemBody) =>
    api.create<EventView>(`/forums/events/${id}/agenda`, body, newIdempotencyKey()),
  );
export const useUpdateAgendaItem = (id: string) =>
  useEventChange(id, ({ itemId, ...body }: Contract.UpdateAgendaItemBody & { itemId: string }) =>
    api.patch<EventView>(`/forums/events/${id}/agenda/${itemId}`, body),
  );
export const useDeleteAgendaItem = (id: string) =>
  useEventChange(id, (itemId: string) => api.delete<EventView>(`/forums/events/${id}/agenda/${itemId}`));

/**
 * Brings the open action items, recurring topics and topics not discussed of earlier forums into this
 * agenda (the minutes module's carry-over, idempotent); the event is read again to show them.
 */
export const useCarryOver = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CarryOverView>(`/forums/events/${id}/agenda/carry-over`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKey(id) }),
  });
};

export type RegisterInput = { phone?: string | null; dietaryNotes?: string | null };
export const useRegister = (id: string) =>
  useEventChange(id, (input: RegisterInput) =>
    api.create<EventView>(
      `/forums/events/${id}/registration`,
      { privacyAccepted: true, ...input },
      newIdempotencyKey(),
    ),
  );
export const useWithdraw = (id: string) =>
  useEventChange(id, () => api.post<EventView>(`/forums/events/${id}/registration/withdraw`));
export const useConfirmPromotion = (id: string) =>
  useEventChange(id, () => api.post<EventView>(`/forums/events/${id}/registration/confirm`));

export const useRegistrants = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'registrants', id],
    queryFn: ({ signal }) =>
      api.get<Page<RegistrantView>>(`/forums/events/${id}/registrations`, { limit: 100 }, signal),
    enabled,
  });
export const useDecide = (id: string) =>
  useEventChange(
    id,
    ({ registrationId, decision }: { registrationId: string; decision: 'approve' | 'reject' }) =>
      api.post<EventView>(`/forums/events/${id}/registrations/${registrationId}/${decision}`),
  );

export const useInvitations = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'invitations', id],
    queryFn: ({ signal }) =>
      api.get<{ items: ForumInvitationView[] }>(`/forums/events/${id}/invitations`, undefined, signal),
    enabled,
  });
export const useInvite = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateForumInvitationBody) =>
      api.create<{ items: ForumInvitationView[] }>(
        `/forums/events/${id}/invitations`,
        body,
        newIdempotencyKey(),
      ),
    onSuccess: (list) => queryClient.setQueryData([...KEY, 'invitations', id], list),
  });
};
export const useDeleteInvitation = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete<{ items: ForumInvitationView[] }>(`/forums/events/${id}/invitations/${invitationId}`),
    onSuccess: (list) => queryClient.setQueryData([...KEY, 'invitations', id], list),
  });
};

type Feed = { id: string; createdAt: string; revokedAt: string | null };
export const useFeeds = () =>
  useQuery({
    queryKey: [...KEY, 'feeds'],
    queryFn: ({ signal }) => api.get<{ items: Feed[] }>('/me/forum-feeds', undefined, signal),
  });
export const useCreateFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.create<Feed & { url: string }>('/me/forum-feeds', undefined, newIdempotencyKey()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'feeds'] }),
  });
};
export const useRevokeFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => api.delete<{ items: Feed[] }>(`/me/forum-feeds/${feedId}`),
    onSuccess: (list) => queryClient.setQueryData([...KEY, 'feeds'], list),
  });
};

type ProblemHit = { id: string; title: string };
/** Problems on the board found by words (two letters or more), to link to an agenda item. */
export const useProblemSearch = (q: string) =>
  useQuery({
    queryKey: [...KEY, 'problem-search', q.trim()],
    enabled: q.trim().length >= 2,
    queryFn: async ({ signal }) =>
      (await api.get<Page<ProblemHit>>('/problems', { q: q.trim(), limit: 10 }, signal)).items.map(
        ({ id, title }): ProblemHit => ({ id, title }),
      ),
    staleTime: 60_000,
  });
