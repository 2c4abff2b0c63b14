/**
 * Editing a unit's roster (its heads, its organisation's admins, the Centre): the layers with who takes
 * turns, and the covers (overrides) still to come. Every change answers the new roster, so the week above
 * shows the result at once, gaps included.
 */
import { ActionIcon, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../components/Section.tsx';
import { formatDateTime } from '../../../../lib/dates.ts';
import { sendWithFeedback } from '../../../../lib/feedback.ts';
import { useLanguage } from '../../../../lib/i18n.ts';
import { type RosterView, useDeleteLayer, useDeleteOverride } from '../../api/roster.ts';
import { LayerForm } from './LayerForm.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { formatDay, weekdayName } from './rosterTime.ts';

type Layer = RosterView['layers'][number];

export function RosterEditor({
  roster,
  onShowWeekOf,
}: {
  roster: RosterView;
  onShowWeekOf: (iso: string) => void;
}) {
  return (
    <>
      <LayersSection roster={roster} />
      <OverridesSection roster={roster} onShowWeekOf={onShowWeekOf} />
    </>
  );
}

function LayersSection({ roster }: { roster: RosterView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Section id="layers" title={t('oncall.edit.layersTitle')} description={t('oncall.edit.layersHint')}>
      <Stack gap="sm">
        {roster.layers.map((layer) =>
          editing === layer.id ? (
            <Paper key={layer.id} withBorder p="sm" radius="md">
              <LayerForm
                unitId={roster.unitId}
                members={roster.members}
                layer={layer}
                onDone={() => setEditing(null)}
              />
            </Paper>
          ) : (
            <LayerCard
              key={layer.id}
              unitId={roster.unitId}
              layer={layer}
              onEdit={() => setEditing(layer.id)}
            />
          ),
        )}
        {editing === 'new' ? (
          <Paper withBorder p="sm" radius="md">
            <LayerForm unitId={roster.unitId} members={roster.members} onDone={() => setEditing(null)} />
          </Paper>
        ) : (
          <Button
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setEditing('new')}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('oncall.edit.addLayer')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}

function LayerCard({ unitId, layer, onEdit }: { unitId: string; layer: Layer; onEdit: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remove = useDeleteLayer(unitId);
  const [confirming, setConfirming] = useState(false);
  const r = layer.restriction;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-label={layer.name}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {t(`oncall.level.${layer.level}`)} · {layer.name}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('oncall.edit.editNamed', { name: layer.name })}
              onClick={onEdit}
            >
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('oncall.edit.removeNamed', { name: layer.name })}
              onClick={() => setConfirming(true)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <Text size="sm">
          {t('oncall.edit.summary', {
            rotation: t(`oncall.rotation.${layer.rotation}`),
            time: layer.handoverTime,
            day: formatDay(layer.startsOn, language),
          })}
        </Text>
        <Text size="sm">
          {layer.members.length === 0
            ? t('oncall.edit.nobody')
            : t('oncall.edit.turns', { names: layer.members.map((m) => m.displayName).join(' → ') })}
        </Text>
        {r && (
          <Text size="sm" c="dimmed">
            {t('oncall.edit.onlyAt', {
              days: r.weekdays.map((d) => weekdayName(d, language)).join(' '),
              from: r.from,
              to: r.to,
            })}
          </Text>
        )}
        {confirming && (
          <Stack gap="xs" mt="xs">
            <Text size="sm" fw={600}>
              {t('oncall.edit.removeConfirm')}
            </Text>
            <Group gap="xs">
              <Button
                color="red"
                size="xs"
                loading={remove.isPending}
                onClick={() =>
                  sendWithFeedback(remove, layer.id, {
                    success: t('oncall.edit.layerRemoved'),
                    toastErrors: true,
                    done: () => setConfirming(false),
                  })
                }
              >
                {t('oncall.edit.remove')}
              </Button>
              <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function OverridesSection({
  roster,
  onShowWeekOf,
}: {
  roster: RosterView;
  onShowWeekOf: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remove = useDeleteOverride(roster.unitId);
  const [adding, setAdding] = useState(false);
  const layerName = (id: string) => {
    const layer = roster.layers.find((l) => l.id === id);
    return layer ? `${t(`oncall.level.${layer.level}`)} · ${layer.name}` : '';
  };
  return (
    <Section
      id="overrides"
      title={t('oncall.edit.overridesTitle')}
      description={t('oncall.edit.overridesHint')}
    >
      <Stack gap="sm">
        {roster.overrides.length === 0 && <Text c="dimmed">{t('oncall.edit.noOverrides')}</Text>}
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {roster.overrides.map((o) => (
            <Group component="li" key={o.id} justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {o.person.displayName}
                </Text>
                <Text size="sm">{layerName(o.layerId)}</Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(o.startsAt, language)} – {formatDateTime(o.endsAt, language)}
                </Text>
              </div>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('oncall.edit.removeOverride', { name: o.person.displayName })}
                loading={remove.isPending && remove.variables === o.id}
                onClick={() =>
                  sendWithFeedback(remove, o.id, {
                    success: t('oncall.edit.overrideRemoved'),
                    toastErrors: true,
                  })
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        {roster.layers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('oncall.edit.overrideNeedsLayer')}
          </Text>
        ) : adding ? (
          <Paper withBorder p="sm" radius="md">
            <OverrideForm
              roster={roster}
              onDone={(startsAt) => {
                setAdding(false);
                if (startsAt) onShowWeekOf(startsAt);
              }}
            />
          </Paper>
        ) : (
          <Button
            variant="light"
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setAdding(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('oncall.edit.addOverride')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
