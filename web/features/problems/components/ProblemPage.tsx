import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconBellOff, IconCertificate, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PROBLEM_LIMITS } from '../../../../common/problems-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { useDocumentTitle } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useDraft } from '../../../lib/drafts.ts';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type ProblemDetail,
  useFollow,
  useProblem,
  useSupport,
  useWithdrawSupport,
} from '../api/problems.ts';
import { categoryLabel, problemReference, provinceLabel } from '../labels.ts';
import { CentreActions } from './CentreActions.tsx';
import { Comments } from './Comments.tsx';
import { SafeMarkdown } from './Markdown.tsx';
import { usePrivacyGuard, withoutPrivacyWarning } from './PrivacyGuard.tsx';
import { OverdueBadge, ReporterName, StateBadge, TypeBadge } from './shared.tsx';
import { Timeline } from './Timeline.tsx';

/** What the server takes as a support's context. */
const SUPPORT_CONTEXT_LIMIT = PROBLEM_LIMITS.context;

export function ProblemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useProblem(id);
  return (
    <QueryPage
      query={query}
      title={t('problems.title')}
      back={{ to: '/problems', label: t('problems.backToBoard') }}
    >
      {(problem) => <ProblemView problem={problem} />}
    </QueryPage>
  );
}

function ProblemView({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(problem.title);
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/problems" size="sm">
        ← {t('problems.backToBoard')}
      </Anchor>
      <Stack gap={6}>
        <Group gap={6}>
          <TypeBadge type={problem.type} />
          <StateBadge state={problem.state} />
          {problem.overdue && <OverdueBadge dueAt={problem.dueAt} />}
        </Group>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          {problem.title}
        </Title>
        <Text size="sm">
          {t('problems.raisedBy')} <ReporterName problem={problem} />
          {problem.reporter && ` · ${problem.reporter.displayName}`} ·{' '}
          {formatDateTime(problem.createdAt, language)} · {t('problems.reference')}{' '}
          <Text span ff="monospace" fw={600} data-testid="problem-reference">
            {problemReference(problem.id)}
          </Text>
        </Text>
        <Group gap={6}>
          <Badge variant="light" color="gray" tt="none">
            {categoryLabel(problem.category, language)}
          </Badge>
          {problem.provinces.map((p) => (
            <Badge key={p} variant="outline" color="gray" tt="none">
              {provinceLabel(p, language)}
            </Badge>
          ))}
          {problem.sectors.map((s) => (
            <Badge key={s} variant="outline" color="blue" tt="none">
              {t(`sectors.${s}`)}
            </Badge>
          ))}
        </Group>
        {problem.stateReason && (
          <Alert variant="light" color="gray" title={t('problems.stateReason')}>
            {problem.stateReason}
          </Alert>
        )}
        {problem.duplicateOf && (
          <Alert variant="light" color="gray">
            {t('problems.duplicateOf')}{' '}
            <Anchor component={Link} to={`/problems/${problem.duplicateOf.id}`}>
              {problem.duplicateOf.title}
            </Anchor>
          </Alert>
        )}
        {problem.dueAt && (
          <Text size="sm" c={problem.overdue ? 'red.8' : 'dimmed'} fw={problem.overdue ? 700 : undefined}>
            {t('problems.dueOn', { date: formatDateTime(problem.dueAt, language) })}
          </Text>
        )}
      </Stack>

      <OfficialAnswers problem={problem} />

      <Card withBorder padding="md">
        <Stack gap="sm">
          <SafeMarkdown>{problem.body}</SafeMarkdown>
          {problem.proposedSolution && (
            <div>
              <Text fw={700} size="sm">
                {t('problems.fields.proposedSolution')}
              </Text>
              <SafeMarkdown>{problem.proposedSolution}</SafeMarkdown>
            </div>
          )}
          {problem.sourceEvent ? (
            <Text size="sm" data-testid="forum-source">
              <Anchor component={Link} to={`/forums/${problem.sourceEvent.id}`}>
                {t('forumCheckin.raisedAt', { number: problem.sourceEvent.number })}
              </Anchor>
              {problem.sourceEvent.agendaItem && (
                <Text span c="dimmed" size="sm">
                  {' · '}
                  {t('forumCheckin.agendaItem')}:{' '}
                  {language === 'th'
                    ? problem.sourceEvent.agendaItem.titleTh
                    : problem.sourceEvent.agendaItem.titleEn}
                </Text>
              )}
            </Text>
          ) : (
            problem.source && (
              <Text size="sm" c="dimmed">
                {t('problems.fields.source')}: {problem.source}
              </Text>
            )
          )}
        </Stack>
      </Card>

      <SupportAndFollow problem={problem} />
      <CentreActions problem={problem} />
      <Timeline problem={problem} />
      <Comments problem={problem} />
    </Stack>
  );
}

