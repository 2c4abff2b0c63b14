import { ActionIcon, Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { feedback, sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName, organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { personOptions, usePeopleSearch } from '../../../lib/people.ts';
import {
  type CreateForumInvitationBody,
  useDeleteInvitation,
  useInvitations,
  useInvite,
} from '../api/forums.ts';

type Kind = CreateForumInvitationBody['kind'];

/** Invite by sector, by organisation or one person; invitees register without moderation. */
export function InvitationsSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useInvitations(eventId, true);
  const invite = useInvite(eventId);
  const remove = useDeleteInvitation(eventId);
  const { organisations } = useAllOrganisations();
  const [kind, setKind] = useState<Kind>('sector');
  const [target, setTarget] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const people = usePeopleSearch(kind === 'person' ? debounced : '');
  // The chosen person stays an option while the search box shows their name (which finds nobody).
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const found = personOptions(people.data ?? [], language, true);
  const personData = picked ? [picked, ...found.filter((o) => o.value !== picked.value)] : found;
  const body = (): CreateForumInvitationBody | null =>
    !target
      ? null
      : kind === 'sector'
        ? { kind, sector: target as (typeof SECTORS)[number] }
        : kind === 'organisation'
          ? { kind, organisationId: target }
          : { kind, userId: target };
  const label = {
    sector: t('forums.bySector'),
    organisation: t('forums.byOrganisation'),
    person: t('forums.byPerson'),
  }[kind];
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {t('forums.invitations')}
        </Title>
        {list.data?.items.length === 0 && <Text c="dimmed">{t('forums.noInvitations')}</Text>}
        {list.data?.items.map((inv) => (
          <Group key={inv.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {inv.sector
                ? t(`sectors.${inv.sector}`)
                : inv.organisation
                  ? organisationName(inv.organisation, language)
                  : inv.person?.displayName}{' '}
              <Text span c="dimmed" size="xs">
                ({t('forums.reaches', { count: inv.reaches })})
              </Text>
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('forums.removeInvitation')}
              onClick={() =>
                remove
                  .mutateAsync(inv.id)
                  .then(() => feedback.success(t('forums.invitationRemoved')), feedback.failure)
              }
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <SegmentedControl
          value={kind}
          onChange={(v) => {
            setKind(v as Kind);
            setTarget(null);
            setSearch('');
          }}
          data={[
            { value: 'sector', label: t('forums.inviteKinds.sector') },
            { value: 'organisation', label: t('forums.inviteKinds.organisation') },
            { value: 'person', label: t('forums.inviteKinds.person') },
          ]}
        />
        {kind === 'person' ? (
          <Select
            key="person"
            label={label}
            description={t('forums.byPersonHint')}
            placeholder={t('forums.searchPerson')}
            searchable
            clearable
            value={target}
            onChange={(userId) => {
              setTarget(userId);
              setPicked(personData.find((o) => o.value === userId) ?? null);
            }}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={personData}
            nothingFoundMessage={
              debounced.trim().length >= 2 ? t('common.nothingFound') : t('forums.typeToSearch')
            }
          />
        ) : (
          <Select
            key={kind}
            label={label}
            searchable
            value={target}
            onChange={setTarget}
            data={
              kind === 'sector'
                ? SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) }))
                : organisationOptions(organisations, language)
            }
          />
        )}
        <ErrorAlert error={invite.error} />
        <Button
          disabled={!target}
          loading={invite.isPending}
          onClick={() => {
            const b = body();
            if (b)
              sendWithFeedback(invite, b, {
                success: t('forums.invited'),
                done: () => {
                  setTarget(null);
                  setSearch('');
                },
              });
          }}
        >
          {t('forums.invite')}
        </Button>
      </Stack>
    </Card>
  );
}
