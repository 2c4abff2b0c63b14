import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_SECTIONS, PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice.ts';
import { CALENDAR_FORMATS, formatCalendarDate } from '../lib/calendar.ts';
import { useLanguage } from '../lib/i18n.ts';

/** The PDPA privacy notice, in the UI language; its version is the date it took effect (Buddhist Era in Thai). */
export function PrivacyNotice({ headingOrder = 3 }: { headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm" data-testid="privacy-notice">
      <Text size="sm">{t('privacyNotice.intro')}</Text>
      {PRIVACY_NOTICE_SECTIONS.map((section) => (
        <div key={section}>
          <Title order={headingOrder} fz="md">
            {t(`privacyNotice.${section}.title`)}
          </Title>
          <Text size="sm">{t(`privacyNotice.${section}.body`)}</Text>
        </div>
      ))}
      <Text size="xs" c="dimmed">
        {t('privacyNotice.version', {
          date: formatCalendarDate(PRIVACY_NOTICE_VERSION, CALENDAR_FORMATS[language].day, language),
        })}
      </Text>
    </Stack>
  );
}
