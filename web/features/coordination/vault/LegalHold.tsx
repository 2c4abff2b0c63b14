/**
 * A vault's legal hold: while set, the 90-day purge leaves the contents alone (a court case needs them).
 * Everyone who sees the vault sees the hold, its reason, who set it and when; the Centre and the
 * requesting organisation's data-protection focal point set and lift it, always with a reason.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VAULT_LIMITS } from '../../../../common/coordination-vault-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextarea } from '../../../components/LimitedText.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useLegalHold, type VaultView } from './api.ts';

const MIN_REASON = 3;

export function LegalHoldNotice({ hold }: { hold: NonNullable<VaultView['legalHold']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconGavel aria-hidden />}
      title={t('coordinationVault.hold.title')}
      data-testid="legal-hold"
    >
      <Stack gap={2}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {hold.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('coordinationVault.hold.since', {
            name: hold.by?.displayName ?? '—',
            at: formatDateTime(hold.at, language),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}

/** Set the hold, or lift it: one form, the reason required either way (it goes in the audit log). */
export function LegalHoldForm({ requestId, held }: { requestId: string; held: boolean }) {
  const { t } = useTranslation();
  const send = useLegalHold(requestId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= MIN_REASON && !anyTooLong([[reason, VAULT_LIMITS.reason]]);
  const action = held ? t('coordinationVault.hold.lift') : t('coordinationVault.hold.set');
  if (!open)
    return (
      <Button
        variant="light"
        color="grape"
        size="xs"
        onClick={() => setOpen(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {action}
      </Button>
    );
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={action}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        sendWithFeedback(
          send,
          { hold: !held, reason: reason.trim() },
          {
            success: held ? t('coordinationVault.hold.lifted') : t('coordinationVault.hold.done'),
            done: () => {
              setReason('');
              setOpen(false);
            },
          },
        );
      }}
    >
      <Text size="sm">
        {held ? t('coordinationVault.hold.liftHint') : t('coordinationVault.hold.setHint')}
      </Text>
      <LimitedTextarea
        label={held ? t('coordinationVault.hold.reasonLift') : t('coordinationVault.hold.reasonSet')}
        required
        limit={VAULT_LIMITS.reason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ErrorAlert error={send.error} />
      <Group gap="xs">
        <Button type="submit" color="grape" loading={send.isPending} disabled={!valid}>
          {action}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
