import { Alert, Anchor, Button, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { useFragmentToken } from '../../../lib/fragmentToken.ts';
import { useFields } from '../../../lib/useFields.ts';
import { checkNewPassword, checkPasswordsMatch, collectErrors } from '../../../lib/validation.ts';
import { useConfirmPasswordReset } from '../api/auth.ts';
import { AuthCard } from './AuthCard.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const confirmReset = useConfirmPasswordReset();
  const form = useFields({ password: '', confirmation: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = collectErrors({
      password: checkNewPassword(form.values.password),
      confirmation: checkPasswordsMatch(form.values.password, form.values.confirmation),
    });
    if (problems) return form.setProblems(problems);
    if (token) confirmReset.mutate({ token, password: form.values.password });
  };

  const backToLogin = (
    <Anchor component={Link} to="/login" ta="center">
      {t('common.backToLogin')}
    </Anchor>
  );

  if (!token) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert color="red" role="alert">
          {t('errors.INVALID_TOKEN')}
        </Alert>
        {backToLogin}
      </AuthCard>
    );
  }

  if (confirmReset.isSuccess) {
    return (
      <AuthCard title={t('resetPassword.title')}>
        <Alert color="teal" role="status">
          {t('resetPassword.done')}
        </Alert>
        <Button component={Link} to="/login">
          {t('login.submit')}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('resetPassword.title')} intro={t('resetPassword.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={confirmReset.error} />
          <NewPasswordFields password={form.field('password')} confirmation={form.field('confirmation')} />
          <Button type="submit" loading={confirmReset.isPending} fullWidth>
            {t('resetPassword.submit')}
          </Button>
        </Stack>
      </form>
      {backToLogin}
    </AuthCard>
  );
}
