import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Logo() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/" fw={600} fz="xl" underline="never" aria-label={t('shell.homeLink')}>
      TIPNet
    </Anchor>
  );
}
