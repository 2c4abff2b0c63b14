import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Fragment, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navigationFor } from '../../../components/navigation.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useFeatureSections } from '../../../lib/feature-sections.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';

export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const language = useLanguage();
  const featureSections = useFeatureSections('home', me.user.role);
  const shortcuts = navigationFor(me.user.role).filter(
    (item) => item.path !== '/' && item.path !== '/finder',
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('home.welcome', { name: me.user.displayName })} />
      <Card withBorder padding="md" bg="red.0">
        <Stack gap="xs">
          <Text fw={600} size="lg">
            {t('home.finderTitle')}
          </Text>
          <Text size="sm">{t('nav.finderDescription')}</Text>
          <Button
            component={Link}
            to="/finder"
            color="red.9"
            size="md"
            leftSection={<IconLifebuoy size={20} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('nav.finder')}
          </Button>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('home.yourOrganisation')}
          </Text>
          <Text fw={600} size="lg">
            {organisationName(me.organisation, language)}
          </Text>
          <Group gap="xs">
            <Badge variant="light">{t(`roles.${me.user.role}`)}</Badge>
            <Badge variant="light" color="gray">
              {t(`sectors.${me.organisation.sector}`)}
            </Badge>
          </Group>
          <Text size="sm" mt="xs">
            {t(`home.roleExplained.${me.user.role}`)}
          </Text>
        </Stack>
      </Card>

      <Suspense fallback={null}>
        {featureSections.map((section) => (
          <Fragment key={section.key}>{section.element}</Fragment>
        ))}
      </Suspense>

      <section aria-labelledby="shortcuts-heading">
        <Title order={2} fz="h3" id="shortcuts-heading" mb="sm">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {shortcuts.map((item) => (
            <Card key={item.path} component={Link} to={item.path} withBorder padding="md">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden>
                  <item.icon size={22} stroke={1.6} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(item.label)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(
                      me.user.role === 'observer' && item.observerDescription
                        ? item.observerDescription
                        : item.description,
                    )}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
