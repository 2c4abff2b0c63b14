import { Alert, Badge, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/Section.tsx';
import { TWO_FACTOR_SECTION } from '../../../components/TotpRequiredPrompt.tsx';
import { useSignedInMe } from '../../../lib/session.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { TotpDisableForm } from './TotpDisableForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

export function TwoFactorSection() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  // Kept here, not in the enrolment step: once 2FA is on, the codes must stay visible until dismissed.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { totpEnabled, totpRequired } = me.user;

  return (
    <Section id={TWO_FACTOR_SECTION} title={t('totp.title')} description={t('totp.description')}>
      <Group>
        <Badge variant="light" color={totpEnabled ? 'teal' : 'gray'}>
          {totpEnabled ? t('totp.on') : t('totp.off')}
        </Badge>
      </Group>
      {totpRequired && !totpEnabled && (
        <Alert color="orange" title={t('totpRequired.title')}>
          {t('totpRequired.body')}
        </Alert>
      )}
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : totpEnabled ? (
        <TotpDisableForm />
      ) : (
        <TotpEnrolment onEnrolled={setRecoveryCodes} />
      )}
    </Section>
  );
}
