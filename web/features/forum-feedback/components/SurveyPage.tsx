import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { QuestionResult, SurveyQuestion, SurveyView } from '../../../../common/forum-feedback-api.ts';
import { SURVEY_TEXT_MAX } from '../../../../common/forum-feedback-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useAnswerSurvey, useSurvey } from '../api/forum-feedback.ts';
import { SurveyQuestionsEditor } from './SurveyQuestionsEditor.tsx';

const RATINGS = ['1', '2', '3', '4', '5'];

/** The anonymous survey of a forum: answered on a phone by attendees; results for the Centre, and for attendees once closed. */
export function SurveyPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useSurvey(eventId);
  return (
    <QueryPage query={query} title={t('forumFeedback.survey.title')} back={{ to: '/', label: t('nav.home') }}>
      {(survey) => (
        <Stack>
          <PageHeader
            title={t('forumFeedback.survey.title')}
            description={language === 'th' ? survey.eventTitleTh : survey.eventTitleEn}
          />
          <Text size="sm" c="dimmed">
            {t(`forumFeedback.survey.phase.${survey.phase}`, {
              opens: formatDateTime(survey.opensAt, language),
              closes: formatDateTime(survey.closesAt, language),
            })}
          </Text>
          <Alert color="blue" variant="light">
            {t('forumFeedback.survey.anonymity')}
          </Alert>
          {survey.answered && <Alert color="teal">{t('forumFeedback.survey.thanks')}</Alert>}
          {survey.mayEdit && <SurveyQuestionsEditor survey={survey} />}
          {survey.mayAnswer && <AnswerForm eventId={eventId} questions={survey.questions} />}
          {survey.results && <Results survey={survey} />}
        </Stack>
      )}
    </QueryPage>
  );
}

function AnswerForm({ eventId, questions }: { eventId: string; questions: SurveyQuestion[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useAnswerSurvey(eventId);
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (id: string, value: string) => setValues((v) => ({ ...v, [id]: value }));
  const texts = questions
    .filter((q) => q.kind === 'text')
    .map((q) => [values[q.id] ?? '', SURVEY_TEXT_MAX] as const);
  const answers = Object.fromEntries(
    questions
      .filter((q) => (values[q.id] ?? '').trim() !== '')
      .map((q) => [q.id, q.kind === 'rating' ? Number(values[q.id]) : values[q.id]!]),
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sendWithFeedback(answer, { answers }, { success: t('forumFeedback.survey.sent') });
      }}
    >
      <Stack>
        {questions.map((q) => {
          const label = language === 'th' ? q.th : q.en;
          if (q.kind === 'rating')
            return (
              <Stack key={q.id} gap={4}>
                <Text fw={500}>{label}</Text>
                <Text size="xs" c="dimmed">
                  {t('forumFeedback.survey.ratingHint')}
                </Text>
                <SegmentedControl
                  aria-label={label}
                  fullWidth
                  data={RATINGS}
                  value={values[q.id] ?? ''}
                  onChange={(v) => set(q.id, v)}
                />
              </Stack>
            );
          if (q.kind === 'single')
            return (
              <Radio.Group key={q.id} label={label} value={values[q.id] ?? ''} onChange={(v) => set(q.id, v)}>
                <Stack gap="xs" mt="xs">
                  {q.options!.map((o) => (
                    <Radio key={o.id} value={o.id} label={language === 'th' ? o.th : o.en} />
                  ))}
                </Stack>
              </Radio.Group>
            );
          return (
            <LimitedTextarea
              key={q.id}
              label={label}
              limit={SURVEY_TEXT_MAX}
              autosize
              minRows={3}
              value={values[q.id] ?? ''}
              onChange={(e) => set(q.id, e.currentTarget.value)}
            />
          );
        })}
        <ErrorAlert error={answer.error} />
        <Group>
          <Button
            type="submit"
            loading={answer.isPending}
            disabled={Object.keys(answers).length === 0 || anyTooLong(texts)}
          >
            {t('forumFeedback.survey.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Results({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  const results = survey.results!;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('forumFeedback.results.title')}
      </Title>
      <Text>
        {results.responses === null
          ? t('forumFeedback.results.fewResponses', { min: results.minResponses })
          : t('forumFeedback.results.responses', { count: results.responses })}
      </Text>
      {survey.questions.map((q) => (
        <QuestionCard
          key={q.id}
          question={q}
          result={results.questions.find((r) => r.questionId === q.id)!}
        />
      ))}
    </Stack>
  );
}

function QuestionCard({ question, result }: { question: SurveyQuestion; result: QuestionResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const optionLabel = (value: string) => {
    const option = question.options?.find((o) => o.id === value);
    return option ? (language === 'th' ? option.th : option.en) : value;
  };
  return (
    <Card withBorder>
      <Text fw={500} mb="xs">
        {language === 'th' ? question.th : question.en}
      </Text>
      {result.suppressed ? (
        <Text size="sm" c="dimmed">
          {t('forumFeedback.results.suppressed', { min: 5 })}
        </Text>
      ) : (
        <Stack gap={6}>
          {result.average !== null && (
            <Text size="sm">{t('forumFeedback.results.average', { value: result.average })}</Text>
          )}
          {result.counts?.map((c) => (
            <div key={c.value}>
              <Group justify="space-between">
                <Text size="sm">{optionLabel(c.value)}</Text>
                <Text size="sm">{c.count}</Text>
              </Group>
              <Progress value={(c.count / (result.answered ?? 1)) * 100} aria-hidden />
            </div>
          ))}
          {result.texts && <Texts texts={result.texts} />}
          {question.kind === 'text' && result.texts === null && (
            <Text size="sm" c="dimmed">
              {t('forumFeedback.results.textsCentreOnly', { count: result.answered ?? 0 })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The same text given twice is shown once with its count, so keys stay unique. */
function Texts({ texts }: { texts: string[] }) {
  const counted = new Map<string, number>();
  for (const text of texts) counted.set(text, (counted.get(text) ?? 0) + 1);
  return [...counted].map(([text, n]) => (
    <Text key={text} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      “{text}”{n > 1 ? ` ×${n}` : ''}
    </Text>
  ));
}
