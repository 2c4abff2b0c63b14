import { Text } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/dates.ts';
import { useLanguage } from '../lib/i18n.ts';
import { useOfflineCopyTime } from '../lib/offline.ts';

/**
 * "Saved copy as of …" when the data for `path` (an API path under /api/v1, with its query) came from
 * this device's offline copy rather than the server: a number to call may have changed since.
 */
export function OfflineCopyNotice({ path }: { path: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cachedAt = useOfflineCopyTime(path);
  if (!cachedAt) return null;
  return (
    <Text size="sm" c="orange.9" fw={600} role="status">
      <IconClockHour4 size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 4 }} />
      {t('shell.offline.asOf', { time: formatDateTime(cachedAt, language) })}
    </Text>
  );
}
