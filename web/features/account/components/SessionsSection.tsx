import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { feedback } from '../../../lib/feedback.ts';
import type { SessionView } from '../../../lib/types.ts';
import { useRevokeSession, useSessions, useSignOutEverywhere } from '../api/account.ts';
import { describeUserAgent } from './deviceName.ts';

export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useSessions();

  return (
    <Section id="sessions" title={t('sessions.title')} description={t('sessions.description')}>
      <ErrorAlert error={sessions.error} />
      {sessions.isPending && <SectionLoader />}
      <Stack gap="sm">
        {sessions.data?.items.map((session) => (
          <SessionRow key={session.id} session={session} />
        ))}
      </Stack>
      <SignOutEverywhere />
    </Section>
  );
}

function SessionRow({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent);

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{device ? t('sessions.device', device) : t('sessions.unknownDevice')}</Text>
            {session.current && (
              <Badge variant="light" color="teal">
                {t('sessions.current')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('sessions.lastSeen')}: <DateTime value={session.lastSeenAt} />
          </Text>
          <Text size="sm" c="dimmed">
            {t('sessions.signedIn')}: <DateTime value={session.createdAt} />
            {session.ip && ` · ${t('sessions.ip')} ${session.ip}`}
          </Text>
          <ErrorAlert error={revoke.error} />
        </Stack>
        {!session.current && (
          <Button
            variant="default"
            size="xs"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(session.id, {
                onSuccess: () => feedback.success(t('sessions.revoked')),
              })
            }
          >
            {t('sessions.revoke')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function SignOutEverywhere() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOutAll = useSignOutEverywhere();
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
          {t('sessions.signOutEverywhere')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('sessions.signOutEverywhere')}
        message={t('sessions.signOutEverywhereConfirm')}
        confirmLabel={t('sessions.signOutEverywhere')}
        danger
        loading={signOutAll.isPending}
        error={signOutAll.error}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          signOutAll.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })
        }
      />
    </>
  );
}
