import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_MAX_QUESTIONS, type SurveyView } from '../../../../common/forum-feedback-api.ts';
import { SURVEY_QUESTION_KINDS, type SurveyQuestionKind } from '../../../../common/forum-states.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useUpdateSurvey } from '../api/forum-feedback.ts';
import {
  formIsValid,
  freshId,
  newQuestion,
  OPTIONS_MAX,
  OPTIONS_MIN,
  QUESTION_TEXT_MAX,
  type QuestionForm,
  questionProblem,
  questionsBody,
  questionsForm,
  withKind,
} from '../survey-form.ts';

/** The Centre writes the survey's questions (Thai first, English optional) until it opens. */
export function SurveyQuestionsEditor({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  const update = useUpdateSurvey(survey.eventId);
  const [form, setForm] = useState(() => questionsForm(survey.questions));
  const saved = JSON.stringify(form) === JSON.stringify(questionsForm(survey.questions));
  const setQuestion = (i: number, next: QuestionForm) =>
    setForm((f) => f.map((q, j) => (j === i ? next : q)));
  const move = (i: number, by: -1 | 1) =>
    setForm((f) => {
      const next = [...f];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {t('forumFeedback.questions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('forumFeedback.questions.hint')}
        </Text>
        {form.map((q, i) => {
          const problem = questionProblem(q);
          return (
            <Card key={q.id} withBorder padding="xs" data-testid="survey-question-edit">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{t('forumFeedback.questions.n', { n: i + 1 })}</Text>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      disabled={i === 0}
                      aria-label={t('forumFeedback.questions.moveUp')}
                      onClick={() => move(i, -1)}
                    >
                      <IconArrowUp size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      disabled={i === form.length - 1}
                      aria-label={t('forumFeedback.questions.moveDown')}
                      onClick={() => move(i, 1)}
                    >
                      <IconArrowDown size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={form.length === 1}
                      aria-label={t('forumFeedback.questions.remove')}
                      onClick={() => setForm((f) => f.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                </Group>
                <Select
                  label={t('forumFeedback.questions.kind')}
                  data={SURVEY_QUESTION_KINDS.map((k) => ({
                    value: k,
                    label: t(`forumFeedback.questions.kinds.${k}`),
                  }))}
                  value={q.kind}
                  allowDeselect={false}
                  onChange={(k) => k && setQuestion(i, withKind(q, k as SurveyQuestionKind))}
                />
                <TextInput
                  label={t('forumFeedback.questions.textTh')}
                  required
                  maxLength={QUESTION_TEXT_MAX}
                  value={q.th}
                  error={
                    problem === 'textMissing' ? t('forumFeedback.questions.problems.textMissing') : undefined
                  }
                  onChange={(e) => setQuestion(i, { ...q, th: e.currentTarget.value })}
                />
                <TextInput
                  label={t('forumFeedback.questions.textEn')}
                  maxLength={QUESTION_TEXT_MAX}
                  value={q.en}
                  onChange={(e) => setQuestion(i, { ...q, en: e.currentTarget.value })}
                />
                {q.kind === 'single' && (
                  <Stack gap={4} pl="sm">
                    <Text size="sm" fw={500}>
                      {t('forumFeedback.questions.options')}
                    </Text>
                    {q.options.map((o, k) => (
                      <Group key={o.id} gap={4} wrap="nowrap" align="flex-end">
                        <TextInput
                          style={{ flex: 1 }}
                          size="xs"
                          label={t('forumFeedback.questions.optionTh', { n: k + 1 })}
                          maxLength={QUESTION_TEXT_MAX}
                          value={o.th}
                          onChange={(e) =>
                            setQuestion(i, {
                              ...q,
                              options: q.options.map((x) =>
                                x.id === o.id ? { ...x, th: e.currentTarget.value } : x,
                              ),
                            })
                          }
                        />
                        <TextInput
                          style={{ flex: 1 }}
                          size="xs"
                          label={t('forumFeedback.questions.optionEn', { n: k + 1 })}
                          maxLength={QUESTION_TEXT_MAX}
                          value={o.en}
                          onChange={(e) =>
                            setQuestion(i, {
                              ...q,
                              options: q.options.map((x) =>
                                x.id === o.id ? { ...x, en: e.currentTarget.value } : x,
                              ),
                            })
                          }
                        />
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          disabled={q.options.length <= OPTIONS_MIN}
                          aria-label={t('forumFeedback.questions.removeOption', { n: k + 1 })}
                          onClick={() =>
                            setQuestion(i, { ...q, options: q.options.filter((x) => x.id !== o.id) })
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    ))}
                    {(problem === 'optionMissing' || problem === 'optionsTooFew') && (
                      <Text size="xs" c="red.8">
                        {t(`forumFeedback.questions.problems.${problem}`, { min: OPTIONS_MIN })}
                      </Text>
                    )}
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      disabled={q.options.length >= OPTIONS_MAX}
                      onClick={() =>
                        setQuestion(i, {
                          ...q,
                          options: [
                            ...q.options,
                            {
                              id: freshId(
                                'o',
                                q.options.map((x) => x.id),
                              ),
                              th: '',
                              en: '',
                            },
                          ],
                        })
                      }
                    >
                      {t('forumFeedback.questions.addOption')}
                    </Button>
                  </Stack>
                )}
              </Stack>
            </Card>
          );
        })}
        <Button
          variant="light"
          disabled={form.length >= SURVEY_MAX_QUESTIONS}
          onClick={() => setForm((f) => [...f, newQuestion(f)])}
        >
          {t('forumFeedback.questions.add', { max: SURVEY_MAX_QUESTIONS })}
        </Button>
        <ErrorAlert error={update.error} />
        <Group>
          <Button
            loading={update.isPending}
            disabled={saved || !formIsValid(form)}
            onClick={() =>
              sendWithFeedback(
                update,
                { questions: questionsBody(form) },
                {
                  success: t('forumFeedback.questions.saved'),
                  done: (view) => setForm(questionsForm(view.questions)),
                },
              )
            }
          >
            {t('forumFeedback.questions.save')}
          </Button>
          {!saved && (
            <Button variant="default" onClick={() => setForm(questionsForm(survey.questions))}>
              {t('forumFeedback.questions.undo')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
