import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader.tsx';

/** Where a missing record's page sends the reader back to: its list. */
export type BackToList = { to: string; label: string };

/** A page or record that does not exist, or that the reader may not see: a way back, never a dead end. */
export function NotFoundPage({ back }: { back?: BackToList }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('notFound.title')} />
      <Text>{t('notFound.body')}</Text>
      <Group gap="sm">
        {back && (
          <Button component={Link} to={back.to}>
            {back.label}
          </Button>
        )}
        <Button component={Link} to="/" variant={back ? 'default' : 'filled'}>
          {t('notFound.home')}
        </Button>
      </Group>
    </Stack>
  );
}
