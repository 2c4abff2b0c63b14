import { Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DayPickerInput } from '../../../components/DayPickerInput.tsx';
import { bangkokDayBoundary } from '../../../lib/dates.ts';
import type { AuditListFilters } from '../../../lib/types.ts';
import { useFields } from '../../../lib/useFields.ts';

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
      action: action.trim() || undefined,
      entityType: entityType.trim() || undefined,
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
        <TextInput label={t('audit.action')} placeholder="user.updated" {...form.field('action')} />
        <TextInput label={t('audit.entityType')} placeholder="user" {...form.field('entityType')} />
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
