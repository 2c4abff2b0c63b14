import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { RequestSummary } from '../api/coordination.ts';
import { ageOf, provinceLabel, requestTypeLabel, unitName } from '../labels.ts';
import { SlaClock } from '../SlaClock.tsx';
import { StateBadge, UrgencyBadge } from './shared.tsx';

/** One request in a list: the whole card is the link, a big tap target on a phone. */
export function RequestCard({
  request,
  side,
  now,
}: {
  request: RequestSummary;
  /** In an inbox the other side is the requesting organisation; in outgoing, the unit asked. */
  side: 'inbox' | 'outgoing';
  now: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const other =
    side === 'inbox'
      ? organisationName(request.requestingOrganisation, language)
      : unitName(request.receivingUnit, language);
  return (
    <Card
      component={Link}
      to={`/coordination/requests/${request.id}`}
      withBorder
      padding="sm"
      data-request-card={request.id}
      style={{ minHeight: 72 }}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <UrgencyBadge urgency={request.urgency} />
          <StateBadge state={request.state} />
          <SlaClock sla={request.sla} compact />
        </Group>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {requestTypeLabel(request.type, language)} · {provinceLabel(request.province, language)}
        </Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('coordination.card.people', { count: request.peopleCount })} · {other} ·{' '}
          {ageOf(request.createdAt, now, language)}
        </Text>
      </Stack>
    </Card>
  );
}
