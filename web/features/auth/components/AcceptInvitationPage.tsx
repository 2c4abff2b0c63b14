import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PRIVACY_NOTICE_VERSION } from '../../../../common/privacy-notice.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { NewPasswordFields } from '../../../components/NewPasswordFields.tsx';
import { PrivacyNotice } from '../../../components/PrivacyNotice.tsx';
import { useFragmentToken } from '../../../lib/fragmentToken.ts';
import { applyLanguage, isLanguage, useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { InvitationPreview } from '../../../lib/types.ts';
import { useFields } from '../../../lib/useFields.ts';
import {
  checkNewPassword,
  checkPasswordsMatch,
  checkRequired,
  collectErrors,
} from '../../../lib/validation.ts';
import { useAcceptInvitation, useInvitationPreview } from '../api/auth.ts';
import { AuthCard } from './AuthCard.tsx';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const preview = useInvitationPreview(token);

  return (
    <AuthCard title={t('acceptInvitation.title')}>
      {!token ? (
        <ErrorAlertText text={t('errors.INVALID_TOKEN')} />
      ) : preview.isPending ? (
        <Group justify="center" role="status" aria-label={t('common.loading')}>
          <Loader />
        </Group>
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} />
      ) : (
        <>
          <InvitationSummary invitation={preview.data} />
          <AcceptInvitationForm token={token} />
        </>
      )}
      {(!token || preview.isError) && (
        <Anchor component={Link} to="/login" ta="center">
          {t('common.backToLogin')}
        </Anchor>
      )}
    </AuthCard>
  );
}

function ErrorAlertText({ text }: { text: string }) {
  return (
    <Alert color="red" role="alert">
      {text}
    </Alert>
  );
}

function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Paper bg="blue.0" p="md" radius="md">
      <Text>{t('acceptInvitation.invitedAs')}</Text>
      <Text fw={600}>{organisationName(invitation.organisation, language)}</Text>
      <Text>
        {t('fields.role')}: {t(`roles.${invitation.role}`)}
      </Text>
      <Text>
        {t('fields.email')}: {invitation.email}
      </Text>
    </Paper>
  );
}

function AcceptInvitationForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const currentLanguage = useLanguage();
  const accept = useAcceptInvitation();
  const form = useFields({ displayName: '', password: '', confirmation: '', language: currentLanguage });
  const [noticeAccepted, setNoticeAccepted] = useState(false);
  const [noticeMissing, setNoticeMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = collectErrors({
      displayName: checkRequired(form.values.displayName),
      password: checkNewPassword(form.values.password),
      confirmation: checkPasswordsMatch(form.values.password, form.values.confirmation),
    });
    setNoticeMissing(!noticeAccepted);
    if (problems) return form.setProblems(problems);
    if (!noticeAccepted) return;
    const language = isLanguage(form.values.language) ? form.values.language : currentLanguage;
    accept.mutate(
      {
        token,
        displayName: form.values.displayName.trim(),
        password: form.values.password,
        language,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      },
      {
        onSuccess: () => {
          applyLanguage(language);
          navigate('/', { replace: true });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={accept.error} />
        <TextInput
          label={t('fields.displayName')}
          autoComplete="name"
          required
          {...form.field('displayName')}
        />
        <NewPasswordFields password={form.field('password')} confirmation={form.field('confirmation')} />
        <NativeSelect
          label={t('fields.language')}
          data={[
            { value: 'th', label: t('languages.th') },
            { value: 'en', label: t('languages.en') },
          ]}
          value={form.values.language}
          onChange={(event) => form.set('language', event.currentTarget.value)}
        />
        <Stack gap="xs">
          <Text fw={600} id="privacy-notice-title">
            {t('acceptInvitation.noticeTitle')}
          </Text>
          {/* Scrolls inside the form so the phone user still sees the checkbox and the button below it. */}
          <Paper withBorder radius="md" p={0}>
            <ScrollArea.Autosize
              mah={280}
              type="auto"
              p="sm"
              // Focusable, so a keyboard can scroll it; named, so a screen reader says what it is.
              viewportProps={{ tabIndex: 0, role: 'region', 'aria-labelledby': 'privacy-notice-title' }}
            >
              <PrivacyNotice />
            </ScrollArea.Autosize>
          </Paper>
          <Anchor component={Link} to="/privacy" target="_blank" size="sm">
            {t('acceptInvitation.openNotice')}
          </Anchor>
          <Checkbox
            label={t('acceptInvitation.acceptNotice')}
            checked={noticeAccepted}
            onChange={(event) => {
              setNoticeAccepted(event.currentTarget.checked);
              setNoticeMissing(false);
            }}
            error={noticeMissing ? t('acceptInvitation.noticeRequired') : undefined}
            required
          />
        </Stack>
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('acceptInvitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
