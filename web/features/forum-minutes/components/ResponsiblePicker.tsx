import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n.ts';
import { personOptions, usePeopleOfOrganisation } from '../../../lib/people.ts';
import { responsibleOptions } from '../minutes-form.ts';

/**
 * Who answers for an action item: a person with an account in the owner organisation (the server refuses
 * anyone else), searched by name; disabled until the owner is chosen.
 */
export function ResponsiblePicker({
  ownerOrganisationId,
  value,
  chosen,
  onChange,
}: {
  ownerOrganisationId: string;
  value: string | null;
  /** The person saved in the minutes, named even when the directory no longer lists them. */
  chosen: { id: string; displayName: string } | null;
  onChange: (userId: string | null) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const people = usePeopleOfOrganisation(ownerOrganisationId || null);
  const options = responsibleOptions(
    personOptions(people.data ?? [], language, false),
    chosen?.id === value ? chosen : null,
  );
  return (
    <Select
      label={t('forumMinutes.responsiblePerson')}
      description={ownerOrganisationId ? undefined : t('forumMinutes.chooseOwnerFirst')}
      placeholder={t('forumMinutes.searchPerson')}
      disabled={!ownerOrganisationId}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={people.isFetching ? t('common.loading') : t('forumMinutes.noPeopleWithAccount')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
