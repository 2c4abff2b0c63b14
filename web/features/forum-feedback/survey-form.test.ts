import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS, UpdateSurveyBody } from '../../../common/forum-feedback-api.ts';
import {
  formIsValid,
  newQuestion,
  questionProblem,
  questionsBody,
  questionsForm,
  withKind,
} from './survey-form.ts';

describe('the survey questions editor', () => {
  it('sends the questions it opened with unchanged', () => {
    expect(questionsBody(questionsForm(DEFAULT_SURVEY_QUESTIONS))).toEqual(DEFAULT_SURVEY_QUESTIONS);
  });

  it('adds a question with an id of its own that the API accepts', () => {
    const form = questionsForm(DEFAULT_SURVEY_QUESTIONS);
    const added = { ...newQuestion(form), th: '  สถานที่จัดงานสะดวกเพียงใด ', en: '' };
    const body = questionsBody([...form, added]);
    expect(body.at(-1)).toEqual({
      id: 'q5',
      kind: 'rating',
      th: 'สถานที่จัดงานสะดวกเพียงใด',
      en: 'สถานที่จัดงานสะดวกเพียงใด',
    });
    expect(UpdateSurveyBody.safeParse({ questions: body }).success).toBe(true);
  });

  it('turns a question into a single choice with two options to fill, and back without options', () => {
    const q = { ...newQuestion([]), th: 'มาจากภาคใด' };
    const single = withKind(q, 'single');
    expect(single.options.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(questionProblem(single)).toBe('optionMissing');
    const filled = {
      ...single,
      options: single.options.map((o, i) => ({ ...o, th: ['รัฐ', 'เอกชน'][i]! })),
    };
    expect(questionProblem(filled)).toBeNull();
    expect(UpdateSurveyBody.safeParse({ questions: questionsBody([filled]) }).success).toBe(true);
    expect(questionsBody([withKind(filled, 'text')])[0]).not.toHaveProperty('options');
  });

  it('says what keeps the questions from being saved', () => {
    const q = newQuestion([]);
    expect(questionProblem(q)).toBe('textMissing');
    expect(questionProblem({ ...q, th: 'x'.repeat(301) })).toBe('tooLong');
    const one = { ...withKind({ ...q, th: 'ข้อ' }, 'single') };
    expect(questionProblem({ ...one, options: one.options.slice(0, 1) })).toBe('optionsTooFew');
    expect(formIsValid([])).toBe(false);
    expect(formIsValid([{ ...q, th: 'ข้อ' }])).toBe(true);
    expect(formIsValid(Array.from({ length: 13 }, (_, i) => ({ ...q, id: `q${i}`, th: 'ข้อ' })))).toBe(false);
  });
});
