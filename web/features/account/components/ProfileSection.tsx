import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { isLanguage, useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useChangeLanguage, useSignedInMe } from '../../../lib/session.ts';
import { useFields } from '../../../lib/useFields.ts';
import { checkRequired } from '../../../lib/validation.ts';
import { useUpdateDisplayName } from '../api/account.ts';

export function ProfileSection() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const language = useLanguage();
  const changeLanguage = useChangeLanguage();
  const updateName = useUpdateDisplayName();
  const form = useFields({ displayName: me.user.displayName });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkRequired(form.values.displayName);
    if (problem) return form.setProblems({ displayName: problem });
    updateName.mutate(form.values.displayName.trim(), {
      onSuccess: () => feedback.success(t('settings.profileSaved')),
    });
  };

  return (
    <Section id="profile" title={t('settings.profile')}>
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('fields.email')}
        </Text>
        <Text>{me.user.email}</Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('fields.organisation')}
        </Text>
        <Text>
          {organisationName(me.organisation, language)} · {t(`roles.${me.user.role}`)}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={updateName.error} />
          <TextInput
            label={t('fields.displayName')}
            autoComplete="name"
            required
            {...form.field('displayName')}
          />
          <Group>
            <Button type="submit" loading={updateName.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <NativeSelect
        label={t('fields.language')}
        description={t('settings.languageHint')}
        data={[
          { value: 'th', label: t('languages.th') },
          { value: 'en', label: t('languages.en') },
        ]}
        value={language}
        onChange={(event) =>
          isLanguage(event.currentTarget.value) && changeLanguage(event.currentTarget.value)
        }
      />
    </Section>
  );
}
