import { Anchor, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { useEvents } from '../api/forums.ts';
import { EventStateBadge, inLanguage, RegistrationBadge } from './shared.tsx';

/** "Let's Talk TIP" events: upcoming (soonest first) and past; the Centre convenes new ones here. */
export function EventsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSignedInMe();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const events = useEvents(when);
  return (
    <Stack>
      <PageHeader
        title={t('forums.title')}
        description={t('forums.description')}
        actions={
          me.user.role === 'admin' && (
            <Button component={Link} to="/forums/new" leftSection={<IconPlus size={18} />}>
              {t('forums.newEvent')}
            </Button>
          )
        }
      />
      <SegmentedControl
        value={when}
        onChange={(v) => setWhen(v as 'upcoming' | 'past')}
        data={[
          { value: 'upcoming', label: t('forums.upcoming') },
          { value: 'past', label: t('forums.past') },
        ]}
      />
      {events.isPending ? (
        <FullPageLoader />
      ) : events.error ? (
        <ErrorAlert error={events.error} />
      ) : events.data.items.length === 0 ? (
        <Text c="dimmed">{when === 'upcoming' ? t('forums.noUpcoming') : t('forums.noPast')}</Text>
      ) : (
        events.data.items.map((e) => (
          <Card key={e.id} withBorder padding="md">
            <Stack gap={4}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('forums.number', { number: e.number })}
                </Text>
                <EventStateBadge state={e.state} />
                {e.myRegistrationState && <RegistrationBadge state={e.myRegistrationState} />}
              </Group>
              <Anchor component={Link} to={`/forums/${e.id}`} fw={600} size="lg">
                {inLanguage(language, e.titleTh, e.titleEn)}
              </Anchor>
              <Text size="sm">
                <DateTime value={e.startsAt} /> · {t(`forums.formats.${e.format}`)}
                {e.venueTh || e.venueEn ? ` · ${inLanguage(language, e.venueTh, e.venueEn)}` : ''}
              </Text>
            </Stack>
          </Card>
        ))
      )}
    </Stack>
  );
}
