import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { type EventView, useCancelEvent, usePublishEvent } from '../api/forums.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { InvitationsSection } from './InvitationsSection.tsx';
import { RegistrantsSection } from './RegistrantsSection.tsx';

/** The Centre's tools for one event: edit, publish, cancel, the agenda, invitations and registrants. */
export function CentrePanel({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const publish = usePublishEvent(e.id);
  const cancel = useCancelEvent(e.id);
  const [cancelling, setCancelling] = useState(false);
  const open = e.state === 'draft' || e.state === 'published';
  return (
    <Stack>
      <Card withBorder>
        <Stack>
          <Title order={2} size="h3">
            {t('forums.centreTools')}
          </Title>
          <Group>
            {open && (
              <Button component={Link} to={`/forums/${e.id}/edit`} variant="default">
                {t('forums.edit')}
              </Button>
            )}
            {e.state === 'draft' && (
              <Button
                loading={publish.isPending}
                onClick={() =>
                  sendWithFeedback(publish, e.version, { success: t('forums.published'), toastErrors: true })
                }
              >
                {t('forums.publish')}
              </Button>
            )}
            {open && (
              <Button color="red" variant="light" onClick={() => setCancelling(true)}>
                {t('forums.cancelEvent')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      {open && <AgendaEditor e={e} />}
      {open && <InvitationsSection eventId={e.id} />}
      <RegistrantsSection eventId={e.id} />
      <ConfirmDialog
        opened={cancelling}
        title={t('forums.cancelTitle')}
        message={t('forums.cancelMessage')}
        confirmLabel={t('forums.cancelEvent')}
        danger
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(false)}
        onConfirm={() =>
          sendWithFeedback(cancel, e.version, {
            success: t('forums.cancelled'),
            done: () => setCancelling(false),
          })
        }
      />
    </Stack>
  );
}
