import { AppShell, Burger, Drawer, Group, Indicator } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useTaskCount } from '../features/directory/api/tasks.ts';
import { NotificationBell } from '../features/notifications/components/NotificationBell.tsx';
import { useSignedInMe } from '../lib/session.ts';
import { FullPageLoader } from './FullPageLoader.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { MainNav } from './MainNav.tsx';
import { navigationFor } from './navigation.ts';
import { OfflineBanner } from './OfflineBanner.tsx';
import { SendQueueBanner } from './SendQueueBanner.tsx';
import { SessionTimeoutWarning } from './SessionTimeoutWarning.tsx';
import { MAIN_ID, SkipLink } from './SkipLink.tsx';
import { TotpRequiredPrompt } from './TotpRequiredPrompt.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * The signed-in frame. On wide screens the menu is a side bar; on phones it is a drawer behind a burger
 * button, so it traps focus while open and cannot be tabbed into while closed.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const [drawerOpened, drawer] = useDisclosure(false);
  const me = useSignedInMe();
  // On phones the menu, and its task badge, hide behind the burger: a dot there says tasks are waiting.
  const tasksWaiting = useTaskCount(navigationFor(me.user.role).some((item) => item.taskBadge)) > 0;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <SessionTimeoutWarning />
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Indicator hiddenFrom="sm" color="red" size={10} offset={6} disabled={!tasksWaiting}>
              <Burger
                size="sm"
                opened={drawerOpened}
                onClick={drawer.toggle}
                aria-label={t('shell.openMenu')}
                aria-expanded={drawerOpened}
              />
            </Indicator>
            <Logo />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" visibleFrom="sm" aria-label={t('shell.mainNavigation')}>
        <MainNav />
      </AppShell.Navbar>

      <Drawer opened={drawerOpened} onClose={drawer.close} title="TIPNet" size="80%" hiddenFrom="sm">
        <nav aria-label={t('shell.mainNavigation')}>
          <MainNav onNavigate={drawer.close} />
        </nav>
      </Drawer>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <OfflineBanner />
        <SendQueueBanner />
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <TotpRequiredPrompt />
    </AppShell>
  );
}
