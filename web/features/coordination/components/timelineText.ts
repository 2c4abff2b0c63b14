import type { TFunction } from 'i18next';
import type { Language } from '../../../lib/types.ts';
import type { RequestDetail } from '../api/coordination.ts';
import { requestTypeLabel } from '../labels.ts';

type Event = RequestDetail['events'][number];

/** One line per timeline event, in the reader's language. */
export function eventText(event: Event, t: TFunction, language: Language): string {
  const data = event.data as { type?: string; to?: string; outcome?: string };
  if (event.kind === 'created')
    return t('coordination.timeline.created', { type: requestTypeLabel(String(data.type ?? ''), language) });
  if (event.kind === 'state_changed' && data.to) {
    const moved = t(`coordination.timeline.to.${data.to}`, {
      defaultValue: t('coordination.timeline.changed'),
    });
    return data.outcome ? `${moved} (${t(`coordination.outcomes.${data.outcome}`)})` : moved;
  }
  return t('coordination.timeline.changed');
}
