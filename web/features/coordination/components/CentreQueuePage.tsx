import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { useCentreQueue } from '../api/roster.ts';

/** The Centre's queue: requests whose escalation reached the Centre and that nobody has acknowledged. */
export function CentreQueuePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queue = useCentreQueue();
  if (queue.isPending) return <FullPageLoader />;
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('oncall.centre.title')} description={t('oncall.centre.description')} />
      <ErrorAlert error={queue.error} />
      {queue.data?.items.length === 0 && <Text c="dimmed">{t('oncall.centre.empty')}</Text>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {queue.data?.items.map((item) => (
          <Paper key={item.id} withBorder p="sm" radius="md" component="li">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600} component={Link} to={`/coordination/requests/${item.request.id}`}>
                {language === 'th' ? item.request.unitNameTh : item.request.unitNameEn}
              </Text>
              <Badge color={item.request.urgency === 'critical' ? 'red' : 'orange'}>
                {t(`oncall.urgency.${item.request.urgency}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('oncall.centre.escalatedAt')} <DateTime value={item.firedAt} />
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
