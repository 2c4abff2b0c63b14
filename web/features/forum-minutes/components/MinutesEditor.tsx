import { ActionIcon, Button, Card, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MINUTES_LIMITS } from '../../../../common/forum-minutes-api.ts';
import { DayPickerInput } from '../../../components/DayPickerInput.tsx';
import { DraftRestoredNote } from '../../../components/DraftRestoredNote.tsx';
import { anyTooLong, LimitedTextarea, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { Section } from '../../../components/Section.tsx';
import { useDraft } from '../../../lib/drafts.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { type MinutesView, useSaveMinutes } from '../api/forum-minutes.ts';
import { type Action, bodyOf, type Decision, formOf, NO_NOTES, newKey } from '../minutes-form.ts';
import { AttendanceSection } from './MinutesContent.tsx';
import { ResponsiblePicker } from './ResponsiblePicker.tsx';
import { MinutesError } from './shared.tsx';

const DISCUSSED = ['null', 'true', 'false'] as const;

/**
 * The Centre's editor: topics, decisions and action items, saved as one document with its revision.
 * What is typed is kept on this device (per revision) until saved, so an expired session loses nothing.
 */
export function MinutesEditor({
  minutes,
  onDirty,
}: {
  minutes: MinutesView;
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organisations } = useAllOrganisations();
  const owners = organisationOptions(organisations, language);
  const save = useSaveMinutes(minutes.event.id);
  const [initial] = useState(() => formOf(minutes));
  const draft = useDraft(`forum-minutes.${minutes.event.id}.${minutes.revision}`, initial);
  const form = draft.value;
  const setForm = draft.setValue;
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  const setAction = (key: string, patch: Partial<Action>) =>
    setForm((f) => ({ ...f, actions: f.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)) }));
  const setDecision = (key: string, patch: Partial<Decision>) =>
    setForm((f) => ({ ...f, decisions: f.decisions.map((d) => (d.key === key ? { ...d, ...patch } : d)) }));
  const tooLong = anyTooLong([
    [form.summaryTh, MINUTES_LIMITS.summary],
    [form.summaryEn, MINUTES_LIMITS.summary],
    ...Object.values(form.items).map((i) => [i.notes, MINUTES_LIMITS.notes] as const),
    ...form.decisions.flatMap((d) => [
      [d.textTh, MINUTES_LIMITS.decision] as const,
      [d.textEn ?? '', MINUTES_LIMITS.decision] as const,
    ]),
    ...form.actions.flatMap((a) => [
      [a.titleTh, MINUTES_LIMITS.actionTitle] as const,
      [a.titleEn, MINUTES_LIMITS.actionTitle] as const,
      [a.responsibleName, MINUTES_LIMITS.responsibleName] as const,
    ]),
  ]);
  const incomplete =
    form.decisions.some((d) => !d.textTh.trim()) ||
    form.actions.some((a) => !a.titleTh.trim() || !a.ownerOrganisationId);

  return (
    <Stack>
      {draft.restored && <DraftRestoredNote onDiscard={draft.clear} />}
      <Section id="topics" title={t('forumMinutes.topics')}>
        {minutes.items.length === 0 && <Text size="sm">{t('forumMinutes.noTopics')}</Text>}
        {minutes.items.map((item) => {
          const state = form.items[item.id] ?? NO_NOTES;
          return (
            <Stack key={item.id} gap={6}>
              <Text fw={600}>{language === 'th' ? item.titleTh : item.titleEn}</Text>
              <SegmentedControl
                aria-label={t('forumMinutes.discussedLabel')}
                value={String(state.discussed)}
                onChange={(v) =>
                  setForm((f) => ({
                    ...f,
                    items: {
                      ...f.items,
                      [item.id]: { ...state, discussed: v === 'null' ? null : v === 'true' },
                    },
                  }))
                }
                data={DISCUSSED.map((v) => ({ value: v, label: t(`forumMinutes.discussed.${v}`) }))}
                fullWidth
                size="xs"
              />
              <LimitedTextarea
                label={t('forumMinutes.notes')}
                value={state.notes}
                limit={MINUTES_LIMITS.notes}
                onChange={(e) => {
                  const notes = e.currentTarget.value;
                  setForm((f) => ({ ...f, items: { ...f.items, [item.id]: { ...state, notes } } }));
                }}
                autosize
                minRows={2}
              />
            </Stack>
          );
        })}
      </Section>

      <Section id="decisions" title={t('forumMinutes.decisions')}>
        {form.decisions.map((d, i) => (
          <Card key={d.key} withBorder padding="xs">
            <Stack gap={6}>
              <Group justify="space-between">
                <Text fw={600}>{t('forumMinutes.decisionN', { n: i + 1 })}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('forumMinutes.remove')}
                  onClick={() =>
                    setForm((f) => ({ ...f, decisions: f.decisions.filter((x) => x.key !== d.key) }))
                  }
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
              <LimitedTextarea
                label={t('forumMinutes.textTh')}
                value={d.textTh}
                limit={MINUTES_LIMITS.decision}
                onChange={(e) => setDecision(d.key, { textTh: e.currentTarget.value })}
                required
                autosize
              />
              <LimitedTextarea
                label={t('forumMinutes.textEn')}
                value={d.textEn ?? ''}
                limit={MINUTES_LIMITS.decision}
                onChange={(e) => setDecision(d.key, { textEn: e.currentTarget.value })}
                autosize
              />
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          onClick={() =>
            setForm((f) => ({ ...f, decisions: [...f.decisions, { key: newKey(), textTh: '', textEn: '' }] }))
          }
        >
          {t('forumMinutes.addDecision')}
        </Button>
      </Section>

      <Section id="actions" title={t('forumMinutes.actionItems')}>
        {form.actions.map((a, i) => (
          <Card key={a.key} withBorder padding="xs" data-testid="action-editor">
            <Stack gap={6}>
              <Group justify="space-between">
                <Text fw={600}>{t('forumMinutes.actionN', { n: i + 1 })}</Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('forumMinutes.remove')}
                  onClick={() =>
                    setForm((f) => ({ ...f, actions: f.actions.filter((x) => x.key !== a.key) }))
                  }
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
              <LimitedTextInput
                label={t('forumMinutes.actionTitleTh')}
                value={a.titleTh}
                limit={MINUTES_LIMITS.actionTitle}
                onChange={(e) => setAction(a.key, { titleTh: e.currentTarget.value })}
                required
              />
              <LimitedTextInput
                label={t('forumMinutes.actionTitleEn')}
                value={a.titleEn}
                limit={MINUTES_LIMITS.actionTitle}
                onChange={(e) => setAction(a.key, { titleEn: e.currentTarget.value })}
              />
              <Select
                label={t('forumMinutes.owner')}
                data={owners}
                value={a.ownerOrganisationId || null}
                onChange={(v) => setAction(a.key, { ownerOrganisationId: v ?? '', responsibleUserId: null })}
                searchable
                required
              />
              <ResponsiblePicker
                ownerOrganisationId={a.ownerOrganisationId}
                value={a.responsibleUserId ?? null}
                chosen={minutes.actions.find((saved) => saved.id === a.id)?.responsibleUser ?? null}
                onChange={(responsibleUserId) => setAction(a.key, { responsibleUserId })}
              />
              {!a.responsibleUserId && (
                <LimitedTextInput
                  label={t('forumMinutes.responsible')}
                  value={a.responsibleName}
                  limit={MINUTES_LIMITS.responsibleName}
                  onChange={(e) => setAction(a.key, { responsibleName: e.currentTarget.value })}
                />
              )}
              <DayPickerInput
                label={t('forumMinutes.dueOn')}
                value={a.dueOn}
                onChange={(dueOn) => setAction(a.key, { dueOn })}
              />
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          onClick={() =>
            setForm((f) => ({
              ...f,
              actions: [
                ...f.actions,
                {
                  key: newKey(),
                  titleTh: '',
                  titleEn: '',
                  ownerOrganisationId: '',
                  responsibleName: '',
                  dueOn: '',
                },
              ],
            }))
          }
        >
          {t('forumMinutes.addAction')}
        </Button>
      </Section>

      <Section id="summary" title={t('forumMinutes.summary')}>
        <LimitedTextarea
          label={t('forumMinutes.textTh')}
          value={form.summaryTh}
          limit={MINUTES_LIMITS.summary}
          onChange={(e) => {
            const summaryTh = e.currentTarget.value;
            setForm((f) => ({ ...f, summaryTh }));
          }}
          autosize
          minRows={3}
        />
        <LimitedTextarea
          label={t('forumMinutes.textEn')}
          value={form.summaryEn}
          limit={MINUTES_LIMITS.summary}
          onChange={(e) => {
            const summaryEn = e.currentTarget.value;
            setForm((f) => ({ ...f, summaryEn }));
          }}
          autosize
          minRows={3}
        />
      </Section>

      <AttendanceSection attendance={minutes.attendance} />
      <MinutesError error={save.error} />
      <Button
        size="md"
        loading={save.isPending}
        disabled={tooLong || incomplete}
        onClick={() =>
          sendWithFeedback(
            save,
            bodyOf(
              form,
              minutes.revision,
              minutes.items.map((i) => i.id),
            ),
            {
              success: t('forumMinutes.saved'),
              done: () => {
                draft.clear();
                onDirty(false);
              },
            },
          )
        }
      >
        {t('forumMinutes.save')}
      </Button>
    </Stack>
  );
}
