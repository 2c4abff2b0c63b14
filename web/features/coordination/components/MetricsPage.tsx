import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durationOf } from '../../../../common/coordination-sla.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type MetricsGroup, type MetricsView, metricsCsvUrl, useCoordinationMetrics } from '../api/sla.ts';

/** How each unit answers coordination requests, accountability-style: times, breaches, outcomes, ratings. */
export function MetricsPage() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<MetricsGroup>('unit');
  const query = useCoordinationMetrics(groupBy);
  return (
    <QueryPage query={query} title={t('coordinationSla.metrics.title')}>
      {(view) => <MetricsContent view={view} groupBy={groupBy} onGroupBy={setGroupBy} />}
    </QueryPage>
  );
}

type Row = MetricsView['items'][number];

function MetricsContent({
  view,
  groupBy,
  onGroupBy,
}: {
  view: MetricsView;
  groupBy: MetricsGroup;
  onGroupBy: (g: MetricsGroup) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="md">
      <PageHeader
        title={t('coordinationSla.metrics.title')}
        description={t('coordinationSla.metrics.description')}
        actions={
          <Button
            component="a"
            href={metricsCsvUrl(groupBy, language)}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            {t('coordinationSla.metrics.exportCsv')}
          </Button>
        }
      />
      <SegmentedControl
        aria-label={t('coordinationSla.metrics.groupBy')}
        value={groupBy}
        onChange={(v) => onGroupBy(v as MetricsGroup)}
        data={[
          { value: 'unit', label: t('coordinationSla.metrics.byUnit') },
          { value: 'organisation', label: t('coordinationSla.metrics.byOrganisation') },
        ]}
      />
      {view.items.length === 0 && <Text c="dimmed">{t('coordinationSla.metrics.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {view.items.map((row) => (
          <MetricsCard key={row.unit?.id ?? row.organisation.id} row={row} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function MetricsCard({ row }: { row: Row }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 });
  const duration = (ms: number | null) => {
    if (ms === null) return '—';
    const d = durationOf(ms);
    return t(d.key, { count: d.count });
  };
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const times = [
    { key: 'acknowledge', d: row.acknowledge },
    { key: 'accept', d: row.accept },
    { key: 'outcome', d: row.outcome },
  ] as const;
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <div>
          <Text fw={600}>
            {row.unit
              ? language === 'th'
                ? row.unit.nameTh
                : row.unit.nameEn
              : organisationName(row.organisation, language)}
          </Text>
          {row.unit && (
            <Text size="xs" c="dimmed">
              {organisationName(row.organisation, language)}
            </Text>
          )}
        </div>
        <Text size="sm">{t('coordinationSla.metrics.received', { count: row.received })}</Text>
        {times.map(({ key, d }) => (
          <Group key={key} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t(`coordinationSla.metrics.${key}`)}
            </Text>
            <Text size="sm">
              {t('coordinationSla.metrics.medianP90', {
                median: duration(d.medianMs),
                p90: duration(d.p90Ms),
              })}
            </Text>
          </Group>
        ))}
        <Group gap="xs">
          {row.breachRate === null ? (
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t('coordinationSla.metrics.noBreachData')}
            </Badge>
          ) : (
            <Badge
              variant="light"
              color={row.breachRate > 0.2 ? 'red' : row.breachRate > 0 ? 'orange' : 'teal'}
              style={{ textTransform: 'none' }}
            >
              {t('coordinationSla.metrics.breachRate', { rate: `${number.format(row.breachRate * 100)}%` })}
            </Badge>
          )}
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t('coordinationSla.metrics.declines', { count: sum(row.declinesByReason) })}
          </Badge>
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {t('coordinationSla.metrics.forwards', { count: sum(row.forwardsByReason) })}
          </Badge>
        </Group>
        <Text size="sm">
          {t('coordinationSla.metrics.outcomes', {
            successful: row.outcomes.successful ?? 0,
            partly: row.outcomes.partly ?? 0,
            not: row.outcomes.not ?? 0,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {row.averageRating === null
            ? t('coordinationSla.metrics.noRating')
            : t('coordinationSla.metrics.rating', {
                average: number.format(row.averageRating),
                count: row.ratings,
              })}
        </Text>
      </Stack>
    </Card>
  );
}
