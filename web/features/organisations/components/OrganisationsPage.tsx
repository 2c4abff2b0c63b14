import { Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName, useOrganisations } from '../../../lib/organisations.ts';
import type { Language, OrganisationSummary } from '../../../lib/types.ts';

export function OrganisationsPage() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [search, setSearch] = useState('');
  const [sector, setSector] = useState('');
  const all = organisations.data?.pages.flatMap((page) => page.items) ?? [];
  const language = useLanguage();
  const shown = all
    .filter((organisation) => matches(organisation, search, sector))
    .sort((a, b) => organisationName(a, language).localeCompare(organisationName(b, language), language));

  return (
    <Stack>
      <PageHeader title={t('organisations.title')} description={t('organisations.description')} />
      <Group align="flex-end" grow preventGrowOverflow={false}>
        <TextInput
          label={t('organisations.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          miw={220}
        />
        <NativeSelect
          label={t('fields.sector')}
          value={sector}
          onChange={(event) => setSector(event.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            ...SECTORS.map((code) => ({ value: code, label: t(`sectors.${code}`) })),
          ]}
          miw={180}
        />
      </Group>
      <ErrorAlert error={organisations.error} />
      {organisations.isPending ? (
        <FullPageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('organisations.count', { count: shown.length })}
          </Text>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {shown.map((organisation) => (
              <OrganisationCard key={organisation.id} organisation={organisation} />
            ))}
          </SimpleGrid>
          <LoadMoreButton {...organisations} />
        </>
      )}
    </Stack>
  );
}

function OrganisationCard({ organisation }: { organisation: OrganisationSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const otherLanguage: Language = language === 'th' ? 'en' : 'th';
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={4}>
        <Text fw={600}>{organisationName(organisation, language)}</Text>
        <Text size="sm" c="dimmed" lang={otherLanguage}>
          {organisationName(organisation, otherLanguage)}
        </Text>
        <Group gap="xs" mt={4}>
          <Badge variant="light" color="gray">
            {t(`sectors.${organisation.sector}`)}
          </Badge>
          {organisation.abbreviation && <Badge variant="outline">{organisation.abbreviation}</Badge>}
        </Group>
      </Stack>
    </Card>
  );
}

function matches(organisation: OrganisationSummary, search: string, sector: string): boolean {
  if (sector && organisation.sector !== sector) return false;
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [organisation.nameTh, organisation.nameEn, organisation.abbreviation ?? ''].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}
