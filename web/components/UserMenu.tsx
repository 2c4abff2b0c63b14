import { Avatar, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconSettings, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSignedInMe, useSignOut } from '../lib/session.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const handleSignOut = () =>
    signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.accountMenu', { name: me.user.displayName })}>
          {/* An icon, not initials: Thai names often begin with a leading vowel, giving odd initials. */}
          <Avatar color="blue" radius="xl" size="md">
            <IconUser size={20} aria-hidden />
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {me.user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/settings" leftSection={<IconSettings size={16} aria-hidden />}>
          {t('nav.settings')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={handleSignOut}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
