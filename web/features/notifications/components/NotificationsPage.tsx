import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  type NotificationView,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadCount,
} from '../api/notifications.ts';
import { notificationText, requestLinkText } from './notificationText.ts';

export function NotificationsPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const list = useNotifications(show === 'unread');
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const newest = items[0];

  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.unreadCount', { count: unread })}
        actions={
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markAll.isPending}
            // Only what is on screen: one that arrived a moment ago stays unread until seen.
            onClick={() => markAll.mutate(show === 'all' ? newest?.id : undefined)}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <SegmentedControl
        value={show}
        onChange={(v) => setShow(v as 'all' | 'unread')}
        data={[
          { value: 'all', label: t('notifications.showAll') },
          { value: 'unread', label: t('notifications.showUnread') },
        ]}
        maw={360}
      />
      <ErrorAlert error={list.error ?? markAll.error} />
      {list.isPending && <SectionLoader />}
      {!list.isPending && items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((n) => (
          <NotificationRow key={n.id} n={n} />
        ))}
      </Stack>
      <LoadMoreButton
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </Stack>
  );
}

function NotificationRow({ n }: { n: NotificationView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const markRead = useMarkRead();
  const unread = !n.readAt;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      bg={unread ? 'blue.0' : undefined}
      style={
        unread ? { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-color-blue-6)' } : {}
      }
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <Text fw={unread ? 700 : 400}>{notificationText(t, language, n)}</Text>
          {unread && (
            <Badge color="blue" variant="filled" size="sm" style={{ flexShrink: 0 }}>
              {t('notifications.new')}
            </Badge>
          )}
        </Group>
        <Anchor
          component={Link}
          to={n.request ? `/coordination/requests/${n.request.id}` : `/problems/${n.problem?.id}`}
          onClick={() => unread && markRead.mutate(n.id)}
          lineClamp={2}
        >
          {n.request ? requestLinkText(language, n.request) : n.problem?.title}
        </Anchor>
        <Group gap="xs" justify="space-between">
          <Text size="sm" c="dimmed">
            <DateTime value={n.createdAt} /> · {t(`notifications.reasons.${n.reason}`)}
          </Text>
          {unread && (
            <Button
              variant="subtle"
              size="compact-sm"
              loading={markRead.isPending}
              onClick={() => markRead.mutate(n.id)}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
