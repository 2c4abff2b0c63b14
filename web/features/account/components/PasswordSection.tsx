import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { Section } from '../../../components/Section.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { useFields } from '../../../lib/useFields.ts';
import {
  checkNewPassword,
  checkPasswordsMatch,
  checkRequired,
  collectErrors,
} from '../../../lib/validation.ts';
import { useChangePassword } from '../api/account.ts';

export function PasswordSection() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useFields({ currentPassword: '', password: '', confirmation: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = collectErrors({
      currentPassword: checkRequired(form.values.currentPassword),
      password: checkNewPassword(form.values.password),
      confirmation: checkPasswordsMatch(form.values.password, form.values.confirmation),
    });
    if (problems) return form.setProblems(problems);
    changePassword.mutate(
      { currentPassword: form.values.currentPassword, newPassword: form.values.password },
      {
        onSuccess: () => {
          form.reset();
          feedback.success(t('settings.passwordChanged'));
        },
      },
    );
  };

  return (
    <Section id="password" title={t('settings.password')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={changePassword.error} />
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            {...form.field('currentPassword')}
          />
          <NewPasswordFields password={form.field('password')} confirmation={form.field('confirmation')} />
          <Group>
            <Button type="submit" loading={changePassword.isPending}>
              {t('settings.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
