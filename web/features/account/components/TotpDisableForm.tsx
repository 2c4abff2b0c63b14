import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { useFields } from '../../../lib/useFields.ts';
import { checkRequired } from '../../../lib/validation.ts';
import { useDisableTotp } from '../api/account.ts';

/** Turning 2FA off weakens the account, so it asks for the password again. */
export function TotpDisableForm() {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const form = useFields({ password: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkRequired(form.values.password);
    if (problem) return form.setProblems({ password: problem });
    disable.mutate(form.values.password, {
      onSuccess: () => {
        form.reset();
        feedback.success(t('totp.disabled'));
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={disable.error} />
        <PasswordInput
          label={t('password.current')}
          description={t('totp.disableHint')}
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <Group>
          <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
            {t('totp.disable')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
