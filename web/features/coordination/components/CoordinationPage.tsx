import { Alert, Button, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconInbox, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { COORDINATION_STATES, type CoordinationState } from '../../../../common/coordination-states.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { type UnitView, useInbox, useMyUnits, useOutgoing } from '../api/coordination.ts';
import { unitName } from '../labels.ts';
import { RequestCard } from './RequestCard.tsx';

type Tab = 'inbox' | 'outgoing';
const isState = (value: string | null): value is CoordinationState =>
  (COORDINATION_STATES as readonly string[]).includes(value ?? '');

/** The inboxes of my units and my organisation's requests, each filtered by state; the tab is in the URL. */
export function CoordinationPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const units = useMyUnits();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : null;
  const hasUnits = (units.data?.length ?? 0) > 0;
  const tab: Tab =
    params.get('tab') === 'outgoing' || (!hasUnits && params.get('tab') !== 'inbox') ? 'outgoing' : 'inbox';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  if (units.isPending) return <FullPageLoader />;
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t('coordination.title')}
        description={t('coordination.description')}
        actions={
          me.user.role !== 'observer' && (
            <Button
              component={Link}
              to="/coordination/new"
              leftSection={<IconPlus size={18} aria-hidden />}
              size="md"
            >
              {t('coordination.newRequest')}
            </Button>
          )
        }
      />
      <ErrorAlert error={units.error} />
      <Tabs value={tab} onChange={(value) => setParam('tab', value)} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="inbox" leftSection={<IconInbox size={18} aria-hidden />} py="md">
            {t('coordination.tabs.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="outgoing" leftSection={<IconSend size={18} aria-hidden />} py="md">
            {t('coordination.tabs.outgoing')}
          </Tabs.Tab>
        </Tabs.List>
        <Stack gap="sm" pt="md">
          <StateFilter value={state} onChange={(value) => setParam('state', value)} />
          <Tabs.Panel value="inbox">
            {hasUnits ? (
              <Inboxes units={units.data!} state={state} />
            ) : (
              <Alert variant="light" color="gray" title={t('coordination.noUnits.title')}>
                {t('coordination.noUnits.body')}
              </Alert>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="outgoing">
            <Outgoing state={state} />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </Stack>
  );
}

function StateFilter({
  value,
  onChange,
}: {
  value: CoordinationState | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('coordination.filters.state')}
      placeholder={t('coordination.filters.anyState')}
      data={COORDINATION_STATES.map((s) => ({ value: s, label: t(`coordination.states.${s}`) }))}
      value={value}
      onChange={onChange}
      clearable
      size="md"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function Inboxes({ units, state }: { units: UnitView[]; state: CoordinationState | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [picked, setPicked] = useState<string | null>(null);
  const unit = units.find((u) => u.id === picked) ?? units[0]!;
  return (
    <Stack gap="sm">
      {units.length > 1 ? (
        <Select
          label={t('coordination.filters.unit')}
          data={units.map((u) => ({ value: u.id, label: unitName(u, language) }))}
          value={unit.id}
          onChange={setPicked}
          allowDeselect={false}
          size="md"
          comboboxProps={{ withinPortal: true }}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('coordination.inboxOf', { unit: unitName(unit, language) })}{' '}
          <Text component={Link} to={`/coordination/units/${unit.id}`} size="sm" c="blue" td="underline">
            {t('coordination.unitPage')}
          </Text>
        </Text>
      )}
      <RequestList side="inbox" query={useInbox(unit.id, state)} empty={t('coordination.empty.inbox')} />
    </Stack>
  );
}

function Outgoing({ state }: { state: CoordinationState | null }) {
  const { t } = useTranslation();
  return <RequestList side="outgoing" query={useOutgoing(state)} empty={t('coordination.empty.outgoing')} />;
}

function RequestList({
  side,
  query,
  empty,
}: {
  side: Tab;
  query: ReturnType<typeof useOutgoing>;
  empty: string;
}) {
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  // One clock for the list: the ages do not each read the time while rendering.
  const [now] = useState(() => Date.now());
  if (query.isPending) return <FullPageLoader />;
  return (
    <Stack gap="xs" aria-busy={query.isFetching && !query.isFetchingNextPage ? 'true' : undefined}>
      <ErrorAlert error={query.error} />
      {items.length === 0 && !query.error ? (
        <Text c="dimmed" ta="center" py="xl">
          {empty}
        </Text>
      ) : (
        items.map((request) => <RequestCard key={request.id} request={request} side={side} now={now} />)
      )}
      <LoadMoreButton
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
      />
    </Stack>
  );
}
