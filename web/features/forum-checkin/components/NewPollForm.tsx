import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS } from '../../../../common/forum-checkin-api.ts';
import type { PollKind } from '../../../../common/forum-states.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { type PollListView, useCreatePoll } from '../api/forum-checkin.ts';

const blankOptions = () => [
  { th: '', en: '' },
  { th: '', en: '' },
];

/** The chair writes a poll in Thai and English; it stays a draft until opened. */
export function NewPollForm({
  eventId,
  agendaItems,
}: {
  eventId: string;
  agendaItems: PollListView['agendaItems'];
}) {
  const { t, i18n } = useTranslation();
  const create = useCreatePoll(eventId);
  const [questionTh, setQuestionTh] = useState('');
  const [questionEn, setQuestionEn] = useState('');
  const [kind, setKind] = useState<PollKind>('single');
  const [agendaItemId, setAgendaItemId] = useState<string | null>(null);
  const [options, setOptions] = useState(blankOptions);
  const setOption = (i: number, lang: 'th' | 'en', value: string) =>
    setOptions((all) => all.map((o, j) => (j === i ? { ...o, [lang]: value } : o)));
  const filled = options.filter((o) => o.th.trim() && o.en.trim());
  const tooLong = anyTooLong([
    [questionTh, POLL_LIMITS.question],
    [questionEn, POLL_LIMITS.question],
    ...options.flatMap((o) => [[o.th, POLL_LIMITS.option] as const, [o.en, POLL_LIMITS.option] as const]),
  ]);
  const ready = questionTh.trim() && questionEn.trim() && filled.length >= POLL_LIMITS.minOptions && !tooLong;

  return (
    <Paper withBorder p="md" radius="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          sendWithFeedback(
            create,
            { questionTh, questionEn, kind, options: filled, ...(agendaItemId ? { agendaItemId } : {}) },
            {
              success: t('forumCheckin.polls.created'),
              done: () => {
                setQuestionTh('');
                setQuestionEn('');
                setOptions(blankOptions());
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('forumCheckin.polls.newTitle')}
          </Title>
          <LimitedTextInput
            limit={POLL_LIMITS.question}
            label={t('forumCheckin.polls.questionTh')}
            value={questionTh}
            onChange={(e) => setQuestionTh(e.currentTarget.value)}
            lang="th"
            required
          />
          <LimitedTextInput
            limit={POLL_LIMITS.question}
            label={t('forumCheckin.polls.questionEn')}
            value={questionEn}
            onChange={(e) => setQuestionEn(e.currentTarget.value)}
            lang="en"
            required
          />
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as PollKind)}
            data={[
              { value: 'single', label: t('forumCheckin.polls.kind.single') },
              { value: 'multiple', label: t('forumCheckin.polls.kind.multiple') },
            ]}
          />
          {agendaItems.length > 0 && (
            <Select
              label={t('forumCheckin.polls.agendaItem')}
              data={agendaItems.map((a) => ({
                value: a.id,
                label: i18n.language === 'th' ? a.titleTh : a.titleEn,
              }))}
              value={agendaItemId}
              onChange={setAgendaItemId}
              clearable
            />
          )}
          {options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place and have no id yet
            <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
              <Text w={20} pb={8}>
                {i + 1}.
              </Text>
              <Stack gap={4} style={{ flex: 1 }}>
                <LimitedTextInput
                  limit={POLL_LIMITS.option}
                  aria-label={t('forumCheckin.polls.optionTh', { n: i + 1 })}
                  placeholder={t('forumCheckin.polls.optionThPlaceholder')}
                  value={o.th}
                  onChange={(e) => setOption(i, 'th', e.currentTarget.value)}
                  lang="th"
                />
                <LimitedTextInput
                  limit={POLL_LIMITS.option}
                  aria-label={t('forumCheckin.polls.optionEn', { n: i + 1 })}
                  placeholder={t('forumCheckin.polls.optionEnPlaceholder')}
                  value={o.en}
                  onChange={(e) => setOption(i, 'en', e.currentTarget.value)}
                  lang="en"
                />
              </Stack>
              {options.length > POLL_LIMITS.minOptions && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('forumCheckin.polls.removeOption', { n: i + 1 })}
                  onClick={() => setOptions((all) => all.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
          {options.length < POLL_LIMITS.maxOptions && (
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setOptions((all) => [...all, { th: '', en: '' }])}
            >
              {t('forumCheckin.polls.addOption')}
            </Button>
          )}
          <ErrorAlert error={create.error} />
          <Button type="submit" disabled={!ready} loading={create.isPending}>
            {t('forumCheckin.polls.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
