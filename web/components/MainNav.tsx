import { Badge, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useTaskCount } from '../features/directory/api/tasks.ts';
import { useSignedInMe } from '../lib/session.ts';
import { navigationFor } from './navigation.ts';

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { pathname } = useLocation();
  const isCurrent = (path: string) => (path === '/' ? pathname === '/' : pathname.startsWith(path));
  const items = navigationFor(me.user.role);
  const taskCount = useTaskCount(items.some((item) => item.taskBadge));

  return (
    <Stack gap={4}>
      {items.map((item) => (
        <NavLink
          key={item.path}
          component={Link}
          to={item.path}
          label={t(item.label)}
          leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
          rightSection={
            item.taskBadge && taskCount > 0 ? (
              <Badge color="red" size="sm" circle={taskCount < 10}>
                {taskCount > 99 ? '99+' : taskCount}
              </Badge>
            ) : undefined
          }
          active={isCurrent(item.path)}
          aria-current={isCurrent(item.path) ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
