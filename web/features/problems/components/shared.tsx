import { Badge, Group, Text } from '@mantine/core';
import { IconAlarm, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProblemState } from '../../../../common/problems-taxonomy.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { ProblemListItem } from '../api/problems.ts';
import { STATE_COLOURS, stateLabel, typeLabel } from '../labels.ts';

export function StateBadge({ state }: { state: ProblemState }) {
  const language = useLanguage();
  return (
    <Badge color={STATE_COLOURS[state]} variant="light" tt="none">
      {stateLabel(state, language)}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: ProblemListItem['type'] }) {
  const language = useLanguage();
  return (
    <Badge color={type === 'problem' ? 'orange.9' : 'teal.9'} variant="outline" tt="none">
      {typeLabel(type, language)}
    </Badge>
  );
}

export function OverdueBadge({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Badge color="red" variant="filled" tt="none" leftSection={<IconAlarm size={12} aria-hidden />}>
      {dueAt ? t('problems.overdueSince', { date: formatDateTime(dueAt, language) }) : t('problems.overdue')}
    </Badge>
  );
}

/** The reporting organisation, or "an anonymous organisation" when the server hid it from this viewer. */
export function ReporterName({
  problem,
}: {
  problem: Pick<ProblemListItem, 'reporterOrganisation' | 'anonymous'>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!problem.reporterOrganisation)
    return (
      <Group gap={4} component="span" wrap="nowrap" display="inline-flex">
        <IconEyeOff size={14} aria-hidden />
        <Text span size="sm" fs="italic">
          {t('problems.anonymousOrganisation')}
        </Text>
      </Group>
    );
  return (
    <Text span size="sm">
      {organisationName(problem.reporterOrganisation, language)}
      {problem.anonymous && ` (${t('problems.hiddenFromNetwork')})`}
    </Text>
  );
}
