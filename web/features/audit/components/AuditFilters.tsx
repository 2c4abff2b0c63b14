import {
  Button,
  type ComboboxItem,
  type ComboboxParsedItem,
  Group,
  NativeSelect,
  type OptionsFilter,
  Paper,
  Select,
  SimpleGrid,
  Text,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPickerInput } from '../../../components/DayPickerInput.tsx';
import { bangkokDayBoundary } from '../../../lib/dates.ts';
import type { AuditListFilters } from '../../../lib/types.ts';
import { useFields } from '../../../lib/useFields.ts';
import { actionOptions, entityTypeOptions } from '../labels.ts';

const empty = { action: '', entityType: '', from: '', to: '' };

/** Filters apply on submit, not per keystroke: each query is a round-trip on a slow link. */
export function AuditFilters({ onApply }: { onApply: (filters: AuditListFilters) => void }) {
  const { t } = useTranslation();
  const form = useFields(empty);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const { action, entityType, from, to } = form.values;
    if (from && to && from > to) return form.setProblems({ to: 'validation.dateOrder' });
    onApply({
      action: action || undefined,
      entityType: entityType || undefined,
      from: from ? bangkokDayBoundary(from, 'start') : undefined,
      to: to ? bangkokDayBoundary(to, 'end') : undefined,
    });
  };

  const clear = () => {
    form.reset();
    onApply({});
  };

  const day = (name: 'from' | 'to') => {
    const { value, error } = form.field(name);
    return { value, error, onChange: (day: string) => form.set(name, day) };
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={apply} noValidate aria-label={t('audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('audit.action')}
          placeholder={t('audit.chooseAction')}
          data={actionOptions(t)}
          value={form.values.action || null}
          onChange={(action) => form.set('action', action ?? '')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('audit.clearAction') }}
          filter={labelOrCode}
          renderOption={({ option }) => <ActionOption option={option} />}
          nothingFoundMessage={t('common.nothingFound')}
          maxDropdownHeight={320}
        />
        <NativeSelect
          label={t('audit.entityType')}
          value={form.values.entityType}
          onChange={(event) => form.set('entityType', event.currentTarget.value)}
          data={[{ value: '', label: t('audit.chooseEntityType') }, ...entityTypeOptions(t)]}
        />
        <DayPickerInput label={t('audit.from')} {...day('from')} />
        <DayPickerInput label={t('audit.to')} {...day('to')} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit">{t('common.applyFilters')}</Button>
        <Button variant="default" onClick={clear}>
          {t('common.clearFilters')}
        </Button>
      </Group>
    </Paper>
  );
}

/** An action choice: its label, and the code that admins know from exports and search by. */
function ActionOption({ option }: { option: ComboboxItem }) {
  return (
    <div>
      <Text size="sm">{option.label}</Text>
      {option.label !== option.value && (
        <Text size="xs" c="dimmed" ff="monospace">
          {option.value}
        </Text>
      )}
    </div>
  );
}

/** Typing "เข้าสู่ระบบ" or "auth.login" finds the same choice. */
const labelOrCode: OptionsFilter = ({ options, search }) => {
  const needle = search.trim().toLowerCase();
  const matches = (item: ComboboxItem) =>
    item.label.toLowerCase().includes(needle) || item.value.toLowerCase().includes(needle);
  return options.flatMap((entry): ComboboxParsedItem[] => {
    if (!('group' in entry)) return matches(entry) ? [entry] : [];
    const items = entry.items.filter(matches);
    return items.length > 0 ? [{ ...entry, items }] : [];
  });
};
