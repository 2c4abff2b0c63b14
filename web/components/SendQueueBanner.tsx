import { Alert } from '@mantine/core';
import { IconCloudUpload, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../lib/session.ts';
import { useOnline, useQueuedSends, useSendQueueRunner } from '../lib/useSendQueue.ts';

/**
 * Above every signed-in page while creates wait to be sent: how many, and, offline, that they go when the
 * connection returns (OfflineBanner says the phone is offline). Runs the send queue (web/lib/send-queue.ts).
 */
export function SendQueueBanner() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  useSendQueueRunner(me.user.id);
  const online = useOnline();
  const waiting = useQueuedSends(me.user.id).filter((item) => !item.failed).length;
  if (waiting === 0) return null;
  return (
    <Alert
      color={online ? 'blue' : 'yellow'}
      variant="light"
      role="status"
      mb="sm"
      py={8}
      icon={online ? <IconCloudUpload aria-hidden /> : <IconWifiOff aria-hidden />}
      data-testid="send-queue-banner"
    >
      {online ? '' : `${t('shell.sendQueue.offline')} `}
      {t('shell.sendQueue.waiting', { count: waiting })}
    </Alert>
  );
}
