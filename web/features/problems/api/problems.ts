import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { PersonView } from '../../../../common/directory-api.ts';
import type { AccountabilityView } from '../../../../common/problems-accountability-api.ts';
import type * as Contract from '../../../../common/problems-api.ts';
import { api } from '../../../lib/api.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { Language, Page } from '../../../lib/types.ts';
import { useCreateOrQueue } from '../../../lib/useSendQueue.ts';
import { type ProblemFilterState, searchFromFilters } from './filters.ts';

export type ProblemListItem = Contract.ProblemListItem;
export type ProblemDetail = Contract.ProblemDetail;
export type CommentView = Contract.CommentView;
export type TimelineEvent = Contract.TimelineEventView;
export type AnswerView = Contract.AnswerView;
export type CreateProblemBody = z.input<typeof Contract.CreateProblemBody>;
export type PrivacyFields = { acknowledgePrivacyWarnings?: boolean; privacyCheckId?: string };

const PAGE_SIZE = 20;
const problemsKey = ['problems'] as const;
export const problemKey = (id: string) => ['problems', 'one', id] as const;
const path = (id: string) => `/problems/${encodeURIComponent(id)}`;

// ---- the board ------------------------------------------------------------------------------
export const problemListQuery = (filters: ProblemFilterState) => {
  const search = searchFromFilters(filters);
  return infiniteQueryOptions({
    queryKey: ['problems', 'list', search.toString()],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return api.get<Page<ProblemListItem>>(`/problems?${params}`, undefined, signal);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While typing, the previous results stay on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
};
export const useProblemList = (filters: ProblemFilterState) => useInfiniteQuery(problemListQuery(filters));

/** Kinds of the creates that wait in the send queue (web/lib/send-queue.ts) while offline. */
export const QUEUED_PROBLEM = 'problems.create';
export const QUEUED_COMMENT = 'problems.comment';

/** Raising a problem; offline, it waits in the send queue (the outcome says which). */
export const useCreateProblem = () => {
  const client = useQueryClient();
  const me = useSignedInMe();
  return useCreateOrQueue(
    me.user.id,
    QUEUED_PROBLEM,
    (_body: CreateProblemBody & PrivacyFields) => '/problems',
    (problem: ProblemDetail) => {
      client.setQueryData(problemKey(problem.id), problem);
      void client.invalidateQueries({ queryKey: [...problemsKey, 'list'] });
    },
  );
};

// ---- one problem ------------------------------------------------------------------------------
export const useProblem = (id: string) =>
  useQuery(
    queryOptions({
      queryKey: problemKey(id),
      queryFn: ({ signal }) => api.get<ProblemDetail>(path(id), undefined, signal),
      staleTime: 15_000,
    }),
  );

/** Every event, oldest first: a problem's timeline is tens of events, so all pages are fetched. */
export const useTimeline = (id: string) =>
  useQuery({
    queryKey: [...problemKey(id), 'timeline'],
    queryFn: async ({ signal }) => {
      const events: TimelineEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<TimelineEvent>>(
          `${path(id)}/timeline`,
          { limit: 100, cursor },
          signal,
        );
        events.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && events.length < 1000);
      return events;
    },
    staleTime: 15_000,
  });

export const useComments = (id: string) =>
  useInfiniteQuery({
    queryKey: [...problemKey(id), 'comments'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentView>>(`${path(id)}/comments`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 15_000,
  });

/** Any change to a problem refreshes its page, timeline, comments and the board. */
function useRefreshProblem(id: string) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: problemKey(id) });
    void client.invalidateQueries({ queryKey: [...problemsKey, 'list'] });
    void client.invalidateQueries({ queryKey: [...problemsKey, 'accountability'] });
  };
}

function useProblemMutation<TBody, TResult>(id: string, send: (body: TBody) => Promise<TResult>) {
  return useMutation({ mutationFn: send, onSuccess: useRefreshProblem(id) });
}

export const useSupport = (id: string) =>
  useProblemMutation(id, (body: { context?: string } & PrivacyFields) =>
    api.post(`${path(id)}/support`, body),
  );
export const useWithdrawSupport = (id: string) =>
  useProblemMutation(id, () => api.delete(`${path(id)}/support`));
export const useFollow = (id: string) =>
  useProblemMutation(id, (following: boolean) =>
    following ? api.post(`${path(id)}/follow`) : api.delete(`${path(id)}/follow`),
  );
export const useTransition = (id: string) =>
  useProblemMutation(id, (body: z.input<typeof Contract.TransitionBody>) =>
    api.post<ProblemDetail>(`${path(id)}/transitions`, body),
  );
