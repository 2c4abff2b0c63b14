import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadingClock, SLA_TARGET_NAMES } from '../../../common/coordination-sla.ts';
import type { SlaView } from '../../../common/coordination-sla-api.ts';
import { slaClockWords, slaColour } from './slaWords.ts';

/** How often the words are refreshed: they count minutes. */
const TICK_MS = 30_000;

function useNow(fixed?: Date) {
  const [now, setNow] = useState(() => fixed ?? new Date());
  useEffect(() => {
    if (fixed) return;
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}

/**
 * A request's SLA clocks in plain words. `compact` (an inbox row): the one clock that matters now as a
 * badge. Otherwise (a request page): every clock that applies, one line each. Standalone: takes the `sla`
 * the request presenter returns; `now` is for tests and screenshots.
 */
export function SlaClock({
  sla,
  compact = false,
  now: fixed,
}: {
  sla: SlaView;
  compact?: boolean;
  now?: Date;
}) {
  const { t } = useTranslation();
  const now = useNow(fixed);
  if (compact) {
    const name = leadingClock(sla);
    const clock = name ? sla.clocks[name] : null;
    const words = name && clock ? slaClockWords(t, name, clock, now) : null;
    if (!name || !clock || !words) return null;
    return (
      <Badge
        color={slaColour(clock)}
        variant={clock.state === 'breached' ? 'filled' : 'light'}
        leftSection={<IconClockHour4 size={14} aria-hidden />}
        style={{ textTransform: 'none', maxWidth: '100%' }}
      >
        {words}
      </Badge>
    );
  }
  const lines = SLA_TARGET_NAMES.map((name) => ({
    name,
    clock: sla.clocks[name],
    words: slaClockWords(t, name, sla.clocks[name], now),
  })).filter((l) => l.words);
  if (lines.length === 0) return null;
  return (
    <Stack gap={4} aria-label={t('coordinationSla.clocksLabel')}>
      {lines.map(({ name, clock, words }) => (
        <Group key={name} gap="xs" wrap="nowrap">
          <Badge color={slaColour(clock)} variant="dot" style={{ textTransform: 'none', flexShrink: 0 }}>
            {t(`coordinationSla.targets.${name}`)}
          </Badge>
          <Text size="sm" c={clock.state === 'breached' ? 'red.8' : undefined}>
            {words}
            {clock.clock === 'business' && !clock.stoppedAt && (
              <Text span size="xs" c="dimmed">
                {' '}
                · {t('coordinationSla.businessClock')}
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
