import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { AuditListFilters } from '../../../lib/types.ts';
import { useAuditEvents } from '../api/audit.ts';
import type { AuditNames } from '../labels.ts';
import { AuditEventCards, AuditEventTable } from './AuditEventList.tsx';
import { AuditFilters } from './AuditFilters.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditListFilters>({});
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const names: AuditNames = Object.assign({}, ...(events.data?.pages.map((page) => page.names) ?? []));

  return (
    <Stack>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFilters onApply={setFilters} />
      <ErrorAlert error={events.error} />
      {events.isPending ? (
        <FullPageLoader />
      ) : items.length === 0 ? (
        <Text role="status">{t('audit.empty')}</Text>
      ) : (
        <>
          <AuditEventTable events={items} names={names} />
          <AuditEventCards events={items} names={names} />
        </>
      )}
      <LoadMoreButton {...events} />
    </Stack>
  );
}
