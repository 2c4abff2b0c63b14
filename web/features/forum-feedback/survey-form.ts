/**
 * The Centre's editor of a survey's questions, before the survey opens: the form, what is wrong with it
 * (shown beside the field, so the Save button is never a guess), and the questions it sends.
 */
import type { SurveyQuestion } from '../../../common/forum-feedback-api.ts';
import { SURVEY_MAX_QUESTIONS } from '../../../common/forum-feedback-api.ts';
import type { SurveyQuestionKind } from '../../../common/forum-states.ts';

export const QUESTION_TEXT_MAX = 300;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 8;

export type OptionForm = { id: string; th: string; en: string };
export type QuestionForm = {
  id: string;
  kind: SurveyQuestionKind;
  th: string;
  en: string;
  options: OptionForm[];
};

/** Ids are the answers' keys: kept for questions that exist, made unique for new ones. */
export function freshId(prefix: 'q' | 'o', taken: string[]) {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.includes(id)) return id;
  }
}

export const questionsForm = (questions: SurveyQuestion[]): QuestionForm[] =>
  questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    th: q.th,
    en: q.en,
    options: (q.options ?? []).map((o) => ({ ...o })),
  }));

export function newQuestion(form: QuestionForm[]): QuestionForm {
  return {
    id: freshId(
      'q',
      form.map((q) => q.id),
    ),
    kind: 'rating',
    th: '',
    en: '',
    options: [],
  };
}

/** A question turned into a single choice starts with two blank options to fill. */
export function withKind(q: QuestionForm, kind: SurveyQuestionKind): QuestionForm {
  if (kind !== 'single' || q.options.length >= OPTIONS_MIN) return { ...q, kind };
  const options = [...q.options];
  while (options.length < OPTIONS_MIN)
    options.push({
      id: freshId(
        'o',
        options.map((o) => o.id),
      ),
      th: '',
      en: '',
    });
  return { ...q, kind, options };
}

export type QuestionProblem = 'textMissing' | 'tooLong' | 'optionsTooFew' | 'optionMissing';

/** What keeps a question from being saved, or null. */
export function questionProblem(q: QuestionForm): QuestionProblem | null {
  if (!q.th.trim()) return 'textMissing';
  const texts = [q.th, q.en, ...(q.kind === 'single' ? q.options.flatMap((o) => [o.th, o.en]) : [])];
  if (texts.some((text) => text.trim().length > QUESTION_TEXT_MAX)) return 'tooLong';
  if (q.kind !== 'single') return null;
  if (q.options.length < OPTIONS_MIN) return 'optionsTooFew';
  if (q.options.some((o) => !o.th.trim())) return 'optionMissing';
  return null;
}

export const formIsValid = (form: QuestionForm[]) =>
  form.length >= 1 && form.length <= SURVEY_MAX_QUESTIONS && form.every((q) => questionProblem(q) === null);

/** The questions as the API takes them; an English text left empty takes the Thai one. */
export function questionsBody(form: QuestionForm[]): SurveyQuestion[] {
  const text = (th: string, en: string) => ({ th: th.trim(), en: en.trim() || th.trim() });
  return form.map((q) => ({
    id: q.id,
    kind: q.kind,
    ...text(q.th, q.en),
    ...(q.kind === 'single' ? { options: q.options.map((o) => ({ id: o.id, ...text(o.th, o.en) })) } : {}),
  }));
}
