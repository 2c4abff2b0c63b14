import { Stack } from '@mantine/core';
import { Fragment, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useFeatureSections } from '../../../lib/feature-sections.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { MyDataSection } from './MyDataSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const otherSections = useFeatureSections('settings', me.user.role);
  useScrollToHashSection();
  // Until a required 2FA enrolment is done the server refuses everything else, so show only what works.
  // Sections keep their places in the tree: the 2FA section must not remount while showing recovery codes.
  const mustEnrol = me.user.totpRequired && !me.user.totpEnabled;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('settings.title')} />
      <ProfileSection />
      {!mustEnrol && <PasswordSection />}
      <TwoFactorSection />
      {!mustEnrol && <SessionsSection />}
      {!mustEnrol && <MyDataSection />}
      {!mustEnrol && (
        <Suspense fallback={null}>
          {otherSections.map((section) => (
            <Fragment key={section.key}>{section.element}</Fragment>
          ))}
        </Suspense>
      )}
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
