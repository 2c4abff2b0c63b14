import { Anchor, Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../../components/Section.tsx';
import { MY_DATA_EXPORT_URL } from '../api/account.ts';

/** PDPA: a copy of everything TIPNet holds about the signed-in person, as one JSON file, and the notice. */
export function MyDataSection() {
  const { t } = useTranslation();
  return (
    <Section id="my-data" title={t('settings.myData')} description={t('settings.myDataDescription')}>
      <Group>
        <Button
          component="a"
          href={MY_DATA_EXPORT_URL}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
        >
          {t('settings.downloadMyData')}
        </Button>
        <Anchor component={Link} to="/privacy">
          {t('settings.privacyNotice')}
        </Anchor>
      </Group>
    </Section>
  );
}
