import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The small spinner a section shows while its data loads. A bare Loader is a generic element, on which
 * an accessible name is not allowed (axe: aria-prohibited-attr); as a status it is named and announced.
 */
export function SectionLoader() {
  const { t } = useTranslation();
  return <Loader size="sm" role="status" aria-label={t('common.loading')} />;
}
