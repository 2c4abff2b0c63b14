import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as Contract from '../../../../common/forum-checkin-api.ts';
import { api, newIdempotencyKey } from '../../../lib/api.ts';

export type AttendanceView = Contract.AttendanceView;
export type CheckinResultView = Contract.CheckinResultView;
export type WalkInCandidate = Contract.WalkInCandidateView;
export type WalkInBody = Contract.WalkInBody;
export type PollView = Contract.PollView;
export type PollListView = Contract.PollListView;
export type CreatePollBody = Contract.CreatePollBody;
export type ForumEventRef = Contract.ForumEventRef;

const root = ['forumCheckin'] as const;
const eventPath = (eventId: string) => `/forums/events/${encodeURIComponent(eventId)}`;
export const checkinPath = (eventId: string) => `${eventPath(eventId)}/checkins`;
const attendanceKey = (eventId: string) => [...root, 'attendance', eventId] as const;
const pollsKey = (eventId: string) => [...root, 'polls', eventId] as const;

/** How often the door's figures are read again: a few phones watching one count. */
const ATTENDANCE_REFRESH_MS = 5_000;
const POLLS_REFRESH_MS = 5_000;

export const useAttendance = (eventId: string) =>
  useQuery({
    queryKey: attendanceKey(eventId),
    queryFn: ({ signal }) => api.get<AttendanceView>(`${eventPath(eventId)}/attendance`, undefined, signal),
    refetchInterval: ATTENDANCE_REFRESH_MS,
  });

export function useRefreshAttendance(eventId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: attendanceKey(eventId) });
}

export const useWalkInSearch = (eventId: string, q: string) =>
  useQuery({
    queryKey: [...root, 'people', eventId, q],
    queryFn: ({ signal }) =>
      api.get<{ items: WalkInCandidate[] }>(`${eventPath(eventId)}/walk-ins/people`, { q }, signal),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export function useWalkIn(eventId: string) {
  const refresh = useRefreshAttendance(eventId);
  return useMutation({
    mutationFn: (body: WalkInBody) =>
      api.create<CheckinResultView>(`${eventPath(eventId)}/walk-ins`, body, newIdempotencyKey()),
    onSuccess: refresh,
  });
}

export const usePolls = (eventId: string) =>
  useQuery({
    queryKey: pollsKey(eventId),
    queryFn: ({ signal }) => api.get<PollListView>(`${eventPath(eventId)}/polls`, undefined, signal),
    refetchInterval: POLLS_REFRESH_MS,
  });

export function useCreatePoll(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePollBody) =>
      api.create<PollView>(`${eventPath(eventId)}/polls`, body, newIdempotencyKey()),
    onSuccess: () => client.invalidateQueries({ queryKey: pollsKey(eventId) }),
  });
}

export function usePollAction(eventId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      pollId,
      action,
      optionIds,
    }: {
      pollId: string;
      action: 'open' | 'close' | 'votes';
      optionIds?: string[];
    }) =>
      api.post<PollView>(
        `/forums/polls/${encodeURIComponent(pollId)}/${action}`,
        action === 'votes' ? { optionIds } : undefined,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: pollsKey(eventId) }),
  });
}
