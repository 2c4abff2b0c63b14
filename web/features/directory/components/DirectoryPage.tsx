import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconLifebuoy, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FilteredList, useSearchText } from '../../../components/FilteredList.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { organisationAbbreviation } from '../../../lib/bilingual.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { Language } from '../../../lib/types.ts';
import {
  exportOrganisationsUrl,
  type Labels,
  type OrganisationListItem,
  taxonomiesQuery,
  useDirectory,
  useLabels,
} from '../api/directory.ts';
import {
  activeFilterCount,
  type DirectoryFilterState,
  filtersFromSearch,
  provinceNamed,
  searchFromFilters,
} from '../api/filters.ts';
import { ContactSheetLink, type DirectoryView, DirectoryViewSwitch } from './DirectoryViews.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { ProvinceMap } from './ProvinceMap.tsx';
import { coverageText, OrganisationBadges } from './shared.tsx';

/** The directory's search and filters, with the results as a list or as the province map. */
export function DirectoryPage({ view = 'list' }: { view?: DirectoryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const setFilters = (next: DirectoryFilterState) =>
    setSearchParams(searchFromFilters(next), { replace: true });

  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ ...filters, q }), 250);

  const directory = useDirectory(filters, language);
  const facets = directory.data?.pages[0]?.facets;
  const items = directory.data?.pages.flatMap((page) => page.items) ?? [];
  const active = activeFilterCount(filters);
  const total = facets?.total ?? items.length;

  const panel = <FilterPanel filters={filters} facets={facets} labels={labels} onChange={setFilters} />;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        actions={<AddOrganisationButton />}
      />
      <Card withBorder padding="sm" bg="red.0">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('directory.finderPrompt')}
          </Text>
          <Button
            component={Link}
            to="/finder"
            color="red.9"
            leftSection={<IconLifebuoy size={18} aria-hidden />}
          >
            {t('nav.finder')}
          </Button>
        </Group>
      </Card>
      <FilteredList
        search={{
          label: t('directory.search'),
          description: t('directory.searchHint'),
          value: text,
          onChange: setText,
          busy: directory.isFetching && !directory.isFetchingNextPage,
        }}
        filters={{
          title: t('directory.filters.title'),
          panel,
          active: active > 0,
          buttonLabel: active
            ? t('directory.filters.buttonActive', { count: active })
            : t('directory.filters.button'),
          showLabel: t(facets?.capped ? 'directory.filters.showAtLeast' : 'directory.filters.show', {
            count: total,
          }),
        }}
      >
        <Stack gap="sm">
          <DirectoryViewSwitch view={view} filters={filters} />
          <ErrorAlert error={directory.error} onRetry={() => void directory.refetch()} />
          {directory.isPending ? (
            <FullPageLoader />
          ) : directory.error && !directory.data ? null : (
            <>
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="dimmed" role="status">
                  {t(facets?.capped ? 'directory.countAtLeast' : 'directory.count', { count: total })}
                </Text>
                <Anchor
                  href={exportOrganisationsUrl(filters, language)}
                  download
                  size="sm"
                  style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                >
                  <IconDownload size={16} aria-hidden />
                  {t('directory.exportCsv')}
                </Anchor>
              </Group>
              <ContactSheetLink filters={filters} labels={labels} />
              {view === 'map' ? (
                facets && (
                  <ProvinceMap facets={facets} filters={filters} labels={labels} language={language} />
                )
              ) : items.length === 0 ? (
                <NothingFound filters={filters} labels={labels} onChange={setFilters} />
              ) : (
                <SimpleGrid
                  cols={{ base: 1, sm: 2, xl: 3 }}
                  component="ul"
                  p={0}
                  m={0}
                  spacing="sm"
                  style={{ listStyle: 'none' }}
                  aria-label={t('directory.results')}
                >
                  {items.map((organisation) => (
                    <OrganisationCard
                      key={organisation.id}
                      organisation={organisation}
                      labels={labels}
                      language={language}
                    />
                  ))}
                </SimpleGrid>
              )}
              {view === 'list' && <LoadMoreButton {...directory} />}
            </>
          )}
        </Stack>
      </FilteredList>
    </Stack>
  );
}

function OrganisationCard({
  organisation,
  labels,
  language,
}: {
  organisation: OrganisationListItem;
  labels: Labels;
  language: Language;
}) {
  const { t } = useTranslation();
  const otherLanguage: Language = language === 'th' ? 'en' : 'th';
  return (
    <Card component="li" withBorder padding="sm" className="directory-card">
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
          <Anchor
            component={Link}
            to={`/organisations/${organisation.id}`}
            fw={600}
            className="stretched-link"
            c="inherit"
          >
            {organisationName(organisation, language)}
          </Anchor>
          {organisationAbbreviation(organisation, language) && (
            <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
              {organisationAbbreviation(organisation, language)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" lang={otherLanguage}>
          {organisationName(organisation, otherLanguage)}
        </Text>
        <Text size="sm">
          {organisation.type
            ? labels.of(organisation.type, 'organisationTypes')
            : t(`sectors.${organisation.sector}`)}
        </Text>
        {organisation.coverage.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory.covers', { provinces: coverageText(organisation.coverage, labels) })}
          </Text>
        )}
        <OrganisationBadges organisation={organisation} />
      </Stack>
    </Card>
  );
}

/**
 * No match. A search for a province name gets the province filter offered, which also finds organisations
 * working nationwide; any other search is pointed at the filters.
 */
function NothingFound({
  filters,
  labels,
  onChange,
}: {
  filters: DirectoryFilterState;
  labels: Labels;
  onChange: (next: DirectoryFilterState) => void;
}) {
  const { t } = useTranslation();
  const { data: taxonomies } = useQuery(taxonomiesQuery);
  const province = taxonomies ? provinceNamed(filters.q, taxonomies.provinces) : null;
  if (!filters.q.trim()) return <Text>{t('directory.empty')}</Text>;
  return (
    <Stack gap="xs" align="flex-start">
      <Text>{t('directory.emptySearch.nothing', { q: filters.q.trim() })}</Text>
      {province ? (
        <Button
          variant="light"
          leftSection={<IconMapPin size={18} aria-hidden />}
          onClick={() => onChange({ ...filters, q: '', province: [province] })}
          h="auto"
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
        >
          {t('directory.emptySearch.useProvince', { province: labels.of(province, 'provinces') })}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('directory.emptySearch.tryFilters')}
        </Text>
      )}
    </Stack>
  );
}

/** Only the Centre adds organisations to the network (the API's policy: admins). */
function AddOrganisationButton() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (me.user.role !== 'admin') return null;
  return (
    <Button component={Link} to="/organisations/new" leftSection={<IconPlus size={18} aria-hidden />}>
      {t('directory.create.button')}
    </Button>
  );
}
