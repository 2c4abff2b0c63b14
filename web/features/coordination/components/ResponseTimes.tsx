import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { durationOf } from '../../../../common/coordination-sla.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { useUnitResponseTimes } from '../api/sla.ts';

/**
 * How fast the unit answers, measured (median and 90th percentile over the last 90 days), as the metrics
 * page counts it; nothing but "too few requests yet" until there are five.
 */
export function ResponseTimes({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const query = useUnitResponseTimes(unitId);
  const duration = (ms: number | null) => {
    if (ms === null) return '—';
    const d = durationOf(ms);
    return t(d.key, { count: d.count });
  };
  const data = query.data;
  return (
    <Section
      id="response-times"
      title={t('coordination.unit.responseTimes')}
      description={data ? t('coordination.unit.responseTimesWindow', { days: data.days }) : undefined}
    >
      <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      {query.isPending && <SectionLoader />}
      {data && !data.figures && (
        <Text c="dimmed" data-testid="response-times-suppressed">
          {t('coordination.unit.tooFewRequests', { count: data.minimumRequests })}
        </Text>
      )}
      {data?.figures && (
        <Stack gap={6}>
          <Text size="sm">{t('coordinationSla.metrics.received', { count: data.figures.received })}</Text>
          {(['acknowledge', 'accept'] as const).map((key) => (
            <Group key={key} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t(`coordinationSla.metrics.${key}`)}
              </Text>
              <Text size="sm" ta="end">
                {t('coordinationSla.metrics.medianP90', {
                  median: duration(data.figures![key].medianMs),
                  p90: duration(data.figures![key].p90Ms),
                })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
