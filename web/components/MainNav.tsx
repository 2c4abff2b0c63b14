import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignedInMe } from '../lib/session.ts';
import { navigationFor } from './navigation.ts';

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { pathname } = useLocation();
  const isCurrent = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));

  return (
    <Stack gap={4}>
      {navigationFor(me.user.role).map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          label={t(item.label)}
          leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
          active={isCurrent(item.path)}
          aria-current={isCurrent(item.path) ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
