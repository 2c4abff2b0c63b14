import { Select, type SelectProps } from '@mantine/core';
import { useLanguage } from '../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../lib/organisations.ts';

/** Narrows a list to one organisation of the network, searchable; cleared, it shows them all. */
export function OrganisationFilter({
  value,
  onChange,
  ...select
}: {
  value: string | null;
  onChange: (id: string | null) => void;
} & Omit<SelectProps, 'data' | 'value' | 'onChange'>) {
  const language = useLanguage();
  const { organisations } = useAllOrganisations();
  return (
    <Select
      data={organisationOptions(organisations, language)}
      value={value}
      onChange={onChange}
      searchable
      clearable
      {...select}
    />
  );
}
