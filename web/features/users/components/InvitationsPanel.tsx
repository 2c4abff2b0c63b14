import { Badge, Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { InvitationView } from '../../../lib/types.ts';
import { useInvitations, useRevokeInvitation } from '../api/invitations.ts';

const statusColor: Record<InvitationView['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  revoked: 'red',
  expired: 'gray',
};

export function InvitationsPanel() {
  const { t } = useTranslation();
  const invitations = useInvitations();
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <ErrorAlert error={invitations.error} />
      {invitations.isPending ? (
        <FullPageLoader />
      ) : items.length === 0 ? (
        <Text role="status">{t('invitations.empty')}</Text>
      ) : (
        <>
          <InvitationsTable invitations={items} />
          <InvitationCards invitations={items} />
        </>
      )}
      <LoadMoreButton {...invitations} />
    </Stack>
  );
}

function InvitationsTable({ invitations }: { invitations: InvitationView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={860} visibleFrom="sm">
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.email')}</Table.Th>
            <Table.Th scope="col">{t('fields.organisation')}</Table.Th>
            <Table.Th scope="col">{t('fields.role')}</Table.Th>
            <Table.Th scope="col">{t('fields.status')}</Table.Th>
            <Table.Th scope="col">{t('invitations.expires')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id}>
              <Table.Td>
                <Text>{invitation.email}</Text>
                {invitation.invitedBy && (
                  <Text size="sm" c="dimmed">
                    {t('invitations.invitedBy', { name: invitation.invitedBy.displayName })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{organisationName(invitation.organisation, language)}</Table.Td>
              <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
              <Table.Td>
                <InvitationStatus invitation={invitation} />
              </Table.Td>
              <Table.Td>
                <DateTime value={invitation.expiresAt} />
              </Table.Td>
              <Table.Td>
                <RevokeButton invitation={invitation} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InvitationCards({ invitations }: { invitations: InvitationView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {invitations.map((invitation) => (
        <Card component="li" key={invitation.id} withBorder padding="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {invitation.email}
              </Text>
              <InvitationStatus invitation={invitation} />
            </Group>
            <Text size="sm">
              {organisationName(invitation.organisation, language)} · {t(`roles.${invitation.role}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('invitations.expires')}: <DateTime value={invitation.expiresAt} />
            </Text>
            <RevokeButton invitation={invitation} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function InvitationStatus({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation();
  return (
    // Never shrinks: beside a long address on a phone it would otherwise be cut to "รอตอ…".
    <Badge variant="light" color={statusColor[invitation.status]} style={{ flexShrink: 0 }}>
      {t(`invitations.status.${invitation.status}`)}
    </Badge>
  );
}

function RevokeButton({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation();
  if (invitation.status !== 'pending') return null;
  return (
    <Group>
      <Button
        size="xs"
        color="red"
        variant="outline"
        loading={revoke.isPending}
        aria-label={t('invitations.revokeNamed', { email: invitation.email })}
        onClick={() =>
          revoke.mutate(invitation.id, {
            onSuccess: () => feedback.success(t('invitations.revoked')),
            onError: (error) => feedback.failure(error),
          })
        }
      >
        {t('invitations.revoke')}
      </Button>
    </Group>
  );
}
