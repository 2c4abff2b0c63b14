import { Alert, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LimitedTextInput } from '../../../components/LimitedText.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { type EventView, useConfirmPromotion, useRegister, useWithdraw } from '../api/forums.ts';
import { RegistrationBadge } from './shared.tsx';
import { TicketQr } from './TicketQr.tsx';

/** My place at the event: register, see where I stand, confirm a promotion, show my ticket, withdraw. */
export function MyRegistration({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const mine = e.myRegistration;
  const withdraw = useWithdraw(e.id);
  const confirm = useConfirmPromotion(e.id);
  const [asking, setAsking] = useState(false);
  const active = mine && ['pending', 'confirmed', 'waitlisted'].includes(mine.state);
  if (!mine || !active) return e.can.register ? <RegisterForm e={e} /> : <Closed e={e} />;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('forums.myRegistration')}
          </Title>
          <RegistrationBadge state={mine.state} />
        </Group>
        {mine.state === 'pending' && <Text>{t('forums.pendingExplained')}</Text>}
        {mine.state === 'waitlisted' && (
          <Text>{t('forums.waitlistExplained', { position: mine.waitlistPosition ?? '?' })}</Text>
        )}
        {mine.confirmBy && (
          <Alert color="orange" title={t('forums.promotedTitle')}>
            <Stack gap="xs">
              <Text>
                {t('forums.confirmBy')} <DateTime value={mine.confirmBy} />
              </Text>
              {e.can.confirmPromotion && (
                <Button
                  loading={confirm.isPending}
                  onClick={() =>
                    sendWithFeedback(confirm, undefined, {
                      success: t('forums.promotionConfirmed'),
                      toastErrors: true,
                    })
                  }
                >
                  {t('forums.confirmPlace')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {mine.ticketCode && (
          <Stack align="center" gap="xs">
            <Text fw={600}>{t('forums.ticket')}</Text>
            <TicketQr code={mine.ticketCode} />
            <Text size="sm" c="dimmed">
              {t('forums.ticketHint')}
            </Text>
          </Stack>
        )}
        {e.can.withdraw && (
          <Button variant="default" color="red" onClick={() => setAsking(true)}>
            {t('forums.withdraw')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking}
        title={t('forums.withdrawTitle')}
        message={t('forums.withdrawMessage')}
        confirmLabel={t('forums.withdraw')}
        danger
        loading={withdraw.isPending}
        error={withdraw.error}
        onClose={() => setAsking(false)}
        onConfirm={() =>
          sendWithFeedback(withdraw, undefined, {
            success: t('forums.withdrawn'),
            done: () => setAsking(false),
          })
        }
      />
    </Card>
  );
}

function Closed({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const state = e.myRegistration?.state;
  if (state === 'rejected') return <Text c="dimmed">{t('forums.rejectedExplained')}</Text>;
  if (e.state === 'cancelled') return <Alert color="red">{t('forums.cancelledExplained')}</Alert>;
  if (e.registrationMode === 'invite_only' && !e.invited && e.state === 'published')
    return <Text c="dimmed">{t('forums.inviteOnly')}</Text>;
  return null;
}

function RegisterForm({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const register = useRegister(e.id);
  const [accepted, setAccepted] = useState(false);
  const [phone, setPhone] = useState('');
  const [dietaryNotes, setDietaryNotes] = useState('');
  const moderated = e.registrationMode === 'moderated' && !e.invited;
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!accepted || dietaryNotes.length > 300) return;
          sendWithFeedback(
            register,
            { phone: phone.trim() || null, dietaryNotes: dietaryNotes.trim() || null },
            {
              success: (v) => t(`forums.registeredAs.${v.myRegistration?.state ?? 'confirmed'}`),
            },
          );
        }}
      >
        <Stack>
          <Title order={2} size="h3">
            {t('forums.register')}
          </Title>
          {moderated && <Text size="sm">{t('forums.moderatedExplained')}</Text>}
          <TextInput
            label={t('forums.phone')}
            description={t('forums.phoneHint')}
            type="tel"
            value={phone}
            onChange={(v) => setPhone(v.currentTarget.value)}
          />
          <LimitedTextInput
            limit={300}
            label={t('forums.dietaryNotes')}
            value={dietaryNotes}
            onChange={(v) => setDietaryNotes(v.currentTarget.value)}
          />
          <Text size="sm" c="dimmed">
            {t('forums.privacy.body')}
          </Text>
          <Checkbox
            label={t('forums.privacy.accept')}
            checked={accepted}
            onChange={(v) => setAccepted(v.currentTarget.checked)}
          />
          <ErrorAlert error={register.error} />
          <Button type="submit" disabled={!accepted} loading={register.isPending}>
            {t('forums.register')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
