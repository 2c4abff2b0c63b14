import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useDraft } from '../../../lib/drafts.ts';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { type EventView, useAddAgendaItem, useCarryOver, useDeleteAgendaItem } from '../api/forums.ts';
import { AgendaItemEdit } from './AgendaItemEdit.tsx';
import { inLanguage } from './shared.tsx';

const EMPTY = {
  titleTh: '',
  titleEn: '',
  parentId: '',
  durationMinutes: 30 as number | string,
  presenting: '',
  recurring: false,
};

/** Adds, edits and removes agenda items (and sub-items) of the event. */
export function AgendaEditor({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const add = useAddAgendaItem(e.id);
  const remove = useDeleteAgendaItem(e.id);
  const carry = useCarryOver(e.id);
  const { organisations } = useAllOrganisations();
  const draft = useDraft(`forum-agenda.${e.id}`, EMPTY);
  const v = draft.value;
  const set = (patch: Partial<typeof EMPTY>) => draft.setValue((p) => ({ ...p, ...patch }));
  const rows = e.agenda.flatMap((item) => [item, ...item.children]);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {t('forums.agendaEditor')}
        </Title>
        <Stack gap={4} align="flex-start">
          <Button
            variant="light"
            loading={carry.isPending}
            onClick={() =>
              sendWithFeedback(carry, undefined, {
                success: (r) =>
                  r.added > 0 ? t('forums.carriedOver', { count: r.added }) : t('forums.nothingToCarry'),
                toastErrors: true,
              })
            }
          >
            {t('forums.carryOver')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('forums.carryOverHint')}
          </Text>
        </Stack>
        {rows.map((item) =>
          editing === item.id ? (
            <AgendaItemEdit key={item.id} eventId={e.id} item={item} onDone={() => setEditing(null)} />
          ) : (
            <Group key={item.id} justify="space-between" wrap="nowrap" pl={item.parentId ? 'lg' : 0}>
              <Text size="sm">{inLanguage(language, item.titleTh, item.titleEn)}</Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  aria-label={t('forums.editItem', {
                    title: inLanguage(language, item.titleTh, item.titleEn),
                  })}
                  onClick={() => setEditing(item.id)}
                >
                  <IconPencil size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('forums.removeItem')}
                  onClick={() =>
                    remove
                      .mutateAsync(item.id)
                      .then(() => feedback.success(t('forums.itemRemoved')), feedback.failure)
                  }
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
            </Group>
          ),
        )}
        {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            sendWithFeedback(
              add,
              {
                titleTh: v.titleTh.trim(),
                titleEn: v.titleEn.trim() || v.titleTh.trim(),
                parentId: v.parentId || null,
                durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : null,
                presentingOrganisationId: v.presenting || null,
                recurring: v.recurring,
              },
              { success: t('forums.itemAdded'), done: () => draft.clear() },
            );
          }}
        >
          <Stack gap="sm">
            <TextInput
              required
              label={t('forums.itemTitleTh')}
              value={v.titleTh}
              onChange={(x) => set({ titleTh: x.currentTarget.value })}
            />
            <TextInput
              label={t('forums.itemTitleEn')}
              value={v.titleEn}
              onChange={(x) => set({ titleEn: x.currentTarget.value })}
            />
            <Select
              label={t('forums.parentItem')}
              clearable
              value={v.parentId || null}
              onChange={(x) => set({ parentId: x ?? '' })}
              data={e.agenda.map((i) => ({ value: i.id, label: inLanguage(language, i.titleTh, i.titleEn) }))}
            />
            <NumberInput
              label={t('forums.duration')}
              min={1}
              max={1440}
              value={v.durationMinutes}
              onChange={(x) => set({ durationMinutes: x })}
            />
            <Select
              label={t('forums.presenting')}
              searchable
              clearable
              value={v.presenting || null}
              onChange={(x) => set({ presenting: x ?? '' })}
              data={organisationOptions(organisations, language)}
            />
            <Checkbox
              label={t('forums.recurring')}
              checked={v.recurring}
              onChange={(x) => set({ recurring: x.currentTarget.checked })}
            />
            <ErrorAlert error={add.error} />
            <Button type="submit" loading={add.isPending} disabled={!v.titleTh.trim()}>
              {t('forums.addItem')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
