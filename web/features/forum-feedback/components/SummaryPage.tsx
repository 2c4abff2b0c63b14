import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  SUMMARY_BODY_MAX,
  SUMMARY_TITLE_MAX,
  type SummaryView,
  type UpdateSummaryBody,
} from '../../../../common/forum-feedback-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import {
  summaryPdfUrl,
  summaryPrintUrl,
  useGenerateSummary,
  usePublishSummary,
  useSummary,
  useUpdateSummary,
} from '../api/forum-feedback.ts';

/** The news summary of a forum: members read the published one; the Centre generates, edits and publishes it. */
export function SummaryPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedInMe();
  const query = useSummary(eventId);
  const centre = me.user.role === 'admin';
  // The Centre meets a forum without a summary yet: it may write the first draft.
  if (centre && isApiError(query.error, 404)) return <NoSummaryYet eventId={eventId} />;
  return (
    <QueryPage
      query={query}
      title={t('forumFeedback.summary.title')}
      back={{ to: '/', label: t('nav.home') }}
    >
      {(summary) => <Summary summary={summary} />}
    </QueryPage>
  );
}

function NoSummaryYet({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const generate = useGenerateSummary(eventId);
  return (
    <Stack align="flex-start">
      <PageHeader title={t('forumFeedback.summary.title')} />
      <Text>{t('forumFeedback.summary.none')}</Text>
      <ErrorAlert error={generate.error} />
      <Button
        loading={generate.isPending}
        onClick={() =>
          sendWithFeedback(generate, undefined, { success: t('forumFeedback.summary.generated') })
        }
      >
        {t('forumFeedback.summary.generate')}
      </Button>
    </Stack>
  );
}

function Summary({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const publish = usePublishSummary(summary.eventId);
  const generate = useGenerateSummary(summary.eventId);
  const title = language === 'th' ? summary.titleTh : summary.titleEn;
  const body = language === 'th' ? summary.bodyTh : summary.bodyEn;
  return (
    <Stack>
      <PageHeader
        title={t('forumFeedback.summary.title')}
        description={language === 'th' ? summary.eventTitleTh : summary.eventTitleEn}
      />
      <Group gap="xs">
        <Badge color={summary.state === 'published' ? 'teal' : 'gray'}>
          {t(`forumFeedback.summary.state.${summary.state}`)}
        </Badge>
        {summary.publishedAt && (
          <Text size="sm" c="dimmed">
            {t('forumFeedback.summary.publishedAt', { at: formatDateTime(summary.publishedAt, language) })}
          </Text>
        )}
      </Group>
      {editing ? (
        <EditForm summary={summary} onDone={() => setEditing(false)} />
      ) : (
        <article>
          <Title order={2} size="h3" mb="sm">
            {title}
          </Title>
          {body.split(/\n{2,}/).map((paragraph) => (
            <Text key={paragraph.slice(0, 80)} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {paragraph}
            </Text>
          ))}
        </article>
      )}
      <ErrorAlert error={publish.error ?? generate.error} />
      <Group>
        {summary.mayEdit && !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('forumFeedback.summary.edit')}
          </Button>
        )}
        {summary.mayEdit && !editing && summary.state === 'draft' && (
          <>
            <Button
              variant="default"
              loading={generate.isPending}
              onClick={() =>
                sendWithFeedback(generate, undefined, { success: t('forumFeedback.summary.generated') })
              }
            >
              {t('forumFeedback.summary.regenerate')}
            </Button>
            <Button
              loading={publish.isPending}
              onClick={() =>
                sendWithFeedback(publish, undefined, { success: t('forumFeedback.summary.published') })
              }
            >
              {t('forumFeedback.summary.publish')}
            </Button>
          </>
        )}
      </Group>
      <Group>
        {summary.pdfAvailable && (
          <Anchor href={summaryPdfUrl(summary.eventId, language)} download>
            {t('forumFeedback.summary.pdf')}
          </Anchor>
        )}
        <Anchor href={summaryPrintUrl(summary.eventId, language)} target="_blank" rel="noopener">
          {t('forumFeedback.summary.print')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function EditForm({ summary, onDone }: { summary: SummaryView; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSummary(summary.eventId);
  const [values, setValues] = useState<UpdateSummaryBody>({
    titleTh: summary.titleTh,
    titleEn: summary.titleEn,
    bodyTh: summary.bodyTh,
    bodyEn: summary.bodyEn,
  });
  const set = (key: keyof UpdateSummaryBody) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const tooLong = anyTooLong([
    [values.titleTh, SUMMARY_TITLE_MAX],
    [values.titleEn, SUMMARY_TITLE_MAX],
    [values.bodyTh, SUMMARY_BODY_MAX],
    [values.bodyEn, SUMMARY_BODY_MAX],
  ]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sendWithFeedback(update, values, { success: t('forumFeedback.summary.saved'), done: onDone });
      }}
    >
      <Stack>
        <LimitedTextInput
          label={t('forumFeedback.summary.titleTh')}
          limit={SUMMARY_TITLE_MAX}
          value={values.titleTh}
          onChange={set('titleTh')}
        />
        <LimitedTextarea
          label={t('forumFeedback.summary.bodyTh')}
          limit={SUMMARY_BODY_MAX}
          autosize
          minRows={8}
          value={values.bodyTh}
          onChange={set('bodyTh')}
        />
        <LimitedTextInput
          label={t('forumFeedback.summary.titleEn')}
          limit={SUMMARY_TITLE_MAX}
          value={values.titleEn}
          onChange={set('titleEn')}
          lang="en"
        />
        <LimitedTextarea
          label={t('forumFeedback.summary.bodyEn')}
          limit={SUMMARY_BODY_MAX}
          autosize
          minRows={8}
          value={values.bodyEn}
          onChange={set('bodyEn')}
          lang="en"
        />
        <ErrorAlert error={update.error} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={tooLong}>
            {t('forumFeedback.summary.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
