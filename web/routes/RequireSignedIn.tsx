import { Button, Center, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { applyLanguage } from '../lib/i18n.ts';
import { SignedInMeContext, useMe } from '../lib/session.ts';

/** Lets signed-in users through; sends everyone else to sign in, remembering where they were going. */
export function RequireSignedIn() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const accountLanguage = me.data?.user.language;

  // The account's language wins over the device's, so a user sees the same language on every device.
  useEffect(() => {
    if (accountLanguage) applyLanguage(accountLanguage);
  }, [accountLanguage]);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center mih="60vh" p="md" component="main">
        <Stack>
          <ErrorAlert error={me.error} />
          <Button onClick={() => me.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return (
    <SignedInMeContext value={me.data}>
      <Outlet />
    </SignedInMeContext>
  );
}
