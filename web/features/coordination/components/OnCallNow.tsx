import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { OnCallView } from '../api/roster.ts';
import { useOnCallNow } from '../api/roster.ts';

/** "On call now" for a unit's page or header: one line per layer, a gap said as a gap. */
export function OnCallNow({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const now = useOnCallNow(unitId);
  if (now.error) return <ErrorAlert error={now.error} />;
  if (!now.data) return null;
  return <OnCallList view={now.data} title={t('oncall.now.title')} />;
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
