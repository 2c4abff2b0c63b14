import {
  Alert,
  Button,
  Card,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { defaultPeriodCode, parsePeriod } from '../../../../common/report-periods.ts';
import type { Cell, Figure, ReportSection, ReportTable, ReviewView } from '../../../../common/reports-api.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import type { Language } from '../../../lib/types.ts';
import { pdfUrl, periodOptions, useReview, workbookUrl } from '../api/reports.ts';
import { CoverageMap } from './CoverageMap.tsx';
import { NetworkGraphView } from './NetworkGraphView.tsx';

/** The Centre's dashboard and each organisation's view of itself against the network, for a period. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // A link may open a given period (the monthly digest opens last month).
  const [period, setPeriod] = useState(() => {
    const linked = params.get('period');
    return linked && parsePeriod(linked) ? linked : defaultPeriodCode(new Date());
  });
  const query = useReview(period);
  return (
    <QueryPage query={query} title={t('reports.title')}>
      {(view) => <Dashboard view={view} period={period} onPeriod={setPeriod} />}
    </QueryPage>
  );
}

function Dashboard({
  view,
  period,
  onPeriod,
}: {
  view: ReviewView;
  period: string;
  onPeriod: (p: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const options = periodOptions(new Date(), language, {
    fiscal: t('reports.period.fiscal'),
    year: t('reports.period.year'),
    quarter: t('reports.period.quarter'),
    month: t('reports.period.month'),
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <>
            <Button
              component="a"
              href={workbookUrl(period, language)}
              download
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t('reports.workbook')}
            </Button>
            {view.pdfAvailable && (
              <Button
                component="a"
                href={pdfUrl(period, language)}
                download
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('reports.pdf')}
              </Button>
            )}
          </>
        }
      />
      {!view.pdfAvailable && (
        <Text size="sm" c="dimmed">
          {t('reports.pdfMissing')}
        </Text>
      )}
      <Select
        label={t('reports.period.label')}
        data={options}
        value={period}
        onChange={(v) => v && onPeriod(v)}
        allowDeselect={false}
        maw={360}
      />
      <Text size="xs" c="dimmed">
        {t('reports.comparedWith', { previous: view.previous.label[language] })} ·{' '}
        {t('reports.generatedAt', { date: formatDateTime(view.generatedAt, language) })}
      </Text>
      {view.scope === 'organisation' && (
        <Alert icon={<IconInfoCircle aria-hidden />} color="blue" variant="light">
          {t('reports.organisationScope')}
        </Alert>
      )}
      {view.sections.map((s) => (
        <SectionCard key={s.id} section={s} language={language} />
      ))}
    </Stack>
  );
}

const numberFormat = (language: Language) =>
  new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 1 });

function formatCell(v: Cell, language: Language) {
  if (v === null) return '—';
  return typeof v === 'number' ? numberFormat(language).format(v) : v;
}

function SectionCard({ section, language }: { section: ReportSection; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id={`section-${section.id}`} title={section.title[language]}>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {section.figures.map((f) => (
          <FigureCard key={f.key} figure={f} language={language} />
        ))}
      </SimpleGrid>
      {section.matrices.length > 0 && <CoverageMap matrices={section.matrices} language={language} />}
      {section.graphs
        ?.filter((graph) => graph.nodes.length > 0)
        .map((graph) => (
          <NetworkGraphView key={graph.key} graph={graph} language={language} />
        ))}
      {section.tables.map((table) => (
        <TableBlock key={table.key} table={table} language={language} />
      ))}
      <Text size="xs" c="dimmed">
        {t('reports.method')}: {section.method[language]}
      </Text>
    </Section>
  );
}

function FigureCard({ figure, language }: { figure: Figure; language: Language }) {
  const { t } = useTranslation();
  const change =
    typeof figure.value === 'number' && typeof figure.previous === 'number'
      ? figure.value - figure.previous
      : null;
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {figure.label[language]}
      </Text>
      <Text fz={26} fw={700}>
        {formatCell(figure.value, language)}
      </Text>
      {figure.previous !== null && (
        <Text size="xs" c="dimmed">
          {t('reports.previous', { value: formatCell(figure.previous, language) })}
          {change !== null &&
            change !== 0 &&
            ` (${change > 0 ? '+' : ''}${numberFormat(language).format(change)})`}
        </Text>
      )}
    </Card>
  );
}

/** A table with its first column drawn as bars: long Thai labels read better in rows than on a chart axis. */
function TableBlock({ table, language }: { table: ReportTable; language: Language }) {
  const { t } = useTranslation();
  const first = table.rows.map((r) => r.values[0]).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...first);
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {table.title[language]}
      </Text>
      {table.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.empty')}
        </Text>
      ) : (
        // Gap lists run to hundreds of rows: they scroll in their own box so the page stays short.
        <ScrollArea.Autosize type="auto" offsetScrollbars mah={table.rows.length > 12 ? 420 : undefined}>
          <Table striped withTableBorder fz="sm" miw={table.columns.length > 2 ? 480 : undefined}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{table.labelHeader[language]}</Table.Th>
                {table.columns.map((c) => (
                  <Table.Th key={c.key} ta="right">
                    {c.label[language]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td>
                    {r.label[language]}
                    {typeof r.values[0] === 'number' && table.columns.length > 1 && (
                      <Progress
                        value={(r.values[0] / max) * 100}
                        size="sm"
                        color="blue.6"
                        mt={2}
                        aria-hidden
                      />
                    )}
                  </Table.Td>
                  {r.values.map((v, i) => (
                    <Table.Td key={table.columns[i]?.key ?? i} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatCell(v, language)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {table.totals && (
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('reports.total')}</Table.Th>
                  {table.totals.map((v, i) => (
                    <Table.Th key={table.columns[i]?.key ?? i} ta="right">
                      {formatCell(v, language)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </ScrollArea.Autosize>
      )}
      {table.rowsInFull !== undefined && (
        <Text size="xs" c="dimmed">
          {t('reports.firstRows', {
            shown: numberFormat(language).format(table.rows.length),
            total: numberFormat(language).format(table.rowsInFull),
          })}
        </Text>
      )}
    </Stack>
  );
}
