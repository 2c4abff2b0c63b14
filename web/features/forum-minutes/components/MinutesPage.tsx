import { Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MINUTES_LIMITS } from '../../../../common/forum-minutes-api.ts';
import { DateTime } from '../../../components/DateTime.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LimitedTextarea, tooLong } from '../../../components/LimitedText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type MinutesMove,
  type MinutesView,
  useCommentMinutes,
  useMinutes,
  useMinutesVersion,
  useMoveMinutes,
} from '../api/forum-minutes.ts';
import { MinutesContentView } from './MinutesContent.tsx';
import { MinutesEditor } from './MinutesEditor.tsx';
import { MinutesError } from './shared.tsx';

const STATE_COLOR = { draft: 'gray', shared: 'blue', final: 'teal' } as const;

export function MinutesPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const minutes = useMinutes(eventId);
  return (
    <QueryPage
      query={minutes}
      title={t('forumMinutes.title')}
      back={{ to: '/forums/actions', label: t('forumMinutes.actions.title') }}
    >
      {(m) => <Minutes minutes={m} />}
    </QueryPage>
  );
}

function Minutes({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [dirty, setDirty] = useState(false);
  const title = language === 'th' ? minutes.event.titleTh : minutes.event.titleEn;
  return (
    <Stack>
      <PageHeader title={t('forumMinutes.title')} description={title} />
      <Group gap="xs">
        <Badge
          color={STATE_COLOR[minutes.state]}
          c={`${STATE_COLOR[minutes.state]}.9`}
          variant="light"
          data-testid="minutes-state"
        >
          {t(`forumMinutes.state.${minutes.state}`)}
        </Badge>
        <Text size="sm">{t('forumMinutes.versionN', { n: minutes.version })}</Text>
        <Text size="sm" c="dimmed">
          <DateTime value={minutes.event.startsAt} />
        </Text>
      </Group>
      {minutes.can.edit ? (
        <MinutesEditor key={minutes.revision} minutes={minutes} onDirty={setDirty} />
      ) : (
        <MinutesContentView content={minutes} />
      )}
      <StateMoves minutes={minutes} dirty={dirty} />
      <Versions minutes={minutes} />
      <Comments minutes={minutes} />
    </Stack>
  );
}

/** Share, finalise, reopen: the Centre's, each on the revision it sees (unsaved edits must be saved first). */
function StateMoves({ minutes, dirty }: { minutes: MinutesView; dirty: boolean }) {
  const { t } = useTranslation();
  const move = useMoveMinutes(minutes.event.id);
  const moves: MinutesMove[] = !minutes.can.edit
    ? minutes.can.reopen
      ? ['reopen']
      : []
    : minutes.state === 'draft'
      ? ['share', 'finalise']
      : ['finalise'];
  if (moves.length === 0) return null;
  return (
    <Stack gap="xs">
      {dirty && (
        <Text size="sm" c="orange.9">
          {t('forumMinutes.saveFirst')}
        </Text>
      )}
      <MinutesError error={move.error} />
      <Stack gap="xs">
        {moves.map((m) => (
          <Button
            key={m}
            variant={m === 'finalise' ? 'filled' : 'light'}
            color={m === 'finalise' ? 'teal' : undefined}
            loading={move.isPending && move.variables?.move === m}
            disabled={dirty}
            onClick={() =>
              sendWithFeedback(
                move,
                {
                  move: m,
                  revision: minutes.revision,
                  ...(m === 'reopen' ? { version: minutes.version } : {}),
                },
                { success: t(`forumMinutes.moved.${m}`) },
              )
            }
          >
            {t(`forumMinutes.move.${m}`)}
          </Button>
        ))}
      </Stack>
    </Stack>
  );
}

function Versions({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<number | null>(null);
  const version = useMinutesVersion(minutes.event.id, opened);
  if (minutes.versions.length === 0) return null;
  return (
    <Section id="versions" title={t('forumMinutes.versions')}>
      {minutes.versions.map((v) => (
        <Group key={v.version} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {t('forumMinutes.versionN', { n: v.version })} · <DateTime value={v.finalisedAt} />
          </Text>
          <Button size="compact-sm" variant="light" onClick={() => setOpened(v.version)}>
            {t('forumMinutes.openVersion')}
          </Button>
        </Group>
      ))}
      <Modal
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={t('forumMinutes.versionN', { n: opened ?? 0 })}
        fullScreen
      >
        {version.data ? <MinutesContentView content={version.data.content} /> : <FullPageLoader />}
      </Modal>
    </Section>
  );
}

function Comments({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const comment = useCommentMinutes(minutes.event.id);
  const [body, setBody] = useState('');
  if (minutes.comments.length === 0 && !minutes.can.comment) return null;
  return (
    <Section id="comments" title={t('forumMinutes.comments')}>
      {minutes.comments.map((c) => (
        <Stack key={c.id} gap={2}>
          <Title order={5}>{organisationName(c.organisation, language)}</Title>
          <Text size="xs" c="dimmed">
            {c.author?.displayName} · <DateTime value={c.createdAt} /> ·{' '}
            {t('forumMinutes.versionN', { n: c.version })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Stack>
      ))}
      {minutes.can.comment && (
        <Stack gap="xs">
          <LimitedTextarea
            label={t('forumMinutes.yourComment')}
            value={body}
            limit={MINUTES_LIMITS.comment}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MinutesError error={comment.error} />
          <Button
            loading={comment.isPending}
            disabled={!body.trim() || tooLong(body, MINUTES_LIMITS.comment)}
            onClick={() =>
              sendWithFeedback(comment, body.trim(), {
                success: t('forumMinutes.commented'),
                done: () => setBody(''),
              })
            }
          >
            {t('forumMinutes.sendComment')}
          </Button>
        </Stack>
      )}
    </Section>
  );
}
