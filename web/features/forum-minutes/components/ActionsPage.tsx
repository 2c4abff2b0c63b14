import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MINUTES_LIMITS } from '../../../../common/forum-minutes-api.ts';
import type { ActionStatus } from '../../../../common/forum-states.ts';
import { DateTime } from '../../../components/DateTime.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LimitedTextarea, tooLong } from '../../../components/LimitedText.tsx';
import { OrganisationFilter } from '../../../components/OrganisationFilter.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { inLanguage } from '../../../lib/bilingual.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/signed-in.ts';
import {
  type ActionFilter,
  type ActionListView,
  useAction,
  useActions,
  useMoveAction,
} from '../api/forum-minutes.ts';
import { ActionStatusBadge, MinutesError, useDayFormat } from './shared.tsx';

const FILTERS: ActionFilter[] = ['open', 'overdue', 'all'];

/** "My organisation's actions" across forums; the Centre sees every organisation's and may pick one. */
export function ActionsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const centre = me.user.role === 'admin';
  const initial = new URLSearchParams(window.location.search).get('filter');
  const [filter, setFilter] = useState<ActionFilter>(FILTERS.find((f) => f === initial) ?? 'open');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const actions = useActions(filter, organisationId);

  return (
    <Stack>
      <PageHeader
        title={t('forumMinutes.actions.title')}
        description={
          centre ? t('forumMinutes.actions.descriptionCentre') : t('forumMinutes.actions.description')
        }
      />
      <SegmentedControl
        value={filter}
        onChange={(v) => setFilter(v as ActionFilter)}
        data={FILTERS.map((f) => ({ value: f, label: t(`forumMinutes.actions.filter.${f}`) }))}
        fullWidth
      />
      {centre && (
        <OrganisationFilter
          label={t('forumMinutes.actions.organisation')}
          placeholder={t('forumMinutes.actions.allOrganisations')}
          value={organisationId}
          onChange={setOrganisationId}
        />
      )}
      <MinutesError error={actions.error} />
      {actions.isPending ? (
        <FullPageLoader />
      ) : actions.data?.items.length === 0 ? (
        <Text role="status">{t(`forumMinutes.actions.empty.${filter}`)}</Text>
      ) : (
        <Stack gap="sm">
          {actions.data?.items.map((a) => (
            <ActionCard key={a.id} action={a} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

type ListedAction = ActionListView['items'][number];

function ActionCard({ action }: { action: ListedAction }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = useDayFormat();
  const [open, setOpen] = useState(false);
  const title = inLanguage({ th: action.titleTh, en: action.titleEn }, language)?.text ?? action.titleTh;
  const overdue = action.daysOverdue > 0;
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="forum-action"
      style={overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600}>{title}</Text>
          <ActionStatusBadge status={action.status} />
        </Group>
        <Text size="sm">{organisationName(action.owner, language)}</Text>
        <Text size="sm" c="dimmed">
          {language === 'th' ? action.event.titleTh : action.event.titleEn}
        </Text>
        {action.dueOn && (
          <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
            {overdue
              ? t('forumMinutes.actions.overdue', { date: day(action.dueOn), count: action.daysOverdue })
              : t('forumMinutes.actions.due', { date: day(action.dueOn) })}
          </Text>
        )}
        <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('forumMinutes.actions.hide') : t('forumMinutes.actions.open')}
        </Button>
        {open && <ActionDetail actionId={action.id} />}
      </Stack>
    </Card>
  );
}

function ActionDetail({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const detail = useAction(actionId);
  const move = useMoveAction(actionId);
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [note, setNote] = useState('');
  if (detail.isPending) return <FullPageLoader />;
  if (!detail.data) return <MinutesError error={detail.error} />;
  const { history, moves } = detail.data;
  const noteTooLong = tooLong(note, MINUTES_LIMITS.statusNote);
  return (
    <Stack gap="xs">
      <Title order={4}>{t('forumMinutes.actions.history')}</Title>
      <Stack gap={4} component="ol" style={{ paddingInlineStart: 18, margin: 0 }}>
        {history.map((h) => (
          <li key={h.id}>
            <Text size="sm">
              <DateTime value={h.at} /> · {h.actor?.displayName ?? t('forumMinutes.actions.system')} ·{' '}
              {h.toStatus ? t(`forumMinutes.status.${h.toStatus}`) : ''}
            </Text>
            {h.note && <Text size="sm">{h.note}</Text>}
          </li>
        ))}
      </Stack>
      {moves.length > 0 && (
        <Stack gap="xs">
          <Select
            label={t('forumMinutes.actions.newStatus')}
            data={moves.map((m) => ({ value: m, label: t(`forumMinutes.status.${m}`) }))}
            value={status}
            onChange={(v) => setStatus(v as ActionStatus | null)}
          />
          <LimitedTextarea
            label={t('forumMinutes.actions.note')}
            description={t('forumMinutes.actions.noteHint')}
            value={note}
            limit={MINUTES_LIMITS.statusNote}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <MinutesError error={move.error} />
          <Button
            loading={move.isPending}
            disabled={!status || note.trim() === '' || noteTooLong}
            onClick={() =>
              status &&
              sendWithFeedback(
                move,
                { status, note: note.trim() },
                {
                  success: t('forumMinutes.actions.moved', { status: t(`forumMinutes.status.${status}`) }),
                  done: () => {
                    setStatus(null);
                    setNote('');
                  },
                },
              )
            }
          >
            {t('forumMinutes.actions.save')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
