import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  useScrollToHashSection();
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('settings.title')} />
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
    </Stack>
  );
}

/** The 2FA prompt links to `/settings#two-factor`; client-side navigation does not scroll there itself. */
function useScrollToHashSection() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(hash.slice(1));
    target?.scrollIntoView();
    target?.querySelector<HTMLElement>('button, input')?.focus({ preventScroll: true });
  }, [hash]);
}
