/**
 * Feedback on a forum (/api/v1/forum-feedback/events/:eventId/…): the anonymous survey sent to its attendees
 * and the summary the Centre publishes to the network.
 *
 * A survey answer carries no person and only the day it was given; results are counts per question, each
 * question withheld below SURVEY_MIN_RESPONSES answers, free text shown to the Centre only.
 */
import { z } from 'zod';
import { Id, Language, Timestamp } from './api.ts';
import { SUMMARY_STATES, SURVEY_MIN_RESPONSES, SURVEY_QUESTION_KINDS } from './forum-states.ts';

export const SURVEY_TEXT_MAX = 2000;
export const SURVEY_MAX_QUESTIONS = 12;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

const QuestionText = z.string().trim().min(1).max(300);
const OptionId = z.string().regex(/^[a-z0-9_]{1,40}$/);

export const SurveyOption = z.object({ id: OptionId, th: QuestionText, en: QuestionText });
export const SurveyQuestion = z
  .object({
    id: OptionId,
    kind: z.enum(SURVEY_QUESTION_KINDS),
    th: QuestionText,
    en: QuestionText,
    options: z.array(SurveyOption).min(2).max(8).optional(),
  })
  .refine((q) => (q.kind === 'single') === (q.options !== undefined), {
    message: 'a single-choice question has options; other kinds have none',
    path: ['options'],
  });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** The questions every survey starts with; the Centre may edit them before the survey opens. */
export const DEFAULT_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', th: 'ภาพรวมของเวทีครั้งนี้', en: 'The forum overall' },
  {
    id: 'useful',
    kind: 'single',
    th: 'เวทีนี้เป็นประโยชน์ต่องานของหน่วยงานท่านเพียงใด',
    en: 'How useful was the forum for your organisation’s work?',
    options: [
      { id: 'very', th: 'มีประโยชน์มาก', en: 'Very useful' },
      { id: 'somewhat', th: 'มีประโยชน์บ้าง', en: 'Somewhat useful' },
      { id: 'not', th: 'ไม่ค่อยมีประโยชน์', en: 'Not very useful' },
    ],
  },
  {
    id: 'again',
    kind: 'single',
    th: 'ท่านจะเข้าร่วมเวทีครั้งต่อไปหรือไม่',
    en: 'Would you come again?',
    options: [
      { id: 'yes', th: 'เข้าร่วม', en: 'Yes' },
      { id: 'maybe', th: 'ยังไม่แน่ใจ', en: 'Maybe' },
      { id: 'no', th: 'ไม่เข้าร่วม', en: 'No' },
    ],
  },
  {
    id: 'comments',
    kind: 'text',
    th: 'ข้อเสนอแนะเพิ่มเติม (ไม่ต้องระบุชื่อหรือข้อมูลที่ระบุตัวบุคคล)',
    en: 'Anything else? (no names or details that identify anyone)',
  },
];

export const EventParams = z.strictObject({ eventId: Id });

export const SURVEY_PHASES = ['scheduled', 'open', 'closed'] as const;
export type SurveyPhase = (typeof SURVEY_PHASES)[number];

export const QuestionResult = z.object({
  questionId: z.string(),
  /** How many answered this question; null when fewer than SURVEY_MIN_RESPONSES (then nothing else is shown). */
  answered: z.number().int().nullable(),
  suppressed: z.boolean(),
  /** Rating and single choice: every value with its count, in the question's order (zeros included). */
  counts: z.array(z.object({ value: z.string(), count: z.number().int() })).nullable(),
  /** Rating: the mean, to one decimal. */
  average: z.number().nullable(),
  /** Free text: the Centre only, sorted alphabetically (never in the order given). */
  texts: z.array(z.string()).nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.object({
  /** Null below SURVEY_MIN_RESPONSES: a small number says too much about who answered. */
  responses: z.number().int().nullable(),
  minResponses: z.literal(SURVEY_MIN_RESPONSES),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const SurveyView = z.object({
  eventId: Id,
  eventTitleTh: z.string(),
  eventTitleEn: z.string(),
  phase: z.enum(SURVEY_PHASES),
  opensAt: Timestamp,
  closesAt: Timestamp,
  questions: z.array(SurveyQuestion),
  /** The Centre, before the survey opens. */
  mayEdit: z.boolean(),
  /** An attendee who has not answered yet, while it is open. */
  mayAnswer: z.boolean(),
  answered: z.boolean(),
  /** The Centre at any time; attendees once it closed; otherwise null. */
  results: SurveyResults.nullable(),
});
export type SurveyView = z.infer<typeof SurveyView>;

export const UpdateSurveyBody = z.strictObject({
  questions: z
    .array(SurveyQuestion)
    .min(1)
    .max(SURVEY_MAX_QUESTIONS)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'question ids repeat' }),
});
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBody>;

export const SurveyAnswerBody = z.strictObject({
  /** Question id → a rating 1–5, an option id or free text. Unanswered questions are left out. */
  answers: z.record(OptionId, z.union([z.number().int(), z.string().max(SURVEY_TEXT_MAX)])),
});
export type SurveyAnswerBody = z.infer<typeof SurveyAnswerBody>;

export const SummaryView = z.object({
  eventId: Id,
  eventTitleTh: z.string(),
  eventTitleEn: z.string(),
  state: z.enum(SUMMARY_STATES),
  titleTh: z.string(),
  titleEn: z.string(),
  bodyTh: z.string(),
  bodyEn: z.string(),
  generatedAt: Timestamp,
  publishedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  /** The Centre: generate, edit, publish. */
  mayEdit: z.boolean(),
  pdfAvailable: z.boolean(),
});
export type SummaryView = z.infer<typeof SummaryView>;

export const SUMMARY_TITLE_MAX = 300;
export const SUMMARY_BODY_MAX = 20_000;
export const UpdateSummaryBody = z.strictObject({
  titleTh: z.string().trim().min(1).max(SUMMARY_TITLE_MAX),
  titleEn: z.string().trim().min(1).max(SUMMARY_TITLE_MAX),
  bodyTh: z.string().trim().min(1).max(SUMMARY_BODY_MAX),
  bodyEn: z.string().trim().min(1).max(SUMMARY_BODY_MAX),
});
export type UpdateSummaryBody = z.infer<typeof UpdateSummaryBody>;

export const SummaryPrintQuery = z.strictObject({ lang: Language.optional() });
