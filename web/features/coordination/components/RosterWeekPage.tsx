import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { type RosterView, useRoster } from '../api/roster.ts';
import { OnCallList } from './OnCallNow.tsx';
import { RosterEditor } from './roster/RosterEditor.tsx';

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const timeOf = (ms: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok' }).format(
    ms,
  );

/**
 * A unit's roster as a week: one card per day (a list on a phone, seven columns on a wide screen), gaps in
 * red; below it, for those who may edit, its layers and covers.
 */
export function RosterWeekPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [from, setFrom] = useState<string | undefined>(undefined);
  const roster = useRoster(id, from);
  return (
    <QueryPage query={roster} title={t('oncall.roster.title')}>
      {(data) => (
        <Stack gap="md">
          <PageHeader title={t('oncall.roster.title')} description={t('oncall.roster.description')} />
          <OnCallList view={data.now} title={t('oncall.now.title')} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setFrom(dayOf(Date.parse(data.from) - 7 * DAY_MS))}>
              {t('oncall.roster.previousWeek')}
            </Button>
            <Button variant="default" onClick={() => setFrom(dayOf(Date.parse(data.from) + 7 * DAY_MS))}>
              {t('oncall.roster.nextWeek')}
            </Button>
          </Group>
          <Week data={data} />
          {data.layers.length === 0 && <Text c="dimmed">{t('oncall.now.noRoster')}</Text>}
          {data.canEdit && (
            <RosterEditor
              roster={data}
              onShowWeekOf={(iso) => {
                const at = Date.parse(iso);
                if (at < Date.parse(data.from) || at >= Date.parse(data.to)) setFrom(dayOf(at));
              }}
            />
          )}
        </Stack>
      )}
    </QueryPage>
  );
}

function Week({ data }: { data: RosterView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'th' ? 'th-TH' : 'en-GB';
  const dayLabel = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    timeZone: 'Asia/Bangkok',
  });
  const start = Date.parse(data.from);
  const days = Array.from(
    { length: Math.round((Date.parse(data.to) - start) / DAY_MS) },
    (_, i) => start + i * DAY_MS,
  );
  return (
    <SimpleGrid
      cols={{ base: 1, lg: 7 }}
      spacing="xs"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {days.map((dayStart) => (
        <Paper key={dayStart} withBorder p="xs" radius="md" component="li" data-day={dayOf(dayStart)}>
          <Text fw={600} mb={4}>
            {dayLabel.format(dayStart)}
          </Text>
          <Stack gap={6}>
            {data.layers.map((layer) => {
              const shifts = (data.shifts[layer.id] ?? []).filter(
                (s) => Date.parse(s.from) < dayStart + DAY_MS && Date.parse(s.to) > dayStart,
              );
              return (
                <Stack key={layer.id} gap={2}>
                  <Text size="xs" c="dimmed">
                    {t(`oncall.level.${layer.level}`)} · {layer.name}
                  </Text>
                  {shifts.map((s) => {
                    const a = Math.max(Date.parse(s.from), dayStart);
                    const b = Math.min(Date.parse(s.to), dayStart + DAY_MS);
                    return (
                      <Group
                        key={s.from}
                        gap={6}
                        wrap="nowrap"
                        px={s.person ? 0 : 4}
                        bg={s.person ? undefined : 'var(--mantine-color-red-light)'}
                        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                      >
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                          {timeOf(a, locale)}–{b === dayStart + DAY_MS ? '24:00' : timeOf(b, locale)}
                        </Text>
                        {s.person ? (
                          <Text size="sm" fw={600}>
                            {s.person.displayName}
                            {s.source === 'override' ? ` (${t('oncall.override')})` : ''}
                          </Text>
                        ) : (
                          <Badge size="sm" color="red" variant="light">
                            {t(`oncall.gap.${s.gap ?? 'no_members'}`)}
                          </Badge>
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              );
            })}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
