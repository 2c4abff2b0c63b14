import { Button, Group, Modal, NativeSelect, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { isLanguage, useLanguage } from '../../../lib/i18n.ts';
import { organisationName, organisationOptions, useAllOrganisations } from '../../../lib/organisations.ts';
import { isRole } from '../../../lib/roles.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { useFields } from '../../../lib/useFields.ts';
import { checkEmail, checkRequired, collectErrors } from '../../../lib/validation.ts';
import { useCreateInvitation } from '../api/invitations.ts';
import { assignableRoles } from './roles.ts';

export function InviteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('invitations.dialogTitle')} centered>
      {/* Mounted only while open, so every invitation starts from an empty form. */}
      {opened && <InviteForm onDone={onClose} />}
    </Modal>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const language = useLanguage();
  const create = useCreateInvitation();
  const isAdmin = me.user.role === 'admin';
  const form = useFields({
    email: '',
    organisationId: isAdmin ? '' : me.organisation.id,
    role: 'member',
    language: 'th',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = collectErrors({
      email: checkEmail(form.values.email),
      organisationId: checkRequired(form.values.organisationId),
    });
    if (problems) return form.setProblems(problems);
    const { role, language: inviteeLanguage } = form.values;
    if (!isRole(role) || !isLanguage(inviteeLanguage)) return;
    create.mutate(
      {
        email: form.values.email.trim(),
        organisationId: form.values.organisationId,
        role,
        language: inviteeLanguage,
      },
      {
        onSuccess: (invitation) => {
          feedback.success(t('invitations.sent', { email: invitation.email }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          required
          data-autofocus
          {...form.field('email')}
        />
        {isAdmin ? (
          <OrganisationPicker
            value={form.values.organisationId}
            error={form.field('organisationId').error}
            onChange={(id) => form.set('organisationId', id)}
          />
        ) : (
          <TextInput
            label={t('fields.organisation')}
            value={organisationName(me.organisation, language)}
            readOnly
            variant="filled"
          />
        )}
        <NativeSelect
          label={t('fields.role')}
          value={form.values.role}
          onChange={(event) => form.set('role', event.currentTarget.value)}
          data={assignableRoles(me.user.role).map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          description={isRole(form.values.role) ? t(`home.roleExplained.${form.values.role}`) : undefined}
        />
        <NativeSelect
          label={t('invitations.emailLanguage')}
          value={form.values.language}
          onChange={(event) => form.set('language', event.currentTarget.value)}
          data={[
            { value: 'th', label: t('languages.th') },
            { value: 'en', label: t('languages.en') },
          ]}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('invitations.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface OrganisationPickerProps {
  value: string;
  error?: string;
  onChange: (id: string) => void;
}

function OrganisationPicker({ value, error, onChange }: OrganisationPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organisations, isPending } = useAllOrganisations();
  return (
    <Select
      label={t('fields.organisation')}
      placeholder={isPending ? t('common.loading') : t('invitations.chooseOrganisation')}
      data={organisationOptions(organisations, language)}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      error={error}
      searchable
      required
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
