import { PasswordInput, Stack } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../lib/validation.ts';

interface FieldProps {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string;
}

/** A new password typed twice, with the length rule stated up front rather than discovered by failing. */
export function NewPasswordFields({
  password,
  confirmation,
}: {
  password: FieldProps;
  confirmation: FieldProps;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PasswordInput
        label={t('password.new')}
        description={t('password.rule', { count: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordInput label={t('password.confirm')} autoComplete="new-password" required {...confirmation} />
    </Stack>
  );
}
