/**
 * Survey results from the bare answers. Whatever could tell who answered what is left out: questions with
 * fewer than SURVEY_MIN_RESPONSES answers show nothing but that they are withheld, the total below it is
 * withheld too, and free text goes to the Centre only, sorted so the order it came in is lost.
 */
import type { QuestionResult, SurveyQuestion, SurveyResults } from '../../../common/forum-feedback-api.ts';
import { RATING_VALUES } from '../../../common/forum-feedback-api.ts';
import { SURVEY_MIN_RESPONSES } from '../../../common/forum-states.ts';

type Answers = Record<string, string | number>;

const thaiOrder = new Intl.Collator('th');

function questionResult(q: SurveyQuestion, answers: Answers[], centre: boolean): QuestionResult {
  const given = answers.map((a) => a[q.id]).filter((v) => v !== undefined);
  if (given.length < SURVEY_MIN_RESPONSES)
    return { questionId: q.id, answered: null, suppressed: true, counts: null, average: null, texts: null };
  const base = {
    questionId: q.id,
    answered: given.length,
    suppressed: false,
    counts: null,
    average: null,
    texts: null,
  };
  if (q.kind === 'text') return { ...base, texts: centre ? given.map(String).sort(thaiOrder.compare) : null };
  const values = q.kind === 'rating' ? RATING_VALUES.map(String) : q.options!.map((o) => o.id);
  const counts = values.map((value) => ({ value, count: given.filter((v) => String(v) === value).length }));
  const average =
    q.kind === 'rating'
      ? Math.round((given.reduce<number>((sum, v) => sum + Number(v), 0) / given.length) * 10) / 10
      : null;
  return { ...base, counts, average };
}

export function surveyResults(
  questions: SurveyQuestion[],
  answers: Answers[],
  centre: boolean,
): SurveyResults {
  return {
    responses: answers.length >= SURVEY_MIN_RESPONSES ? answers.length : null,
    minResponses: SURVEY_MIN_RESPONSES,
    questions: questions.map((q) => questionResult(q, answers, centre)),
  };
}