export const useAssign = (id: string) =>
  useProblemMutation(id, (body: z.input<typeof Contract.AssignBody>) =>
    api.post<ProblemDetail>(`${path(id)}/assign`, body),
  );
export const useAnswer = (id: string) =>
  useProblemMutation(id, (body: { bodyTh: string; bodyEn?: string | null } & PrivacyFields) =>
    api.post<AnswerView>(`${path(id)}/answers`, body),
  );
export type NewComment = { body: string; parentId?: string } & PrivacyFields;
export const commentsPath = (problemId: string) => `${path(problemId)}/comments`;
/** Offline, the comment waits in the send queue and the list shows it as waiting to send. */
export const useAddComment = (id: string) =>
  useCreateOrQueue<NewComment, CommentView>(
    useSignedInMe().user.id,
    QUEUED_COMMENT,
    () => commentsPath(id),
    useRefreshProblem(id),
  );
export const useEditComment = (id: string) =>
  useProblemMutation(id, ({ commentId, ...body }: { commentId: string; body: string } & PrivacyFields) =>
    api.patch<CommentView>(`${path(id)}/comments/${encodeURIComponent(commentId)}`, body),
  );
export const useHideComment = (id: string) =>
  useProblemMutation(id, ({ commentId, reason }: { commentId: string; reason: string }) =>
    api.post<CommentView>(`${path(id)}/comments/${encodeURIComponent(commentId)}/hide`, { reason }),
  );
export const useReportComment = (id: string) =>
  useProblemMutation(id, ({ commentId, reason }: { commentId: string; reason: string }) =>
    api.post(`${path(id)}/comments/${encodeURIComponent(commentId)}/report`, { reason }),
  );

// ---- the Centre's moderation queue -----------------------------------------------------------------
export type CommentReport = z.infer<typeof Contract.CommentReportItem>;
const commentReportsKey = [...problemsKey, 'comment-reports'] as const;
export const COMMENT_REPORTS_PAGE_SIZE = 50;

/** Reports of comments, newest first: the open ones, or those already hidden or dismissed. */
export const useCommentReports = (open: boolean, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...commentReportsKey, open ? 'open' : 'resolved'],
    enabled,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CommentReport>>(
        '/problems/comment-reports',
        { open: String(open), limit: COMMENT_REPORTS_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 15_000,
  });

export type Moderation =
  | { kind: 'hide'; problemId: string; commentId: string; reason: string }
  | { kind: 'dismiss'; problemId: string; commentId: string; note?: string };

/** Hiding a comment or dismissing its reports both resolve its reports: the queue and the problem refresh. */
export const useModerateComment = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (m: Moderation) => {
      const url = `${path(m.problemId)}/comments/${encodeURIComponent(m.commentId)}`;
      return m.kind === 'hide'
        ? api.post(`${url}/hide`, { reason: m.reason })
        : api.post(`${url}/reports/dismiss`, m.note ? { note: m.note } : {});
    },
    onSuccess: async (_result, m) => {
      await client.invalidateQueries({ queryKey: commentReportsKey });
      void client.invalidateQueries({ queryKey: problemKey(m.problemId) });
    },
  });
};

// ---- accountability ------------------------------------------------------------------------------
export const useAccountability = () =>
  useQuery({
    queryKey: [...problemsKey, 'accountability'],
    queryFn: ({ signal }) => api.get<AccountabilityView>('/problems/accountability', undefined, signal),
    staleTime: 60_000,
  });
/** One table per file, in the reader's language (Thai headers, labels and Buddhist-Era dates in Thai). */
export const accountabilityCsvUrl = (table: 'organisations' | 'overdue', language: Language) =>
  `/api/v1/problems/accountability.csv?${new URLSearchParams({ table, lang: language })}`;

// ---- mentions ------------------------------------------------------------------------------------------
type PersonOption = { userId: string; name: string; organisation: string };
/** People with an account, found by name in the directory, for @mentions (the server keeps only allowed ones). */
export const usePeopleToMention = (search: string, language: 'th' | 'en') =>
  useQuery({
    queryKey: ['problems', 'mention-people', search, language],
    enabled: search.trim().length >= 2,
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<PersonView>>(
        '/people',
        { q: search.trim(), active: 'true', limit: 20 },
        signal,
      );
      return page.items
        .filter((p) => p.userId)
        .map(
          (p): PersonOption => ({
            userId: p.userId!,
            name: language === 'en' && p.nameEn ? p.nameEn : p.nameTh,
            organisation: language === 'en' ? p.organisation.nameEn : p.organisation.nameTh,
          }),
        );
    },
    staleTime: 60_000,
  });
