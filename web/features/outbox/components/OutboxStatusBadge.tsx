import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../../lib/types.ts';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed', 'held'];

const statusColor: Record<OutboxStatus, string> = {
  pending: 'blue',
  sent: 'teal',
  failed: 'red',
  held: 'grape',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} style={{ flexShrink: 0 }}>
      {t(`outbox.status.${status}`)}
    </Badge>
  );
}
