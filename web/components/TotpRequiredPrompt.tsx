import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSignedInMe, useSignOut } from '../lib/session.ts';

export const TWO_FACTOR_SECTION = 'two-factor';

/**
 * Administrators in production must use two-factor sign-in; until they enrol, every page except the
 * settings page is covered by this prompt.
 */
export function TotpRequiredPrompt() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const handleSignOut = () =>
    signOut.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  const blocking = me.user.totpRequired && !me.user.totpEnabled && pathname !== '/settings';

  return (
    <Modal
      opened={blocking}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      title={t('totpRequired.title')}
    >
      <Stack>
        <Text>{t('totpRequired.body')}</Text>
        <Button component={Link} to={`/settings#${TWO_FACTOR_SECTION}`}>
          {t('totpRequired.action')}
        </Button>
        <Button variant="default" loading={signOut.isPending} onClick={handleSignOut}>
          {t('shell.signOut')}
        </Button>
      </Stack>
    </Modal>
  );
}
