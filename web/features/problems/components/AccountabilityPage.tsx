import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountabilityView } from '../../../../common/problems-accountability-api.ts';
import { PROBLEM_CATEGORIES, PROBLEM_STATES } from '../../../../common/problems-taxonomy.ts';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { accountabilityCsvUrl, useAccountability } from '../api/problems.ts';
import { categoryLabel, stateLabel } from '../labels.ts';

/** How the Centre's loop is kept: counts, answer and resolution times per responsible organisation, overdue. */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const query = useAccountability();
  return (
    <QueryPage query={query} title={t('problems.accountability.title')}>
      {(view) => <AccountabilityContent view={view} />}
    </QueryPage>
  );
}

function AccountabilityContent({ view }: { view: AccountabilityView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 });
  const days = (v: number | null) =>
    v === null ? '—' : t('problems.accountability.days', { count: v, n: number.format(v) });
  const byState = PROBLEM_STATES.map((s) => ({ label: s[language], n: view.byState[s.code] ?? 0 }));
  const byCategory = PROBLEM_CATEGORIES.map((c) => ({ label: c[language], n: view.byCategory[c.code] ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const maxCategory = Math.max(1, ...byCategory.map((c) => c.n));
  const bySector = SECTORS.map((s) => ({ label: t(`sectors.${s}`), n: view.bySector[s] ?? 0 }));
  const series = [{ name: 'n', label: t('problems.accountability.problems'), color: 'blue.6' }];
  const totals = [
    { key: 'problems', value: view.totals.problems, color: undefined },
    { key: 'open', value: view.totals.open, color: undefined },
    { key: 'overdue', value: view.totals.overdue, color: 'red.8' },
    { key: 'resolved', value: view.totals.resolved, color: 'teal.8' },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('problems.accountability.title')}
        description={t('problems.accountability.description')}
        actions={
          <Group gap="xs">
            {(['organisations', 'overdue'] as const).map((table) => (
              <Button
                key={table}
                component="a"
                href={accountabilityCsvUrl(table, language)}
                download
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t(`problems.accountability.exportCsv.${table}`)}
              </Button>
            ))}
          </Group>
        }
      />
      <Text size="xs" c="dimmed">
        {t('problems.accountability.generatedAt', { date: formatDateTime(view.generatedAt, language) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {totals.map(({ key, value, color }) => (
          <Card key={key} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {t(`problems.accountability.totals.${key}`)}
            </Text>
            <Text fz={28} fw={700} c={color}>
              {number.format(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <Section id="by-state" title={t('problems.accountability.byState')}>
        <div role="img" aria-label={summary(t('problems.accountability.byState'), byState)}>
          <BarChart
            h={Math.max(180, byState.length * 30)}
            data={byState}
            dataKey="label"
            series={series}
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            gridAxis="none"
            withBarValueLabel
            barChartProps={NOT_INTERACTIVE}
          />
        </div>
      </Section>
      <Section id="by-category" title={t('problems.accountability.byCategory')}>
        {/* Category names are long in Thai: a labelled row each reads better on a phone than a chart axis. */}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {byCategory.map((c) => (
            <li key={c.label}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{c.label}</Text>
                <Text size="sm" fw={700}>
                  {number.format(c.n)}
                </Text>
              </Group>
              <Progress value={(c.n / maxCategory) * 100} color="orange.6" size="md" aria-hidden />
            </li>
          ))}
        </Stack>
      </Section>
      <Section id="by-sector" title={t('problems.accountability.bySector')}>
        <div role="img" aria-label={summary(t('problems.accountability.bySector'), bySector)}>
          <BarChart
            h={200}
            data={bySector}
            dataKey="label"
            series={[{ ...series[0]!, color: 'grape.6' }]}
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            gridAxis="none"
            withBarValueLabel
            barChartProps={NOT_INTERACTIVE}
          />
        </div>
      </Section>

      <Section
        id="organisations"
        title={t('problems.accountability.organisations')}
        description={t('problems.accountability.organisationsHint')}
      >
        {view.organisations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('problems.accountability.noneAssigned')}
          </Text>
        ) : (
          <>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} hiddenFrom="sm">
              {view.organisations.map((o) => (
                <Card key={o.organisation.id} component="li" withBorder padding="xs">
                  <Anchor component={Link} to={`/organisations/${o.organisation.id}`} size="sm" fw={600}>
                    {organisationName(o.organisation, language)}
                  </Anchor>
                  <SimpleGrid cols={2} spacing={4} verticalSpacing={2} mt={4}>
                    <Figure
                      label={t('problems.accountability.assigned')}
                      value={`${o.assigned}${o.lead > 0 ? ` (${t('problems.accountability.leadCount', { count: o.lead })})` : ''}`}
                    />
                    <Figure
                      label={t('problems.accountability.overdue')}
                      value={String(o.overdue)}
                      alert={o.overdue > 0}
                    />
                    <Figure
                      label={t('problems.accountability.medianFirstAnswer')}
                      value={days(o.medianDaysToFirstAnswer)}
                    />
                    <Figure
                      label={t('problems.accountability.medianResolution')}
                      value={days(o.medianDaysToResolution)}
                    />
                    <Figure label={t('problems.accountability.resolved')} value={String(o.resolved)} />
                  </SimpleGrid>
                </Card>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={560} visibleFrom="sm">
              <Table striped withTableBorder verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('problems.accountability.organisation')}</Table.Th>
                    <Table.Th ta="right">{t('problems.accountability.assigned')}</Table.Th>
                    <Table.Th ta="right">{t('problems.accountability.overdue')}</Table.Th>
                    <Table.Th ta="right">{t('problems.accountability.resolved')}</Table.Th>
                    <Table.Th ta="right">{t('problems.accountability.medianFirstAnswer')}</Table.Th>
                    <Table.Th ta="right">{t('problems.accountability.medianResolution')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {view.organisations.map((o) => (
                    <Table.Tr key={o.organisation.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/organisations/${o.organisation.id}`} size="sm">
                          {organisationName(o.organisation, language)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">
                        {o.assigned}
                        {o.lead > 0 && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({t('problems.accountability.leadCount', { count: o.lead })})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td
                        ta="right"
                        c={o.overdue > 0 ? 'red.8' : undefined}
                        fw={o.overdue > 0 ? 700 : undefined}
                      >
                        {o.overdue}
                      </Table.Td>
                      <Table.Td ta="right">{o.resolved}</Table.Td>
                      <Table.Td ta="right">{days(o.medianDaysToFirstAnswer)}</Table.Td>
                      <Table.Td ta="right">{days(o.medianDaysToResolution)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Section>

      <Section id="overdue" title={t('problems.accountability.overdueList')}>
        {view.overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('problems.accountability.noneOverdue')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {view.overdue.map((p) => (
              <Card
                key={p.id}
                component="li"
                withBorder
                padding="xs"
                style={{ borderLeft: '5px solid var(--mantine-color-red-6)' }}
              >
                <Anchor component={Link} to={`/problems/${p.id}`} fw={600} size="sm">
                  {p.title}
                </Anchor>
                <Group gap={6} mt={4}>
                  <Badge color="red" variant="filled" tt="none">
                    {t('problems.accountability.daysOverdue', { count: p.daysOverdue })}
                  </Badge>
                  <Badge variant="light" tt="none">
                    {stateLabel(p.state, language)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {categoryLabel(p.category, language)}
                    {p.leadOrganisation && ` · ${organisationName(p.leadOrganisation, language)}`}
                  </Text>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

/** What a chart shows, as one sentence for screen readers: "By state: Submitted 4, …". */
/**
 * Recharts makes each chart a focusable, unlabelled role="application" for keyboard exploration; here the
 * wrapper (role="img") already says every figure in words, so the chart itself stays out of the way.
 */
const NOT_INTERACTIVE = { accessibilityLayer: false } as const;

const summary = (title: string, rows: { label: string; n: number }[]) =>
  `${title}: ${rows.map((r) => `${r.label} ${r.n}`).join(', ')}`;

function Figure({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={700} c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
    </div>
  );
}
