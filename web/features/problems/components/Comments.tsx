import { Alert, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAt, IconCloudUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useDraft } from '../../../lib/drafts.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName, organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { discardQueued, failureOf, type QueuedSend } from '../../../lib/send-queue.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { useQueuedSends } from '../../../lib/useSendQueue.ts';
import {
  type CommentView,
  commentsPath,
  type NewComment,
  type ProblemDetail,
  QUEUED_COMMENT,
  useAddComment,
  useComments,
  useEditComment,
  useHideComment,
  usePeopleToMention,
  useReportComment,
} from '../api/problems.ts';
import { SafeMarkdown } from './Markdown.tsx';
import { usePrivacyGuard, withoutPrivacyWarning } from './PrivacyGuard.tsx';

/** Comments in threads of one level; replies sit under the comment they answer. */
export function Comments({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const comments = useComments(problem.id);
  const all = comments.data?.pages.flatMap((p) => p.items) ?? [];
  const threads = all.filter((c) => !c.parentId);
  const repliesOf = (id: string) => all.filter((c) => c.parentId === id);
  const me = useSignedInMe();
  const waiting = useQueuedSends(me.user.id, QUEUED_COMMENT).filter(
    (item) => item.path === commentsPath(problem.id),
  );
  return (
    <Section id="comments" title={t('problems.comments.title', { count: problem.commentCount })}>
      <ErrorAlert error={comments.error} />
      {threads.length === 0 && waiting.length === 0 && !comments.isPending && (
        <Text size="sm" c="dimmed">
          {t('problems.comments.none')}
        </Text>
      )}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {threads.map((comment) => (
          <li key={comment.id}>
            <CommentCard comment={comment} problem={problem} />
            {repliesOf(comment.id).length > 0 && (
              <Stack gap="xs" component="ol" p={0} mt="xs" ml="lg" style={{ listStyle: 'none' }}>
                {repliesOf(comment.id).map((reply) => (
                  <li key={reply.id}>
                    <CommentCard comment={reply} problem={problem} />
                  </li>
                ))}
              </Stack>
            )}
          </li>
        ))}
        {waiting.map((item) => (
          <li key={item.key}>
            <WaitingComment item={item} />
          </li>
        ))}
      </Stack>
      <LoadMoreButton {...comments} />
      {problem.permissions.comment && <CommentComposer problem={problem} />}
    </Section>
  );
}

function CommentCard({ comment, problem }: { comment: CommentView; problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const [mode, setMode] = useState<'reply' | 'edit' | 'report' | 'hide' | null>(null);
  const mayEdit = comment.editableUntil !== null && new Date(comment.editableUntil).getTime() > Date.now();
  const author = comment.author
    ? `${comment.author.displayName}${comment.authorOrganisation ? ` · ${organisationName(comment.authorOrganisation, language)}` : ''}`
    : t('problems.anonymousOrganisation');
  return (
    <Card withBorder padding="sm" data-testid="comment" bg={comment.hidden ? 'gray.0' : undefined}>
      <Stack gap={4}>
        <Group gap={6} justify="space-between">
          <Text size="sm" fw={600}>
            {author}
            {comment.byReporter && comment.author && (
              <Badge ml={6} size="xs" variant="light" tt="none">
                {t('problems.comments.reporter')}
              </Badge>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(comment.createdAt, language)}
            {comment.editedAt && ` · ${t('problems.comments.edited')}`}
          </Text>
        </Group>
        {comment.hidden && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('problems.comments.hidden', { reason: comment.hidden.reason })}
          </Text>
        )}
        {comment.body !== null && mode !== 'edit' && (
          <SafeMarkdown mentions={comment.mentions}>{comment.body}</SafeMarkdown>
        )}
        {mode === 'edit' && comment.body !== null && (
          <EditComment problemId={problem.id} comment={comment} onDone={() => setMode(null)} />
        )}
        {comment.reportCount !== null && comment.reportCount > 0 && (
          <Text size="xs" c="orange.8">
            {t('problems.comments.reports', { count: comment.reportCount })}
          </Text>
        )}
        {!comment.hidden && mode !== 'edit' && (
          <Group gap={4}>
            {problem.permissions.comment && !comment.parentId && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => setMode(mode === 'reply' ? null : 'reply')}
              >
                {t('problems.comments.reply')}
              </Button>
            )}
            {mayEdit && (
              <Button variant="subtle" size="compact-xs" onClick={() => setMode('edit')}>
                {t('problems.comments.edit')}
              </Button>
            )}
            {me.user.role !== 'observer' && comment.author?.id !== me.user.id && (
              <Button variant="subtle" size="compact-xs" color="orange" onClick={() => setMode('report')}>
                {t('problems.comments.report')}
              </Button>
            )}
            {me.user.role === 'admin' && (
              <Button variant="subtle" size="compact-xs" color="red" onClick={() => setMode('hide')}>
                {t('problems.comments.hide')}
              </Button>
            )}
          </Group>
        )}
        {mode === 'reply' && (
          <CommentComposer problem={problem} parentId={comment.id} onDone={() => setMode(null)} />
        )}
        <ReasonDialog
          problemId={problem.id}
          commentId={comment.id}
          kind={mode === 'report' || mode === 'hide' ? mode : null}
          onClose={() => setMode(null)}
        />
      </Stack>
    </Card>
  );
}

