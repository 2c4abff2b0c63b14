import { Badge, Card, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { OrganisationFilter } from '../../../components/OrganisationFilter.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { UserView } from '../../../lib/types.ts';
import { useUsers } from '../api/users.ts';
import { UserActions, UserRoleSelect } from './UserControls.tsx';

export function UsersPanel() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 400);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const users = useUsers({ q: debouncedSearch || undefined, organisationId: organisationId ?? undefined });
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group align="flex-end" grow preventGrowOverflow={false}>
        <TextInput
          label={t('users.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          miw={220}
        />
        {me.user.role === 'admin' && (
          <OrganisationFilter
            value={organisationId}
            onChange={setOrganisationId}
            label={t('fields.organisation')}
            placeholder={t('common.all')}
            miw={220}
          />
        )}
      </Group>
      <ErrorAlert error={users.error} />
      {users.isPending ? (
        <FullPageLoader />
      ) : items.length === 0 ? (
        <Text role="status">{t('users.empty')}</Text>
      ) : (
        <>
          <UsersTable users={items} />
          <UserCards users={items} />
        </>
      )}
      <LoadMoreButton {...users} />
    </Stack>
  );
}

function UsersTable({ users }: { users: UserView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={860} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.organisation')}</Table.Th>
            <Table.Th scope="col">{t('fields.role')}</Table.Th>
            <Table.Th scope="col">{t('fields.status')}</Table.Th>
            <Table.Th scope="col">{t('users.lastLogin')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text fw={600}>{user.displayName}</Text>
                <Text size="sm" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>{organisationName(user.organisation, language)}</Table.Td>
              <Table.Td>
                <UserRoleSelect user={user} />
              </Table.Td>
              <Table.Td>
                <UserStatusBadges user={user} />
              </Table.Td>
              <Table.Td>
                {user.lastLoginAt ? <DateTime value={user.lastLoginAt} /> : t('users.never')}
              </Table.Td>
              <Table.Td>
                <UserActions user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserCards({ users }: { users: UserView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack hiddenFrom="sm" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {users.map((user) => (
        <Card component="li" key={user.id} withBorder padding="sm">
          <Stack gap="xs">
            <div>
              <Text fw={600}>{user.displayName}</Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {user.email}
              </Text>
              <Text size="sm">{organisationName(user.organisation, language)}</Text>
            </div>
            <UserStatusBadges user={user} />
            <Text size="sm">
              {t('users.lastLogin')}:{' '}
              {user.lastLoginAt ? <DateTime value={user.lastLoginAt} /> : t('users.never')}
            </Text>
            <UserRoleSelect user={user} withLabel />
            <UserActions user={user} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function UserStatusBadges({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={user.active ? 'teal' : user.anonymised ? 'gray' : 'red'}>
        {user.active ? t('users.active') : user.anonymised ? t('users.formerUser') : t('users.inactive')}
      </Badge>
      {user.totpEnabled && (
        <Badge variant="light" color="blue">
          {t('users.twoFactor')}
        </Badge>
      )}
    </Group>
  );
}
