import { Alert } from '@mantine/core';
import { IconCloudUpload, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../lib/session.ts';
import { useOnline, useQueuedSends, useSendQueueRunner } from '../lib/useSendQueue.ts';

/**
 * Above every signed-in page: says when the phone is offline and how many creates wait to be sent, and
 * runs the send queue (web/lib/send-queue.ts) that sends them when the connection returns.
 */
export function SendQueueBanner() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  useSendQueueRunner(me.user.id);
  const online = useOnline();
  const waiting = useQueuedSends(me.user.id).filter((item) => !item.failed).length;
  if (online && waiting === 0) return null;
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
      {waiting > 0 && t('shell.sendQueue.waiting', { count: waiting })}
    </Alert>
  );
}
