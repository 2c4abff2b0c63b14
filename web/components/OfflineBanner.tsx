import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../lib/offline.ts';

/** Says plainly, above every page, that the device has no network and what is shown instead. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <Alert color="orange" variant="filled" py={6} mb="sm" icon={<IconWifiOff aria-hidden />} role="status">
      {t('shell.offline.banner')}
    </Alert>
  );
}