/** The official answers come first and look different from comments: they are the Centre's loop. */
function OfficialAnswers({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const assigned = problem.assignments;
  return (
    <Section id="answers" title={t('problems.answers.title')}>
      {assigned.length > 0 && (
        <Text size="sm">
          {t('problems.answers.responsible')}{' '}
          {assigned.map((a, i) => (
            <span key={a.organisation.id}>
              {i > 0 && ', '}
              <Text span fw={a.lead ? 700 : undefined}>
                {organisationName(a.organisation, language)}
              </Text>
              {a.lead && ` (${t('problems.answers.lead')})`}
            </span>
          ))}
        </Text>
      )}
      {problem.answers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {problem.deadlines.firstAnswerDueAt
            ? t('problems.answers.noneYetDue', {
                date: formatDateTime(problem.deadlines.firstAnswerDueAt, language),
              })
            : t('problems.answers.noneYet')}
        </Text>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('problems.answers.title')}
        >
          {problem.answers.map((answer) => (
            <Card
              key={answer.id}
              component="li"
              padding="sm"
              radius="md"
              bg="teal.0"
              style={{ borderLeft: '5px solid var(--mantine-color-teal-7)' }}
              data-testid="official-answer"
            >
              <Stack gap={4}>
                <Group gap={6}>
                  <IconCertificate size={18} color="var(--mantine-color-teal-8)" aria-hidden />
                  <Text fw={700} size="sm">
                    {t('problems.answers.official')} · {organisationName(answer.organisation, language)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {answer.author?.displayName && `${answer.author.displayName} · `}
                  {formatDateTime(answer.createdAt, language)}
                </Text>
                <SafeMarkdown>
                  {language === 'en' && answer.bodyEn ? answer.bodyEn : answer.bodyTh}
                </SafeMarkdown>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function SupportAndFollow({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const support = useSupport(problem.id);
  const withdraw = useWithdrawSupport(problem.id);
  const follow = useFollow(problem.id);
  const privacy = usePrivacyGuard();
  const draft = useDraft(`support.${problem.id}`, '');
  const context = draft.value;
  const sectors = Object.entries(problem.supporters.sectors);
  return (
    <Section id="support" title={t('problems.support.title')}>
      <Text fw={700} role="status" data-testid="support-count">
        {t('problems.supportCount', { count: problem.supporters.count })}
      </Text>
      {sectors.length > 0 && (
        <Group gap={6}>
          {sectors.map(([sector, n]) => (
            <Badge key={sector} variant="light" tt="none">
              {t(`sectors.${sector}`)} {n}
            </Badge>
          ))}
        </Group>
      )}
      {problem.supporters.organisations.length > 0 && (
        <Text size="sm" c="dimmed">
          {problem.supporters.organisations.map((s) => organisationName(s.organisation, language)).join(', ')}
        </Text>
      )}
      {problem.permissions.support && !problem.supportedByMyOrganisation && (
        <Stack gap="xs">
          <LimitedTextarea
            label={t('problems.support.context')}
            autosize
            minRows={2}
            limit={SUPPORT_CONTEXT_LIMIT}
            value={context}
            onChange={(e) => draft.setValue(e.currentTarget.value)}
          />
          <Button
            leftSection={<IconUsersGroup size={18} aria-hidden />}
            loading={support.isPending}
            disabled={anyTooLong([[context, SUPPORT_CONTEXT_LIMIT]])}
            onClick={() =>
              privacy
                .run(
                  (p) => support.mutateAsync({ context: context.trim() || undefined, ...p }),
                  { context },
                  () => {
                    feedback.success(t('problems.support.sent'));
                    draft.clear();
                  },
                )
                .catch(() => undefined)
            }
          >
            {t('problems.support.button')}
          </Button>
        </Stack>
      )}
      {problem.supportedByMyOrganisation && (
        <Group gap="xs">
          <Badge color="teal" variant="light" tt="none" size="lg">
            {t('problems.support.done')}
          </Badge>
          <Button
            variant="subtle"
            size="compact-sm"
            loading={withdraw.isPending}
            onClick={() =>
              sendWithFeedback(withdraw, undefined, { success: t('problems.support.withdrawn') })
            }
          >
            {t('problems.support.withdraw')}
          </Button>
        </Group>
      )}
      <Button
        variant={problem.following ? 'light' : 'default'}
        leftSection={
          problem.following ? <IconBellOff size={18} aria-hidden /> : <IconBell size={18} aria-hidden />
        }
        loading={follow.isPending}
        onClick={() =>
          sendWithFeedback(follow, !problem.following, {
            success: problem.following ? t('problems.follow.stopped') : t('problems.follow.started'),
          })
        }
        aria-pressed={problem.following}
      >
        {problem.following ? t('problems.follow.following') : t('problems.follow.button')}
      </Button>
      <ErrorAlert error={withoutPrivacyWarning(support.error) ?? withdraw.error ?? follow.error} />
      {privacy.dialog}
    </Section>
  );
}
