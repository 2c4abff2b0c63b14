import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useFields } from '../../../lib/useFields.ts';
import { checkEmail, checkRequired, collectErrors } from '../../../lib/validation.ts';
import { useLogin } from '../api/auth.ts';

interface CredentialsFormProps {
  onSignedIn: () => void;
  onTotpRequired: (challenge: string) => void;
}

export function CredentialsForm({ onSignedIn, onTotpRequired }: CredentialsFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useFields({ email: '', password: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = collectErrors({
      email: checkEmail(form.values.email),
      password: checkRequired(form.values.password),
    });
    if (problems) return form.setProblems(problems);
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password },
      {
        onSuccess: (result) => (result.status === 'ok' ? onSignedIn() : onTotpRequired(result.challenge)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={login.error} />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          {...form.field('email')}
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password" ta="center">
          {t('login.forgotPassword')}
        </Anchor>
      </Stack>
    </form>
  );
}
