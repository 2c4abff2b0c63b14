import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoordinationState, Urgency } from '../../../../common/coordination-states.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { STATE_COLOURS, URGENCY_COLOURS, urgencyLabel } from '../labels.ts';

/**
 * Text of a light badge: the colour's darkest shade, or near-black on yellow and orange tints, where even
 * the darkest shade fails axe's contrast check at badge size.
 */
const lightBadgeText = (colour: string) =>
  colour === 'yellow' || colour === 'orange' ? 'dark.6' : `${colour}.9`;

export function StateBadge({ state }: { state: CoordinationState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLOURS[state]}
      c={lightBadgeText(STATE_COLOURS[state])}
      variant="light"
      tt="none"
      data-state={state}
    >
      {t(`coordination.states.${state}`)}
    </Badge>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const language = useLanguage();
  return (
    <Badge
      color={URGENCY_COLOURS[urgency]}
      c={urgency === 'critical' ? undefined : lightBadgeText(URGENCY_COLOURS[urgency])}
      variant={urgency === 'critical' ? 'filled' : 'light'}
      tt="none"
    >
      {urgencyLabel(urgency, language)}
    </Badge>
  );
}
