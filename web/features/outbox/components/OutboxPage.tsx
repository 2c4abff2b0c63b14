import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { OutboxEmailView, OutboxStatus } from '../../../lib/types.ts';
import { useOutbox } from '../api/outbox.ts';
import { EmailDialog } from './EmailDialog.tsx';
import { EmailList } from './EmailList.tsx';
import { OUTBOX_STATUSES } from './OutboxStatusBadge.tsx';

export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus | undefined>(undefined);
  const [opened, setOpened] = useState<OutboxEmailView | null>(null);
  const outbox = useOutbox(status);
  const emails = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <NativeSelect
        label={t('fields.status')}
        value={status ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setStatus(OUTBOX_STATUSES.find((known) => known === value));
        }}
        data={[
          { value: '', label: t('common.all') },
          ...OUTBOX_STATUSES.map((code) => ({ value: code, label: t(`outbox.status.${code}`) })),
        ]}
        maw={260}
      />
      <ErrorAlert error={outbox.error} />
      {outbox.isPending ? (
        <FullPageLoader />
      ) : emails.length === 0 ? (
        <Text role="status">{t('outbox.empty')}</Text>
      ) : (
        <EmailList emails={emails} onOpen={setOpened} />
      )}
      <LoadMoreButton {...outbox} />
      <EmailDialog email={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
