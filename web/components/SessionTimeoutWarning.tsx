import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatTime } from '../lib/dates.ts';
import { useLanguage } from '../lib/i18n.ts';
import { useEndExpiredSession, useExtendSession, useSignOut } from '../lib/session.ts';
import { useSessionExpiresAt } from '../lib/session-expiry.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** How long before the end the user is asked (GOV.UK: long enough to read and decide on a phone). */
export const WARN_BEFORE_MS = 2 * 60_000;

type Phase = 'active' | 'warning' | 'expired';

/** Follows the session's end as the server last said it: 'warning' shortly before, then 'expired'. */
function useSessionPhase(expiresAt: number | null): Phase {
  const [phase, setPhase] = useState<Phase>('active');
  useEffect(() => {
    if (expiresAt === null) return setPhase('active');
    const phaseNow = (): Phase => {
      const left = expiresAt - Date.now();
      return left <= 0 ? 'expired' : left <= WARN_BEFORE_MS ? 'warning' : 'active';
    };
    setPhase(phaseNow());
    const timers = [expiresAt - WARN_BEFORE_MS, expiresAt].map((at) =>
      setTimeout(() => setPhase(phaseNow()), Math.max(0, at - Date.now()) + 50),
    );
    return () => timers.forEach(clearTimeout);
  }, [expiresAt]);
  return phase;
}

/**
 * The GOV.UK timeout warning: a dialog before the session ends, saying when, with "stay signed in"
 * (which renews the session on the server) and "sign out". Left unanswered, the session is ended and the
 * user is sent to sign in; what they were typing is kept as a draft.
 */
export function SessionTimeoutWarning() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const expiresAt = useSessionExpiresAt();
  const phase = useSessionPhase(expiresAt);
  const extend = useExtendSession();
  const signOut = useSignOut();
  const endExpired = useEndExpiredSession();

  useEffect(() => {
    if (phase === 'expired') endExpired();
  }, [phase, endExpired]);

  // Renewed, yet still about to end: the session's absolute limit (SESSION_ABSOLUTE_HOURS) is near, and
  // only signing in again helps. The user may close the warning to finish what they are typing.
  const { reset } = extend;
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (phase !== 'warning') {
      reset();
      setDismissed(false);
    }
  }, [phase, reset]);
  const atLimit = extend.isSuccess && phase === 'warning';

  const stay = () => {
    if (atLimit) setDismissed(true);
    else if (!extend.isPending) extend.mutate();
  };
  const leave = () => signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Modal
      opened={phase === 'warning' && !dismissed}
      // Escape and the close button mean "stay": closing the warning must never cost the session.
      onClose={stay}
      closeOnClickOutside={false}
      title={t('shell.sessionTimeout.title')}
      aria-describedby="session-timeout-body"
      centered
    >
      <Stack>
        <Text id="session-timeout-body" role="status">
          {expiresAt !== null &&
            t(atLimit ? 'shell.sessionTimeout.limit' : 'shell.sessionTimeout.body', {
              time: formatTime(expiresAt, language),
            })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('shell.sessionTimeout.draftsKept')}
        </Text>
        <ErrorAlert error={extend.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={leave} loading={signOut.isPending}>
            {t('shell.signOut')}
          </Button>
          {atLimit ? (
            <Button onClick={stay} data-autofocus>
              {t('common.close')}
            </Button>
          ) : (
            <Button onClick={stay} loading={extend.isPending} data-autofocus>
              {t('shell.sessionTimeout.stay')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
