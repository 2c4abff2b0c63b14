import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ApiError } from '../../../lib/api.ts';
import type { OnCallView } from '../api/roster.ts';
import { useOnCallNow } from '../api/roster.ts';

/** "On call now" for a unit's page or header: one line per layer, a gap said as a gap. */
export function OnCallNow({ unitId, withRosterLink = false }: { unitId: string; withRosterLink?: boolean }) {
  const { t } = useTranslation();
  const now = useOnCallNow(unitId);
  // The roster is the unit's own business: to others the API answers 404, and the card is simply absent.
  if (now.error instanceof ApiError && now.error.status === 404) return null;
  if (now.error) return <ErrorAlert error={now.error} />;
  if (!now.data) return null;
  const list = <OnCallList view={now.data} title={t('oncall.now.title')} />;
  if (!withRosterLink) return list;
  return (
    <Stack gap={4}>
      {list}
      <Anchor component={Link} to={`/coordination/units/${unitId}/roster`} size="sm">
        {t('oncall.now.weekRoster')}
      </Anchor>
    </Stack>
  );
}

export function OnCallList({ view, title }: { view: OnCallView; title: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
      <Stack gap={6}>
        <Text fw={600}>{title}</Text>
        {view.layers.length === 0 && <Text c="dimmed">{t('oncall.now.noRoster')}</Text>}
        {view.layers.map((l) => (
          <Group key={l.layerId} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" c="dimmed">
              {t(`oncall.level.${l.level}`)} · {l.name}
            </Text>
            {l.person ? (
              <Group gap={4} wrap="nowrap">
                <Text size="sm" fw={600}>
                  {l.person.displayName}
                </Text>
                {l.source === 'override' && (
                  <Badge size="xs" variant="light">
                    {t('oncall.override')}
                  </Badge>
                )}
              </Group>
            ) : (
              <Badge color="red" variant="light">
                {t(`oncall.gap.${l.gap ?? 'no_members'}`)}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
