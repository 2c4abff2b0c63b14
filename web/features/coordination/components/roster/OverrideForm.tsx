import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { sendWithFeedback } from '../../../../lib/feedback.ts';
import { type RosterView, useCreateOverride } from '../../api/roster.ts';
import { fromBangkokLocal, nextFullHour, toBangkokLocal } from './rosterTime.ts';

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const HOUR_MS = 3_600_000;

/** One member covers a layer from one time to another (swap a night); it wins over the rotation. */
export function OverrideForm({
  roster,
  onDone,
}: {
  roster: RosterView;
  /** Called with the cover's start, so the page can show the week it falls in. */
  onDone: (startsAt: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateOverride(roster.unitId);
  const [layerId, setLayerId] = useState<string | null>(roster.layers[0]?.id ?? null);
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState(() => toBangkokLocal(nextFullHour()));
  const [to, setTo] = useState(() => toBangkokLocal(nextFullHour() + 12 * HOUR_MS));
  const ordered = LOCAL.test(from) && LOCAL.test(to) && to > from;
  const valid = Boolean(layerId && userId) && ordered;
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={t('oncall.edit.addOverride')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || !layerId || !userId) return;
        const startsAt = fromBangkokLocal(from);
        sendWithFeedback(
          create,
          { layerId, userId, startsAt, endsAt: fromBangkokLocal(to) },
          { success: t('oncall.edit.overrideAdded'), done: () => onDone(startsAt) },
        );
      }}
    >
      <Select
        label={t('oncall.edit.overrideLayer')}
        data={roster.layers.map((l) => ({
          value: l.id,
          label: `${t(`oncall.level.${l.level}`)} · ${l.name}`,
        }))}
        value={layerId}
        onChange={setLayerId}
        allowDeselect={false}
        required
      />
      <Select
        label={t('oncall.edit.overrideWho')}
        data={roster.members.map((m) => ({ value: m.id, label: m.displayName }))}
        value={userId}
        onChange={setUserId}
        searchable
        required
        nothingFoundMessage={t('oncall.edit.noMembers')}
      />
      <Group grow align="flex-start">
        <TextInput
          type="datetime-local"
          label={t('oncall.edit.overrideFrom')}
          required
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label={t('oncall.edit.overrideTo')}
          required
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('oncall.edit.bangkokTime')}
      </Text>
      {LOCAL.test(from) && LOCAL.test(to) && !ordered && (
        <Text size="sm" c="red">
          {t('oncall.edit.endAfterStart')}
        </Text>
      )}
      <ErrorAlert error={create.error} />
      <Group gap="xs">
        <Button type="submit" loading={create.isPending} disabled={!valid}>
          {t('oncall.edit.addOverride')}
        </Button>
        <Button variant="default" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
