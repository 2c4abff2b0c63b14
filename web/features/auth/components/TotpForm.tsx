import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFields } from '../../../lib/useFields.ts';
import { useLoginWithTotp } from '../api/auth.ts';

interface TotpFormProps {
  challenge: string;
  onSignedIn: () => void;
  onCancel: () => void;
}

/** Second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function TotpForm({ challenge, onSignedIn, onCancel }: TotpFormProps) {
  const { t } = useTranslation();
  const verify = useLoginWithTotp();
  const form = useFields({ code: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = form.values.code.trim();
    if (code.length < 6) return form.setProblems({ code: 'validation.totpCode' });
    verify.mutate({ challenge, code }, { onSuccess: (result) => result.status === 'ok' && onSignedIn() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={verify.error} />
        <TextInput
          label={t('login.totpCode')}
          description={t('login.totpCodeHint')}
          autoComplete="one-time-code"
          autoFocus
          required
          {...form.field('code')}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onCancel}>
            {t('common.back')}
          </Button>
          <Button type="submit" loading={verify.isPending}>
            {t('login.verify')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
