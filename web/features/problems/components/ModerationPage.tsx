import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconEyeOff, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type CommentReport, useCommentReports, useModerateComment } from '../api/problems.ts';

/** One reported comment with every report of it in the loaded pages: the Centre decides per comment. */
type ReportedComment = {
  problem: CommentReport['problem'];
  comment: CommentReport['comment'];
  reports: CommentReport[];
};

/** Reports come newest first, so each comment sits where its newest report does. */
function groupByComment(reports: CommentReport[]): ReportedComment[] {
  const byComment = new Map<string, ReportedComment>();
  for (const report of reports) {
    const group = byComment.get(report.comment.id);
    if (group) group.reports.push(report);
    else
      byComment.set(report.comment.id, {
        problem: report.problem,
        comment: report.comment,
        reports: [report],
      });
  }
  return [...byComment.values()];
}

/** The Centre's moderation queue: comments members reported, to hide or to dismiss as unfounded. */
export function ModerationPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState<'open' | 'resolved'>('open');
  const reports = useCommentReports(show === 'open');
  const groups = groupByComment(reports.data?.pages.flatMap((page) => page.items) ?? []);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/problems" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('problems.backToBoard')}
        </Group>
      </Anchor>
      <PageHeader title={t('problems.moderation.title')} description={t('problems.moderation.description')} />
      <SegmentedControl
        aria-label={t('problems.moderation.show')}
        value={show}
        onChange={(value) => setShow(value === 'resolved' ? 'resolved' : 'open')}
        data={[
          { value: 'open', label: t('problems.moderation.open') },
          { value: 'resolved', label: t('problems.moderation.resolved') },
        ]}
        fullWidth
        maw={{ base: '100%', sm: 420 }}
      />
      <ErrorAlert error={reports.error} />
      {reports.isPending ? (
        <FullPageLoader />
      ) : reports.error ? null : groups.length === 0 ? (
        <Text role="status">
          {show === 'open' ? t('problems.moderation.emptyOpen') : t('problems.moderation.emptyResolved')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('problems.moderation.results')}
          aria-busy={reports.isFetching && !reports.isFetchingNextPage ? true : undefined}
        >
          {groups.map((group) => (
            <li key={group.comment.id}>
              <ReportedCommentCard group={group} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMoreButton {...reports} />
    </Stack>
  );
}

function ReportedCommentCard({ group }: { group: ReportedComment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const [action, setAction] = useState<'hide' | 'dismiss' | null>(null);
  const open = group.reports.filter((r) => r.resolvedAt === null);
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-labelledby={headingId}
      data-testid="reported-comment"
    >
      <Stack gap="xs">
        <Text fw={600} id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/problems/${encodeURIComponent(group.problem.id)}#comments`}>
            {group.problem.title}
          </Anchor>
        </Text>
        <Group gap={6}>
          <Badge variant="light" color="orange" tt="none">
            {t('problems.moderation.reportCount', { count: group.reports.length })}
          </Badge>
          {group.comment.hidden && (
            <Badge variant="light" color="gray" tt="none">
              {t('problems.moderation.hiddenBadge')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('problems.moderation.writtenBy', {
            name: group.comment.author.displayName,
            organisation: organisationName(group.comment.author.organisation, language),
          })}
        </Text>
        {/* Members' text, shown as written: plain text, never Markdown or HTML. */}
        <Text
          size="sm"
          p="xs"
          bg="gray.0"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 4 }}
          aria-label={t('problems.moderation.comment')}
          role="group"
        >
          {group.comment.body}
        </Text>
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {group.reports.map((report) => (
            <li key={report.id}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t('problems.moderation.reportedBy', {
                  name: report.reporter.displayName,
                  organisation: organisationName(report.reporter.organisation, language),
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {t('problems.moderation.reason', { reason: report.reason })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('problems.moderation.reportedOn', { date: formatDateTime(report.createdAt, language) })}
                {report.resolvedAt &&
                  ` · ${t('problems.moderation.resolvedOn', { date: formatDateTime(report.resolvedAt, language) })}`}
              </Text>
            </li>
          ))}
        </Stack>
        {open.length > 0 && (
          <Group gap="xs" justify="flex-end">
            {!group.comment.hidden && (
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconEyeOff size={16} aria-hidden />}
                aria-describedby={headingId}
                onClick={() => setAction('hide')}
              >
                {t('problems.moderation.hide')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={16} aria-hidden />}
              aria-describedby={headingId}
              onClick={() => setAction('dismiss')}
            >
              {t('problems.moderation.dismiss')}
            </Button>
          </Group>
        )}
      </Stack>
      <ModerationDialog
        action={action}
        group={group}
        openCount={open.length}
        onClose={() => setAction(null)}
      />
    </Card>
  );
}

/** Hiding needs a reason members will read; dismissing takes an optional note for the audit log. */
function ModerationDialog({
  action,
  group,
  openCount,
  onClose,
}: {
  action: 'hide' | 'dismiss' | null;
  group: ReportedComment;
  openCount: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const moderate = useModerateComment();
  const [text, setText] = useState('');
  const close = () => {
    setText('');
    moderate.reset();
    onClose();
  };
  const ids = { problemId: group.problem.id, commentId: group.comment.id };
  const submit = () =>
    sendWithFeedback(
      moderate,
      action === 'hide'
        ? { kind: 'hide', ...ids, reason: text.trim() }
        : { kind: 'dismiss', ...ids, note: text.trim() || undefined },
      {
        success:
          action === 'hide' ? t('problems.moderation.hiddenDone') : t('problems.moderation.dismissedDone'),
        done: close,
      },
    );
  const hide = action === 'hide';
  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={hide ? t('problems.comments.hideTitle') : t('problems.moderation.dismissTitle')}
    >
      <Stack>
        <Text size="sm">
          {hide
            ? t('problems.moderation.hideExplain')
            : t('problems.moderation.dismissExplain', { count: openCount })}
        </Text>
        <LimitedTextarea
          label={hide ? t('problems.comments.reason') : t('problems.moderation.note')}
          description={hide ? undefined : t('problems.moderation.noteHint')}
          required={hide}
          autosize
          minRows={2}
          limit={hide ? PROBLEM_LIMITS.reason : PROBLEM_LIMITS.dismissNote}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <ErrorAlert error={moderate.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={hide ? 'red' : undefined}
            disabled={
              (hide && !text.trim()) ||
              anyTooLong([[text, hide ? PROBLEM_LIMITS.reason : PROBLEM_LIMITS.dismissNote]])
            }
            loading={moderate.isPending}
            onClick={submit}
          >
            {hide ? t('problems.moderation.hide') : t('problems.moderation.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
