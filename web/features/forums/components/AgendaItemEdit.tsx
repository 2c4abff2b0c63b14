import { Button, Card, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { agendaItemForm, agendaItemPatch } from '../agenda-form.ts';
import { type AgendaItemView, useProblemSearch, useUpdateAgendaItem } from '../api/forums.ts';

type Item = Omit<AgendaItemView, 'children'>;

/** One agenda item's title, time, presenting organisation and linked problems, changed in place. */
export function AgendaItemEdit({
  eventId,
  item,
  onDone,
}: {
  eventId: string;
  item: Item;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateAgendaItem(eventId);
  const { organisations } = useAllOrganisations();
  const [form, setForm] = useState(() => agendaItemForm(item));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const found = useProblemSearch(debounced);
  // Linked problems keep their titles while the search shows others.
  const [titles, setTitles] = useState(() => new Map(item.problems.map((p) => [p.id, p.title])));
  const problemOptions = [
    ...form.problemIds.map((id) => ({ value: id, label: titles.get(id) ?? id })),
    ...(found.data ?? [])
      .filter((p) => !form.problemIds.includes(p.id))
      .map((p) => ({ value: p.id, label: p.title })),
  ];
  const patch = agendaItemPatch(item, form);
  const unchanged = Object.keys(patch).length === 0;
  return (
    <Card withBorder padding="sm" data-testid="agenda-item-edit">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (unchanged) return onDone();
          sendWithFeedback(
            update,
            { itemId: item.id, ...patch },
            { success: t('forums.itemSaved'), done: onDone },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            required
            label={t('forums.itemTitleTh')}
            value={form.titleTh}
            maxLength={200}
            onChange={(x) => set({ titleTh: x.currentTarget.value })}
          />
          <TextInput
            label={t('forums.itemTitleEn')}
            value={form.titleEn}
            maxLength={200}
            onChange={(x) => set({ titleEn: x.currentTarget.value })}
          />
          <TextInput
            type="datetime-local"
            label={t('forums.itemStartsAt')}
            value={form.startsAt}
            onChange={(x) => set({ startsAt: x.currentTarget.value })}
          />
          <NumberInput
            label={t('forums.duration')}
            min={1}
            max={1440}
            value={form.durationMinutes}
            onChange={(x) => set({ durationMinutes: x })}
          />
          <Select
            label={t('forums.presenting')}
            searchable
            clearable
            value={form.presentingOrganisationId || null}
            onChange={(x) => set({ presentingOrganisationId: x ?? '' })}
            data={organisationOptions(organisations, language)}
          />
          <MultiSelect
            label={t('forums.linkedProblems')}
            description={t('forums.linkedProblemsHint')}
            searchable
            clearable
            maxValues={20}
            data={problemOptions}
            value={form.problemIds}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={
              debounced.trim().length >= 2 ? t('common.nothingFound') : t('forums.typeToSearch')
            }
            onChange={(ids) => {
              setTitles((m) => {
                const next = new Map(m);
                for (const p of found.data ?? []) if (ids.includes(p.id)) next.set(p.id, p.title);
                return next;
              });
              set({ problemIds: ids });
              setSearch('');
            }}
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!form.titleTh.trim()}>
              {t('forums.saveItem')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
