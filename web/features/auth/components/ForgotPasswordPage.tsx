import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFields } from '../../../lib/useFields.ts';
import { checkEmail } from '../../../lib/validation.ts';
import { useRequestPasswordReset } from '../api/auth.ts';
import { AuthCard } from './AuthCard.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const requestReset = useRequestPasswordReset();
  const form = useFields({ email: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkEmail(form.values.email);
    if (problem) return form.setProblems({ email: problem });
    requestReset.mutate(form.values.email.trim());
  };

  return (
    <AuthCard title={t('forgotPassword.title')} intro={t('forgotPassword.intro')}>
      {requestReset.isSuccess ? (
        // The server answers the same whether or not the address exists, so we cannot say more.
        <Alert color="blue" role="status">
          {t('forgotPassword.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorAlert error={requestReset.error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              {...form.field('email')}
            />
            <Button type="submit" loading={requestReset.isPending} fullWidth>
              {t('forgotPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" ta="center">
        {t('common.backToLogin')}
      </Anchor>
    </AuthCard>
  );
}
