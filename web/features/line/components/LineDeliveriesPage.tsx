import { Alert, Badge, Button, Group, NativeSelect, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_DELIVERY_STATUSES } from '../../../../common/line-api.ts';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import {
  type LineDelivery,
  type LineDeliveryStatus,
  useLineDeliveries,
  useLineQuota,
  useRetryLineDelivery,
} from '../api/line.ts';

const statusColor: Record<LineDeliveryStatus, string> = {
  pending: 'blue',
  sent: 'teal',
  failed: 'red',
  digest: 'grape',
  digested: 'gray',
};

/** The Centre's LINE page: this month's quota (warned at 80 %), the backlog, and recent deliveries. */
export function LineDeliveriesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<LineDeliveryStatus | undefined>(undefined);
  const deliveries = useLineDeliveries(status);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <PageHeader title={t('lineDeliveries.title')} description={t('lineDeliveries.description')} />
      <QuotaCard />
      <NativeSelect
        label={t('fields.status')}
        value={status ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setStatus(LINE_DELIVERY_STATUSES.find((known) => known === value));
        }}
        data={[
          { value: '', label: t('common.all') },
          ...LINE_DELIVERY_STATUSES.map((code) => ({
            value: code,
            label: t(`lineDeliveries.status.${code}`),
          })),
        ]}
        maw={260}
      />
      <ErrorAlert error={deliveries.error} />
      {deliveries.isPending ? (
        <FullPageLoader />
      ) : items.length === 0 ? (
        <Text role="status">{t('lineDeliveries.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} />
          ))}
        </Stack>
      )}
      <LoadMoreButton {...deliveries} />
    </Stack>
  );
}

function QuotaCard() {
  const { t } = useTranslation();
  const quota = useLineQuota();
  if (quota.error) return <ErrorAlert error={quota.error} />;
  if (!quota.data) return null;
  const q = quota.data;
  if (!q.configured) return <Alert color="gray">{t('lineDeliveries.notConfigured')}</Alert>;
  const share = q.limit && q.used !== null ? Math.min(100, Math.round((q.used / q.limit) * 100)) : null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={700}>{t('lineDeliveries.quotaTitle')}</Text>
        {q.used === null ? (
          <Text size="sm">{t('lineDeliveries.quotaUnknown')}</Text>
        ) : q.limit === null ? (
          <Text size="sm">{t('lineDeliveries.quotaUnlimited', { used: q.used })}</Text>
        ) : (
          <>
            <Text size="sm">{t('lineDeliveries.quotaUsed', { used: q.used, limit: q.limit, share })}</Text>
            <Progress
              value={share ?? 0}
              color={q.warn ? 'red' : 'teal'}
              aria-label={t('lineDeliveries.quotaTitle')}
            />
          </>
        )}
        {q.warn && (
          <Alert color="red" role="alert" title={t('lineDeliveries.quotaWarnTitle')}>
            {t('lineDeliveries.quotaWarn')}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('lineDeliveries.backlog', { pending: q.pending, failed: q.failed })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Kind, recipient and how delivery went; never the text, which may only be read on the recipient's phone. */
function DeliveryItem({ delivery }: { delivery: LineDelivery }) {
  const { t } = useTranslation();
  const retry = useRetryLineDelivery();
  return (
    <li>
      <Paper withBorder p="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600}>{t(`lineDeliveries.kinds.${delivery.kind}`)}</Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('lineDeliveries.to')}: {delivery.recipient.displayName}
            </Text>
            <Text size="sm" c="dimmed">
              <DateTime value={delivery.createdAt} /> ·{' '}
              {t('lineDeliveries.attempts', { count: delivery.attempts })}
            </Text>
            {delivery.lastError && (
              <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                {t('lineDeliveries.lastError')}: {delivery.lastError}
              </Text>
            )}
          </div>
          <Badge variant="light" color={statusColor[delivery.status]} c="dark.7" style={{ flexShrink: 0 }}>
            {t(`lineDeliveries.status.${delivery.status}`)}
          </Badge>
        </Group>
        {delivery.status === 'failed' &&
          (delivery.recipientLinked ? (
            <Button
              mt="xs"
              size="xs"
              variant="default"
              loading={retry.isPending}
              onClick={() =>
                sendWithFeedback(retry, delivery.id, {
                  success: t('lineDeliveries.retried'),
                  toastErrors: true,
                })
              }
            >
              {t('lineDeliveries.retry')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed" mt="xs">
              {t('lineDeliveries.cannotRetry')}
            </Text>
          ))}
      </Paper>
    </li>
  );
}
