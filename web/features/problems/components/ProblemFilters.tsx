import { Button, Checkbox, MultiSelect, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import {
  activeFilterCount,
  type ListFilter,
  type ProblemFilterState,
  withoutFilters,
} from '../api/filters.ts';
import { categoryOptions, provinceOptions, stateOptions, typeOptions } from '../labels.ts';

/** Every filter of the board; choices apply at once and land in the URL. */
export function ProblemFilters({
  filters,
  onChange,
}: {
  filters: ProblemFilterState;
  onChange: (next: ProblemFilterState) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organisations } = useAllOrganisations();
  const set = (key: ListFilter, values: string[]) => onChange({ ...filters, [key]: values });
  const multi = (key: ListFilter, data: { value: string; label: string }[]) => (
    <MultiSelect
      label={t(`problems.filters.${key}`)}
      placeholder={filters[key].length ? undefined : t('problems.filters.any')}
      data={data}
      value={filters[key]}
      onChange={(values) => set(key, values)}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Stack gap="sm">
      <Checkbox
        label={t('problems.filters.overdue')}
        checked={filters.overdue}
        onChange={(e) => onChange({ ...filters, overdue: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('problems.filters.supportedByMyOrganisation')}
        checked={filters.supportedByMyOrganisation}
        onChange={(e) => onChange({ ...filters, supportedByMyOrganisation: e.currentTarget.checked })}
      />
      {multi('type', typeOptions(language))}
      {multi('state', stateOptions(language))}
      {multi('category', categoryOptions(language))}
      {multi(
        'sector',
        SECTORS.map((code) => ({ value: code, label: t(`sectors.${code}`) })),
      )}
      {multi('province', provinceOptions(language))}
      <Select
        label={t('problems.filters.assignedOrganisation')}
        placeholder={t('problems.filters.any')}
        data={organisationOptions(organisations, language)}
        value={filters.assignedOrganisationId || null}
        onChange={(value) => onChange({ ...filters, assignedOrganisationId: value ?? '' })}
        searchable
        clearable
        nothingFoundMessage={t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      {activeFilterCount(filters) > 0 && (
        <Button variant="default" onClick={() => onChange(withoutFilters(filters))}>
          {t('common.clearFilters')}
        </Button>
      )}
    </Stack>
  );
}
