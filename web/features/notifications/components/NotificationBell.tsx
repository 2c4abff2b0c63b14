import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveUnreadCount, useUnreadCount } from '../api/notifications.ts';

/** The header bell: unread count kept live over Server-Sent Events, a link to the notification page. */
export function NotificationBell() {
  const { t } = useTranslation();
  useLiveUnreadCount();
  const unread = useUnreadCount();
  return (
    <ActionIcon
      component={Link}
      to="/notifications"
      variant="subtle"
      color="gray"
      size="lg"
      // The link's name carries the count; the badge inside is only drawn.
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
    >
      <Indicator
        color="red"
        size={16}
        offset={2}
        label={unread > 99 ? '99+' : unread}
        disabled={unread === 0}
        styles={{ indicator: { fontSize: 10, fontWeight: 700 } }}
      >
        <IconBell size={22} aria-hidden />
      </Indicator>
    </ActionIcon>
  );
}
