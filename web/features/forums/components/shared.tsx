import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../lib/types.ts';
import type { EventListItem } from '../api/forums.ts';

/** The text in the reader's language. */
export const inLanguage = (language: Language, th: string | null, en: string | null) =>
  (language === 'th' ? (th ?? en) : (en ?? th)) ?? '';

export { fromBangkokInput, toBangkokInput } from '../agenda-form.ts';

const STATE_COLOURS: Record<string, string> = {
  confirmed: 'teal',
  pending: 'violet',
  waitlisted: 'indigo',
  withdrawn: 'gray',
  rejected: 'red',
};

export function RegistrationBadge({ state }: { state: NonNullable<EventListItem['myRegistrationState']> }) {
  const { t } = useTranslation();
  return (
    // Labels in the palette's darkest shade: light yellow and orange badges fail WCAG contrast.
    <Badge color={STATE_COLOURS[state]} c={`${STATE_COLOURS[state]}.9`} variant="light">
      {t(`forums.registrationStates.${state}`)}
    </Badge>
  );
}

export function EventStateBadge({ state }: { state: EventListItem['state'] }) {
  const { t } = useTranslation();
  if (state === 'published') return null;
  return (
    <Badge color={state === 'cancelled' ? 'red' : 'gray'} variant="outline">
      {t(`forums.eventStates.${state}`)}
    </Badge>
  );
}
