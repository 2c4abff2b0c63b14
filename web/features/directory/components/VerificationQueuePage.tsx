import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconRosetteDiscountCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type Labels,
  useLabels,
  useReverify,
  useVerificationQueue,
  type VerificationChange,
  type VerificationQueueItem,
} from '../api/directory.ts';
import { personName } from './shared.tsx';

/**
 * The Centre's review of entries whose contacts changed after it verified them: each changed field with
 * the value it verified and the value now, and one button to verify the entry again.
 */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  const queue = useVerificationQueue();
  return (
    <Stack gap="md">
      <PageHeader
        title={t('directory.verification.title')}
        description={t('directory.verification.description')}
      />
      <ErrorAlert error={queue.error} />
      {queue.isPending ? (
        <FullPageLoader />
      ) : queue.data && queue.data.items.length === 0 ? (
        <Group gap={6} role="status">
          <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text>{t('directory.verification.empty')}</Text>
        </Group>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {queue.data?.items.map((item) => (
            <QueueItem key={item.organisation.id} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function QueueItem({ item }: { item: VerificationQueueItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const reverify = useReverify();
  const name = organisationName(item.organisation, language);
  const run = () =>
    reverify.mutate(item, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('directory.org.verifiedDone') }),
    });
  return (
    <Box
      component="li"
      p="sm"
      aria-label={name}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Stack gap="xs">
        <div>
          <Anchor component={Link} to={`/organisations/${item.organisation.id}`} fw={600}>
            {name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('directory.verification.verifiedOn')} <DateTime value={item.verifiedAt} /> ·{' '}
            {t('directory.verification.changedOn')} <DateTime value={item.changedAt} />
          </Text>
        </div>
        {item.changes.map((change) => (
          <ChangeRow key={`${change.person?.id ?? ''}${change.field}`} change={change} labels={labels} />
        ))}
        {reverify.error && <ErrorAlert error={reverify.error} />}
        <Button
          leftSection={<IconRosetteDiscountCheck size={18} aria-hidden />}
          loading={reverify.isPending}
          onClick={run}
          style={{ alignSelf: 'flex-start' }}
          aria-label={`${t('directory.verification.reverify')}: ${name}`}
        >
          {t('directory.verification.reverify')}
        </Button>
      </Stack>
    </Box>
  );
}

function ChangeRow({ change, labels }: { change: VerificationChange; labels: Labels }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const field = fieldLabel(change.field, labels, t);
  return (
    <Box p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      <Text size="sm" fw={600}>
        {change.person ? `${personName(change.person, language)} · ${field}` : field}
      </Text>
      <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
        {t('directory.verification.atVerification')}{' '}
        {change.atVerification ?? t('directory.verification.none')}
      </Text>
      <Text size="sm" c="teal.9" style={{ overflowWrap: 'anywhere' }}>
        {t('directory.verification.current')} {change.current ?? t('directory.verification.none')}
      </Text>
    </Box>
  );
}

function fieldLabel(field: string, labels: Labels, t: TFunction): string {
  if (field.startsWith('contact:')) return labels.of(field.slice('contact:'.length), 'contactTypes');
  switch (field) {
    case 'website':
      return t('directory.verification.fields.website');
    case 'address':
      return t('directory.verification.fields.address');
    case 'officeHours':
      return t('directory.verification.fields.officeHours');
    case 'afterHoursContact':
      return t('directory.verification.fields.afterHoursContact');
    case 'phones':
      return t('directory.verification.fields.phones');
    case 'email':
      return t('directory.verification.fields.email');
    case 'lineId':
      return t('directory.verification.fields.lineId');
    default:
      return field;
  }
}