/** A comment written offline: shown at once, marked as waiting, until the send queue has sent it. */
function WaitingComment({ item }: { item: QueuedSend }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const body = item.body as NewComment;
  return (
    <Card withBorder padding="sm" data-testid="waiting-comment" style={{ borderStyle: 'dashed' }}>
      <Stack gap={4}>
        <Group gap={6} justify="space-between">
          <Text size="sm" fw={600}>
            {me.user.displayName}
          </Text>
          <Badge
            size="sm"
            variant="light"
            color={item.failed ? 'red' : 'yellow'}
            tt="none"
            leftSection={<IconCloudUpload size={12} aria-hidden />}
          >
            {item.failed ? t('problems.comments.notSent') : t('problems.comments.waitingToSend')}
          </Badge>
        </Group>
        <SafeMarkdown mentions={[]}>{body.body}</SafeMarkdown>
        {item.failed && (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="xs" c="red.8">
              {errorMessage(failureOf(item), t)}
            </Text>
            <Button variant="subtle" size="compact-xs" onClick={() => discardQueued(me.user.id, item.key)}>
              {t('problems.comments.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Finds people by name (two letters or more) and inserts `@[name](user:id)`. */
function PersonMention({ onPick }: { onPick: (token: string) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const people = usePeopleToMention(debounced, language);
  const options = (people.data ?? []).map((p) => ({
    value: p.userId,
    label: `${p.name} · ${p.organisation}`,
  }));
  return (
    <Select
      aria-label={t('problems.comments.mentionPerson')}
      placeholder={t('problems.comments.mentionPerson')}
      leftSection={<IconAt size={16} aria-hidden />}
      data={options}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(userId) => {
        const person = people.data?.find((p) => p.userId === userId);
        if (person) onPick(`@[${person.name}](user:${person.userId})`);
        setSearch('');
      }}
      filter={({ options: all }) => all}
      searchable
      size="xs"
      nothingFoundMessage={
        debounced.trim().length >= 2 ? t('common.nothingFound') : t('problems.comments.typeName')
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Text with an organisation picker that inserts an @mention the server resolves. */
function CommentComposer({
  problem,
  parentId,
  onDone,
}: {
  problem: ProblemDetail;
  parentId?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddComment(problem.id);
  const privacy = usePrivacyGuard();
  const { organisations } = useAllOrganisations();
  const draft = useDraft(`comment.${problem.id}${parentId ? `.${parentId}` : ''}`, '');
  const body = draft.value;
  const setBody = draft.setValue;
  // The alert stays while the comment written offline waits, and goes once the queue has sent it.
  const [queuedKey, setQueuedKey] = useState<string | null>(null);
  const me = useSignedInMe();
  const stillWaiting = useQueuedSends(me.user.id, QUEUED_COMMENT).some((item) => item.key === queuedKey);
  const mention = (id: string | null) => {
    const org = organisations.find((o) => o.id === id);
    if (org)
      setBody(
        (b) => `${b}${b && !b.endsWith(' ') ? ' ' : ''}@[${organisationName(org, language)}](org:${org.id}) `,
      );
  };
  const submit = () => {
    if (add.isPending) return;
    setQueuedKey(null);
    let queued = false;
    return privacy
      .run(
        async (p) => {
          const outcome = await add.mutateAsync({
            body: body.trim(),
            ...(parentId ? { parentId } : {}),
            ...p,
          });
          queued = outcome.status === 'queued';
          setQueuedKey(outcome.status === 'queued' ? outcome.item.key : null);
        },
        { body },
        () => {
          // Offline, the composer's alert says it waits; "sent" would not be true yet.
          if (!queued)
            feedback.success(parentId ? t('problems.comments.replySent') : t('problems.comments.sent'));
          draft.clear();
          onDone?.();
        },
      )
      .catch(() => undefined);
  };
  return (
    <Stack gap="xs">
      {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
      <LimitedTextarea
        label={parentId ? t('problems.comments.replyLabel') : t('problems.comments.add')}
        description={t('problems.raise.markdownHint')}
        autosize
        minRows={2}
        limit={PROBLEM_LIMITS.comment}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Select
          aria-label={t('problems.comments.mention')}
          placeholder={t('problems.comments.mention')}
          leftSection={<IconAt size={16} aria-hidden />}
          data={organisationOptions(organisations, language)}
          value={null}
          onChange={mention}
          searchable
          size="xs"
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
        />
        <PersonMention
          onPick={(token) => setBody((b) => `${b}${b && !b.endsWith(' ') ? ' ' : ''}${token} `)}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button
          size="sm"
          loading={add.isPending}
          disabled={!body.trim() || anyTooLong([[body, PROBLEM_LIMITS.comment]])}
          onClick={submit}
        >
          {parentId ? t('problems.comments.sendReply') : t('problems.comments.send')}
        </Button>
      </Group>
      {stillWaiting && (
        <Alert color="yellow" variant="light" role="status" icon={<IconCloudUpload aria-hidden />}>
          {t('problems.comments.queued')}
        </Alert>
      )}
      <ErrorAlert error={withoutPrivacyWarning(add.error)} />
      {privacy.dialog}
    </Stack>
  );
}

function EditComment({
  problemId,
  comment,
  onDone,
}: {
  problemId: string;
  comment: CommentView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const edit = useEditComment(problemId);
  const privacy = usePrivacyGuard();
  const [body, setBody] = useState(comment.body ?? '');
  return (
    <Stack gap="xs">
      <LimitedTextarea
        aria-label={t('problems.comments.edit')}
        autosize
        minRows={2}
        limit={PROBLEM_LIMITS.comment}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <ErrorAlert error={withoutPrivacyWarning(edit.error)} />
      <Group gap="xs" justify="flex-end">
        <Button variant="default" size="xs" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          loading={edit.isPending}
          disabled={!body.trim() || anyTooLong([[body, PROBLEM_LIMITS.comment]])}
          onClick={() =>
            privacy
              .run(
                (p) => edit.mutateAsync({ commentId: comment.id, body: body.trim(), ...p }),
                { body },
                () => {
                  feedback.success(t('problems.comments.saved'));
                  onDone();
                },
              )
              .catch(() => undefined)
          }
        >
          {t('common.save')}
        </Button>
      </Group>
      {privacy.dialog}
    </Stack>
  );
}

/** Reporting to the Centre and hiding (the Centre) both need a reason. */
function ReasonDialog({
  problemId,
  commentId,
  kind,
  onClose,
}: {
  problemId: string;
  commentId: string;
  kind: 'report' | 'hide' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportComment(problemId);
  const hide = useHideComment(problemId);
  const mutation = kind === 'hide' ? hide : report;
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    report.reset();
    hide.reset();
    onClose();
  };
  return (
    <Modal opened={kind !== null} onClose={close} title={kind ? t(`problems.comments.${kind}Title`) : ''}>
      <Stack>
        <LimitedTextarea
          label={t('problems.comments.reason')}
          required
          autosize
          minRows={2}
          limit={PROBLEM_LIMITS.reason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={kind === 'hide' ? 'red' : 'orange'}
            disabled={!reason.trim() || anyTooLong([[reason, PROBLEM_LIMITS.reason]])}
            loading={mutation.isPending}
            onClick={() =>
              sendWithFeedback(
                mutation,
                { commentId, reason: reason.trim() },
                {
                  success:
                    kind === 'hide' ? t('problems.comments.hiddenDone') : t('problems.comments.reportedDone'),
                  done: close,
                },
              )
            }
          >
            {kind ? t(`problems.comments.${kind}`) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
