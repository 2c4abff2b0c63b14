import { Alert } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../../lib/session.ts';
import { clearSessionExpiredNotice, sessionExpiredNotice } from '../../../lib/session-expiry.ts';
import { AuthCard } from './AuthCard.tsx';
import { CredentialsForm } from './CredentialsForm.tsx';
import { TotpForm } from './TotpForm.tsx';

/** Where the guard wanted to send the user before asking them to sign in. */
function useReturnPath(): string {
  const state = useLocation().state as { from?: string } | null;
  return state?.from?.startsWith('/') ? state.from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const [challenge, setChallenge] = useState<string | null>(null);

  if (me) return <Navigate to={returnPath} replace />;

  const signedIn = () => {
    clearSessionExpiredNotice();
    navigate(returnPath, { replace: true });
  };
  const expired = sessionExpiredNotice() && (
    <Alert color="yellow" variant="light" icon={<IconClockExclamation aria-hidden />} role="status">
      {t('login.sessionExpired')}
    </Alert>
  );

  return challenge ? (
    <AuthCard title={t('login.totpTitle')} intro={t('login.totpIntro')}>
      <TotpForm challenge={challenge} onSignedIn={signedIn} onCancel={() => setChallenge(null)} />
    </AuthCard>
  ) : (
    <AuthCard title={t('login.title')} intro={t('login.intro')}>
      {expired}
      <CredentialsForm onSignedIn={signedIn} onTotpRequired={setChallenge} />
    </AuthCard>
  );
}
