import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SummaryView,
  SurveyAnswerBody,
  SurveyView,
  UpdateSummaryBody,
  UpdateSurveyBody,
} from '../../../../common/forum-feedback-api.ts';
import { api, newIdempotencyKey } from '../../../lib/api.ts';
import type { Language } from '../../../lib/types.ts';

const base = (eventId: string) => `/forum-feedback/events/${eventId}`;
const surveyKey = (eventId: string) => ['forum-feedback', eventId, 'survey'] as const;
const summaryKey = (eventId: string) => ['forum-feedback', eventId, 'summary'] as const;

export const useSurvey = (eventId: string) =>
  useQuery({
    queryKey: surveyKey(eventId),
    queryFn: ({ signal }) => api.get<SurveyView>(`${base(eventId)}/survey`, undefined, signal),
  });

export function useAnswerSurvey(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyAnswerBody) =>
      api.create<SurveyView>(`${base(eventId)}/survey/answers`, body, newIdempotencyKey()),
    onSuccess: (view) => queryClient.setQueryData(surveyKey(eventId), view),
  });
}

/** The Centre replaces the questions before the survey opens (409 SURVEY_ALREADY_OPEN after). */
export function useUpdateSurvey(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSurveyBody) => api.put<SurveyView>(`${base(eventId)}/survey`, body),
    onSuccess: (view) => queryClient.setQueryData(surveyKey(eventId), view),
  });
}

export const useSummary = (eventId: string) =>
  useQuery({
    queryKey: summaryKey(eventId),
    queryFn: ({ signal }) => api.get<SummaryView>(`${base(eventId)}/summary`, undefined, signal),
    retry: false,
  });

function useSummaryChange<TVariables>(eventId: string, send: (v: TVariables) => Promise<SummaryView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => queryClient.setQueryData(summaryKey(eventId), view),
  });
}

export const useGenerateSummary = (eventId: string) =>
  useSummaryChange(eventId, () => api.post<SummaryView>(`${base(eventId)}/summary/generate`));
export const useUpdateSummary = (eventId: string) =>
  useSummaryChange(eventId, (body: UpdateSummaryBody) =>
    api.put<SummaryView>(`${base(eventId)}/summary`, body),
  );
export const usePublishSummary = (eventId: string) =>
  useSummaryChange(eventId, () => api.post<SummaryView>(`${base(eventId)}/summary/publish`));

export const summaryPdfUrl = (eventId: string, language: Language) =>
  `/api/v1${base(eventId)}/summary.pdf?${new URLSearchParams({ lang: language })}`;
export const summaryPrintUrl = (eventId: string, language: Language) =>
  `/api/v1${base(eventId)}/summary/print?${new URLSearchParams({ lang: language })}`;
