import { Box, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { FullPageLoader } from './FullPageLoader.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Logo } from './Logo.tsx';
import { OfflineBanner } from './OfflineBanner.tsx';
import { MAIN_ID, SkipLink } from './SkipLink.tsx';

/** Frame of the pages used before signing in: sign in, password reset, accepting an invitation. */
export function PublicLayout() {
  return (
    <Box mih="100dvh" bg="gray.0">
      <SkipLink />
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="xs" h={60}>
          <Group h="100%" justify="space-between">
            <Logo />
            <LanguageSwitch />
          </Group>
        </Container>
      </Box>
      <OfflineBanner />
      <Container component="main" id={MAIN_ID} tabIndex={-1} size="xs" py="xl" px="sm">
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
