import { Alert, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '../../../../common/forum-states.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { CALENDAR_FORMATS, formatCalendarDate } from '../../../lib/calendar.ts';
import { useLanguage } from '../../../lib/i18n.ts';

const STATUS_COLOR: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'violet',
  done: 'teal',
  dropped: 'gray',
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return (
    // The darkest shade for the label: Mantine's light yellow badge fails WCAG contrast.
    <Badge
      variant="light"
      color={STATUS_COLOR[status]}
      c={`${STATUS_COLOR[status]}.9`}
      style={{ flexShrink: 0 }}
    >
      {t(`forumMinutes.status.${status}`)}
    </Badge>
  );
}

/** A `YYYY-MM-DD` day: "3 ธ.ค. 2569" in Thai (Buddhist Era), "3 Dec 2026" in English. */
export function useDayFormat() {
  const language = useLanguage();
  return (day: string) => formatCalendarDate(day, CALENDAR_FORMATS[language].value, language);
}

const KNOWN_CODES = [
  'VERSION_CONFLICT',
  'MINUTES_FINAL',
  'NOT_LATEST_VERSION',
  'ACTION_PUBLISHED',
  'INVALID_MOVE',
  'SAME_STATUS',
  'MINUTES_NOT_SHARED',
  'RESPONSIBLE_NOT_IN_ORGANISATION',
] as const;

/** This feature's refusals in words; anything else as every page shows it. */
export function MinutesError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = isApiError(error) ? KNOWN_CODES.find((c) => c === error.code) : undefined;
  if (!code) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" role="alert">
      {t(`forumMinutes.errors.${code}`)}
    </Alert>
  );
}
