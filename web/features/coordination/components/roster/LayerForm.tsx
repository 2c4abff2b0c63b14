import {
  Button,
  Chip,
  Group,
  MultiSelect,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROSTER_LIMITS } from '../../../../../common/coordination-roster-api.ts';
import { HHMM, ROSTER_LEVELS, ROTATIONS, WEEKDAYS } from '../../../../../common/on-call.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextInput } from '../../../../components/LimitedText.tsx';
import { sendWithFeedback } from '../../../../lib/feedback.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
import { type RosterLayerInput, type RosterView, useCreateLayer, useUpdateLayer } from '../../api/roster.ts';
import { bangkokToday, weekdayName } from './rosterTime.ts';

type Layer = RosterView['layers'][number];
type Values = {
  level: Layer['level'];
  name: string;
  rotation: Layer['rotation'];
  handoverTime: string;
  startsOn: string;
  memberIds: string[];
  restricted: boolean;
  weekdays: string[];
  from: string;
  to: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const valuesOf = (layer: Layer | undefined): Values => ({
  level: layer?.level ?? 'primary',
  name: layer?.name ?? '',
  rotation: layer?.rotation ?? 'weekly',
  handoverTime: layer?.handoverTime ?? '08:30',
  startsOn: layer?.startsOn ?? bangkokToday(),
  memberIds: layer?.members.map((m) => m.id) ?? [],
  restricted: Boolean(layer?.restriction),
  weekdays: (layer?.restriction?.weekdays ?? WEEKDAYS).map(String),
  from: layer?.restriction?.from ?? '16:30',
  to: layer?.restriction?.to ?? '08:30',
});

const bodyOf = (v: Values): RosterLayerInput => ({
  level: v.level,
  name: v.name.trim(),
  rotation: v.rotation,
  handoverTime: v.handoverTime,
  startsOn: v.startsOn,
  memberIds: v.memberIds,
  restriction: v.restricted
    ? { weekdays: v.weekdays.map(Number).sort((a, b) => a - b), from: v.from, to: v.to }
    : null,
});

/** Only what changed goes in an edit, so the audit log says exactly that. */
function changesOf(before: RosterLayerInput, after: RosterLayerInput): Partial<RosterLayerInput> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after))
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof RosterLayerInput])) out[key] = value;
  return out as Partial<RosterLayerInput>;
}

/**
 * Adds a layer, or edits one: who takes turns (in the order picked), daily or weekly, the handover time,
 * the first day, and optionally the hours it covers (nights, weekdays).
 */
export function LayerForm({
  unitId,
  members,
  layer,
  onDone,
}: {
  unitId: string;
  members: RosterView['members'];
  layer?: Layer;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useCreateLayer(unitId);
  const update = useUpdateLayer(unitId);
  const mutation = layer ? update : create;
  const [v, setV] = useState(() => valuesOf(layer));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));
  const valid =
    v.name.trim() !== '' &&
    !anyTooLong([[v.name, ROSTER_LIMITS.name]]) &&
    HHMM.test(v.handoverTime) &&
    DAY.test(v.startsOn) &&
    (!v.restricted || (v.weekdays.length > 0 && HHMM.test(v.from) && HHMM.test(v.to)));
  const submit = () => {
    if (!valid) return;
    const body = bodyOf(v);
    if (!layer) {
      sendWithFeedback(create, body, { success: t('oncall.edit.layerAdded'), done: onDone });
      return;
    }
    const changes = changesOf(bodyOf(valuesOf(layer)), body);
    if (Object.keys(changes).length === 0) return onDone();
    sendWithFeedback(update, { id: layer.id, ...changes } as RosterLayerInput & { id: string }, {
      success: t('oncall.edit.layerSaved'),
      done: onDone,
    });
  };
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={layer ? t('oncall.edit.editLayer') : t('oncall.edit.addLayer')}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('oncall.edit.level')}
        </Text>
        <SegmentedControl
          value={v.level}
          onChange={(x) => set('level', x as Values['level'])}
          data={ROSTER_LEVELS.map((l) => ({ value: l, label: t(`oncall.level.${l}`) }))}
        />
      </Stack>
      <LimitedTextInput
        label={t('oncall.edit.name')}
        description={t('oncall.edit.nameHint')}
        required
        limit={ROSTER_LIMITS.name}
        value={v.name}
        onChange={(e) => set('name', e.currentTarget.value)}
      />
      <MultiSelect
        label={t('oncall.edit.members')}
        description={t('oncall.edit.membersHint')}
        data={members.map((m) => ({ value: m.id, label: m.displayName }))}
        value={v.memberIds}
        onChange={(ids) => set('memberIds', ids)}
        searchable
        nothingFoundMessage={t('oncall.edit.noMembers')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('oncall.edit.rotation')}
        </Text>
        <SegmentedControl
          value={v.rotation}
          onChange={(x) => set('rotation', x as Values['rotation'])}
          data={ROTATIONS.map((r) => ({ value: r, label: t(`oncall.rotation.${r}`) }))}
        />
      </Stack>
      <Group grow align="flex-start">
        <TextInput
          type="time"
          label={t('oncall.edit.handoverTime')}
          required
          value={v.handoverTime}
          onChange={(e) => set('handoverTime', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('oncall.edit.startsOn')}
          required
          value={v.startsOn}
          onChange={(e) => set('startsOn', e.currentTarget.value)}
        />
      </Group>
      <Switch
        label={t('oncall.edit.restricted')}
        description={t('oncall.edit.restrictedHint')}
        checked={v.restricted}
        onChange={(e) => set('restricted', e.currentTarget.checked)}
      />
      {v.restricted && (
        <Stack gap="xs">
          <Chip.Group multiple value={v.weekdays} onChange={(days) => set('weekdays', days)}>
            <Group gap={6} role="group" aria-label={t('oncall.edit.weekdays')}>
              {WEEKDAYS.map((d) => (
                <Chip key={d} value={String(d)} size="sm">
                  {weekdayName(d, language)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {v.weekdays.length === 0 && (
            <Text size="sm" c="red">
              {t('oncall.edit.pickWeekday')}
            </Text>
          )}
          <Group grow align="flex-start">
            <TextInput
              type="time"
              label={t('oncall.edit.from')}
              required
              value={v.from}
              onChange={(e) => set('from', e.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={t('oncall.edit.to')}
              description={t('oncall.edit.toHint')}
              required
              value={v.to}
              onChange={(e) => set('to', e.currentTarget.value)}
            />
          </Group>
        </Stack>
      )}
      <ErrorAlert error={mutation.error} />
      <Group gap="xs">
        <Button type="submit" loading={mutation.isPending} disabled={!valid}>
          {layer ? t('oncall.edit.saveLayer') : t('oncall.edit.addLayer')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
