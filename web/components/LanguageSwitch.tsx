import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, useLanguage } from '../lib/i18n.ts';
import { useChangeLanguage } from '../lib/session.ts';

/** Always visible in the header: each option is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeLanguage = useChangeLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={language}
      onChange={(value) => isLanguage(value) && changeLanguage(value)}
      data={[
        { value: 'th', label: <span lang="th">{t('languages.th')}</span> },
        { value: 'en', label: <span lang="en">{t('languages.en')}</span> },
      ]}
    />
  );
}
