import { Badge, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconClockPause } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import type { CheckinResultView, ForumEventRef } from '../api/forum-checkin.ts';
import type { ScanOutcome } from '../scan-queue.ts';

const TONE = {
  checked_in: { color: 'teal', Icon: IconCircleCheck },
  duplicate: { color: 'yellow', Icon: IconAlertTriangle },
  queued: { color: 'blue', Icon: IconClockPause },
  queued_duplicate: { color: 'yellow', Icon: IconAlertTriangle },
  refused: { color: 'red', Icon: IconCircleX },
} as const;

/** Why the door refused a ticket, in words the staff can say to the person. */
export function refusalText(error: ApiError, t: TFunction, language: Language) {
  const details = error.details as { state?: string; event?: ForumEventRef } | undefined;
  switch (error.code) {
    case 'TICKET_UNKNOWN':
      return t('forumCheckin.refused.unknown');
    case 'TICKET_FOR_OTHER_EVENT':
      return t('forumCheckin.refused.otherEvent', {
        number: details?.event?.number,
        title: language === 'th' ? details?.event?.titleTh : details?.event?.titleEn,
      });
    case 'REGISTRATION_NOT_CONFIRMED':
      return t('forumCheckin.refused.notConfirmed', {
        state: t(`forumCheckin.registrationStates.${details?.state ?? 'pending'}`),
      });
    case 'EVENT_NOT_OPEN_FOR_CHECKIN':
      return t('forumCheckin.refused.eventClosed');
    default:
      return errorMessage(error, t);
  }
}

function Person({ result, language }: { result: CheckinResultView; language: Language }) {
  const { t } = useTranslation();
  const { person } = result;
  return (
    <>
      <Title order={2} fz="h3" data-testid="checkin-person">
        {person.name}
      </Title>
      <Text fw={500}>
        {person.organisation ? organisationName(person.organisation, language) : person.guestOrganisationName}
      </Text>
      {person.sector && <Badge variant="light">{t(`sectors.${person.sector}`)}</Badge>}
    </>
  );
}

/** The big answer after a scan: green in, amber already in (or already waiting), red refused. */
export function ScanResultCard({ outcome }: { outcome: ScanOutcome }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { color, Icon } = TONE[outcome.kind];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg={`${color}.0`}
      style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 3 }}
      role="status"
      data-testid="checkin-result"
      data-outcome={outcome.kind}
    >
      <Stack gap={6} align="flex-start">
        <ThemeIcon color={color} size={48} radius="xl">
          <Icon size={32} aria-hidden />
        </ThemeIcon>
        <Text fw={700} fz="lg" c={`${color}.9`}>
          {t(`forumCheckin.outcome.${outcome.kind}`)}
        </Text>
        {(outcome.kind === 'checked_in' || outcome.kind === 'duplicate') && (
          <Person result={outcome.result} language={language} />
        )}
        {outcome.kind === 'duplicate' && (
          <Text>
            {t('forumCheckin.duplicateAt', {
              at: formatDateTime(outcome.result.checkin.scannedAt, language),
              by: outcome.result.checkin.by?.displayName ?? t('forumCheckin.someone'),
            })}
          </Text>
        )}
        {outcome.kind === 'queued' && <Text>{t('forumCheckin.queuedHint')}</Text>}
        {outcome.kind === 'queued_duplicate' && (
          <Text>{t('forumCheckin.queuedDuplicate', { at: formatDateTime(outcome.queuedAt, language) })}</Text>
        )}
        {outcome.kind === 'refused' && <Text fw={500}>{refusalText(outcome.error, t, language)}</Text>}
      </Stack>
    </Paper>
  );
}
