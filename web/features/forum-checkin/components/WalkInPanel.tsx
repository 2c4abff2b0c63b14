import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WALK_IN_LIMITS } from '../../../../common/forum-checkin-api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { isApiError, newIdempotencyKey } from '../../../lib/api.ts';
import { feedback } from '../../../lib/feedback.ts';
import { organisationName, organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import { type CheckinResultView, useWalkIn, useWalkInSearch, type WalkInBody } from '../api/forum-checkin.ts';
import type { ScanOutcome } from '../scan-queue.ts';
import { ScanResultCard } from './ScanResultCard.tsx';

type Who = Pick<WalkInBody, 'userId' | 'guestName' | 'organisationId' | 'guestOrganisationName'>;

/**
 * Someone at the door without a ticket: a member found in the directory, or a guest. When the event is
 * full the server says so and the staff decide whether to admit them over capacity.
 */
export function WalkInPanel({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const search = useWalkInSearch(eventId, debounced);
  const walkIn = useWalkIn(eventId);
  const { organisations } = useAllOrganisations();
  const [guestName, setGuestName] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [guestOrganisationName, setGuestOrganisationName] = useState('');
  const [full, setFull] = useState<Who | null>(null);
  const [admitted, setAdmitted] = useState<ScanOutcome | null>(null);

  function admit(who: Who, overCapacity = false) {
    if (walkIn.isPending) return;
    walkIn
      .mutateAsync({
        ...who,
        overCapacity,
        clientScanId: newIdempotencyKey(),
        scannedAt: new Date().toISOString(),
      })
      .then(
        (result: CheckinResultView) => {
          setFull(null);
          setAdmitted({ kind: result.outcome, result });
          feedback.success(t('forumCheckin.walkIn.admitted', { name: result.person.name }));
          if (who.guestName) {
            setGuestName('');
            setGuestOrganisationName('');
            setOrganisationId(null);
          }
        },
        (error: unknown) => {
          if (isApiError(error, 409) && error.code === 'EVENT_FULL') setFull(who);
        },
      );
  }

  const guestTooLong = anyTooLong([
    [guestName, WALK_IN_LIMITS.guestName],
    [guestOrganisationName, WALK_IN_LIMITS.guestOrganisationName],
  ]);
  const guestReady = guestName.trim() && (organisationId || guestOrganisationName.trim()) && !guestTooLong;

  return (
    <Stack>
      {admitted && <ScanResultCard outcome={admitted} />}
      {walkIn.error && !(isApiError(walkIn.error, 409) && walkIn.error.code === 'EVENT_FULL') ? (
        <ErrorAlert error={walkIn.error} />
      ) : null}
      <Title order={2} fz="h4">
        {t('forumCheckin.walkIn.memberTitle')}
      </Title>
      <TextInput
        label={t('forumCheckin.walkIn.search')}
        description={t('forumCheckin.walkIn.searchHint')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
      />
      {search.data?.items.length === 0 && <Text c="dimmed">{t('common.nothingFound')}</Text>}
      {search.data?.items.map((person) => (
        <Paper key={person.userId} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{person.displayName}</Text>
              <Text size="sm" c="dimmed">
                {organisationName(person.organisation, language)}
              </Text>
              {person.checkedIn ? (
                <Badge color="teal" variant="light">
                  {t('forumCheckin.walkIn.alreadyIn')}
                </Badge>
              ) : person.registrationState ? (
                <Badge variant="light">
                  {t(`forumCheckin.registrationStates.${person.registrationState}`)}
                </Badge>
              ) : null}
            </div>
            <Button
              size="sm"
              disabled={person.checkedIn}
              loading={walkIn.isPending && walkIn.variables?.userId === person.userId}
              onClick={() => admit({ userId: person.userId })}
            >
              {t('forumCheckin.walkIn.admit')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Title order={2} fz="h4" mt="md">
        {t('forumCheckin.walkIn.guestTitle')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!guestReady) return;
          admit(
            organisationId
              ? { guestName: guestName.trim(), organisationId }
              : { guestName: guestName.trim(), guestOrganisationName: guestOrganisationName.trim() },
          );
        }}
      >
        <Stack gap="sm">
          <LimitedTextInput
            limit={WALK_IN_LIMITS.guestName}
            label={t('forumCheckin.walkIn.guestName')}
            value={guestName}
            onChange={(e) => setGuestName(e.currentTarget.value)}
            required
          />
          <Select
            label={t('forumCheckin.walkIn.organisation')}
            data={organisationOptions(organisations, language)}
            value={organisationId}
            onChange={setOrganisationId}
            searchable
            clearable
          />
          {!organisationId && (
            <LimitedTextInput
              limit={WALK_IN_LIMITS.guestOrganisationName}
              label={t('forumCheckin.walkIn.guestOrganisation')}
              description={t('forumCheckin.walkIn.guestOrganisationHint')}
              value={guestOrganisationName}
              onChange={(e) => setGuestOrganisationName(e.currentTarget.value)}
            />
          )}
          <Button
            type="submit"
            disabled={!guestReady}
            loading={walkIn.isPending && !walkIn.variables?.userId}
          >
            {t('forumCheckin.walkIn.admitGuest')}
          </Button>
        </Stack>
      </form>
      <ConfirmDialog
        opened={full !== null}
        title={t('forumCheckin.walkIn.fullTitle')}
        message={t('forumCheckin.walkIn.fullMessage', {
          capacity: (walkIn.error as { details?: { capacity?: number } } | null)?.details?.capacity ?? '',
        })}
        confirmLabel={t('forumCheckin.walkIn.admitOver')}
        loading={walkIn.isPending}
        onConfirm={() => full && admit(full, true)}
        onClose={() => setFull(null)}
      />
    </Stack>
  );
}
