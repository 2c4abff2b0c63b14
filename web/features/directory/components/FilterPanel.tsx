import { Accordion, Badge, Button, Checkbox, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../common/taxonomies.ts';
import type { DirectoryFacets, Labels, TaxonomyGroup } from '../api/directory.ts';
import {
  activeFilterCount,
  type DirectoryFilterState,
  FLAG_FILTERS,
  type ListFilter,
} from '../api/filters.ts';
import { facetLabel } from '../facet-label.ts';

interface FilterPanelProps {
  filters: DirectoryFilterState;
  facets: DirectoryFacets | undefined;
  labels: Labels;
  onChange: (next: DirectoryFilterState) => void;
}

const CHECKBOX_GROUPS: { key: Exclude<ListFilter, 'province' | 'sector'>; group: TaxonomyGroup }[] = [
  { key: 'service', group: 'services' },
  { key: 'language', group: 'languages' },
  { key: 'population', group: 'populations' },
  { key: 'theme', group: 'themes' },
  { key: 'type', group: 'organisationTypes' },
];

/** Every filter with how many organisations each choice would give; choices apply at once. */
export function FilterPanel({ filters, facets, labels, onChange }: FilterPanelProps) {
  const { t } = useTranslation();
  const count = (key: ListFilter, code: string) => facets?.[key]?.[code] ?? 0;
  const withCount = (label: string, n: number | undefined) => facetLabel(label, n, facets?.capped ?? false);
  const set = (key: ListFilter, values: string[]) => onChange({ ...filters, [key]: values });

  const provinceOptions = [...labels.options('coverageFlags'), ...labels.options('provinces')].map(
    (option) => ({
      value: option.value,
      label: withCount(option.label, facets ? count('province', option.value) : undefined),
    }),
  );
  const sectorOptions = SECTORS.map((code) => ({ value: code, label: t(`sectors.${code}`) }));
  const groups = [
    ...CHECKBOX_GROUPS.map(({ key, group }) => ({ key, options: labels.options(group) })),
    { key: 'sector' as const, options: sectorOptions },
  ];

  return (
    <Stack gap="md">
      <Stack gap="xs" role="group" aria-label={t('directory.filters.quick')}>
        {FLAG_FILTERS.map((key) => (
          <Checkbox
            key={key}
            label={withCount(t(`directory.filters.${key}`), facets?.[key])}
            checked={filters[key]}
            onChange={(event) => onChange({ ...filters, [key]: event.currentTarget.checked })}
          />
        ))}
      </Stack>
      <MultiSelect
        label={t('directory.filters.province')}
        placeholder={filters.province.length ? undefined : t('directory.filters.anyProvince')}
        data={provinceOptions}
        value={filters.province}
        onChange={(values) => set('province', values)}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      <Accordion
        multiple
        defaultValue={groups.filter(({ key }) => filters[key].length > 0).map(({ key }) => key)}
        variant="separated"
        chevronPosition="right"
      >
        {groups.map(({ key, options }) => (
          <Accordion.Item key={key} value={key}>
            <Accordion.Control>
              <Group gap="xs" wrap="nowrap">
                <Text fw={600} size="sm">
                  {t(`directory.filters.${key}`)}
                </Text>
                {filters[key].length > 0 && (
                  <Badge size="sm" variant="filled" circle>
                    {filters[key].length}
                  </Badge>
                )}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Checkbox.Group
                aria-label={t(`directory.filters.${key}`)}
                value={filters[key]}
                onChange={(values) => set(key, values)}
              >
                <Stack gap={8}>
                  {options.map((option) => {
                    const n = facets ? count(key, option.value) : undefined;
                    return (
                      <Checkbox
                        key={option.value}
                        value={option.value}
                        label={withCount(option.label, n)}
                        styles={
                          n === 0 && !facets?.capped
                            ? { label: { color: 'var(--mantine-color-dimmed)' } }
                            : undefined
                        }
                      />
                    );
                  })}
                </Stack>
              </Checkbox.Group>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {activeFilterCount(filters) > 0 && (
        <Button variant="default" onClick={() => onChange({ ...emptyOf(filters) })}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}

function emptyOf(filters: DirectoryFilterState): DirectoryFilterState {
  return {
    q: filters.q,
    sector: [],
    type: [],
    theme: [],
    service: [],
    province: [],
    language: [],
    population: [],
    hotline24h: false,
    verified: false,
    stale: false,
  };
}
