import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconLanguage, IconMapPin, IconUserExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { BilingualText } from '../../../components/BilingualText.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { OfflineCopyNotice } from '../../../components/OfflineCopyNotice.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isWritten, organisationAbbreviation } from '../../../lib/bilingual.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import {
  type FinderInput,
  type FinderResult,
  finderPath,
  type Labels,
  useFinder,
  useLabels,
} from '../api/directory.ts';
import { CallButton, OrganisationBadges, PositionSuffix, personName, telHref } from './shared.tsx';

const FIELDS = ['service', 'province', 'language', 'population'] as const;

/** "Who can help?": service and province in, a one-screen list of agencies and numbers to call out. */
export function FinderPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const [searchParams, setSearchParams] = useSearchParams();
  const value = (key: (typeof FIELDS)[number]) => searchParams.get(key) || null;
  const set = (key: (typeof FIELDS)[number], next: string | null) => {
    const params = new URLSearchParams(searchParams);
    if (next) params.set(key, next);
    else params.delete(key);
    setSearchParams(params, { replace: true });
  };
  const service = value('service');
  const province = value('province');
  const input: FinderInput | null =
    service && province
      ? {
          service,
          province,
          ...(value('language') ? { language: value('language')! } : {}),
          ...(value('population') ? { population: value('population')! } : {}),
        }
      : null;
  const finder = useFinder(input);
  const common = {
    searchable: true,
    nothingFoundMessage: t('common.nothingFound'),
    comboboxProps: { withinPortal: true },
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('directory.finder.title')} description={t('directory.finder.description')} />
      <Card
        withBorder
        padding="sm"
        component="form"
        aria-label={t('directory.finder.form')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <Select
            label={t('directory.finder.service')}
            placeholder={t('directory.finder.choose')}
            data={labels.options('services')}
            value={service}
            onChange={(next) => set('service', next)}
            required
            {...common}
          />
          <Select
            label={t('directory.finder.province')}
            placeholder={t('directory.finder.choose')}
            data={labels.options('provinces')}
            value={province}
            onChange={(next) => set('province', next)}
            required
            {...common}
          />
          <Select
            label={t('directory.finder.language')}
            placeholder={t('directory.finder.optional')}
            data={labels.options('languages')}
            value={value('language')}
            onChange={(next) => set('language', next)}
            clearable
            {...common}
          />
          <Select
            label={t('directory.finder.population')}
            placeholder={t('directory.finder.optional')}
            data={labels.options('populations')}
            value={value('population')}
            onChange={(next) => set('population', next)}
            clearable
            {...common}
          />
        </SimpleGrid>
      </Card>

      {!input ? (
        <Text c="dimmed">{t('directory.finder.prompt')}</Text>
      ) : finder.isPending ? (
        <FullPageLoader />
      ) : finder.error ? (
        <ErrorAlert error={finder.error} />
      ) : (
        <Stack gap="sm">
          <OfflineCopyNotice path={finderPath(input)} />
          <Text role="status" size="sm" c="dimmed">
            {t('directory.finder.count', {
              count: finder.data.items.length,
              service: labels.of(input.service, 'services'),
              province: labels.of(input.province, 'provinces'),
            })}
          </Text>
          {finder.data.items.length === 0 ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {t('directory.finder.none')}{' '}
              <Anchor component={Link} to="/organisations">
                {t('nav.organisations')}
              </Anchor>
            </Alert>
          ) : (
            <Stack
              gap="sm"
              component="ol"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('directory.results')}
            >
              {finder.data.items.map((result) => (
                <FinderAnswer
                  key={result.organisation.id}
                  result={result}
                  labels={labels}
                  askedLanguage={input.language}
                />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function FinderAnswer({
  result,
  labels,
  askedLanguage,
}: {
  result: FinderResult;
  labels: Labels;
  askedLanguage?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { organisation, focalPoint } = result;
  const officeHours = { th: result.officeHours, en: result.officeHoursEn };
  const afterHours = { th: result.afterHoursContact, en: result.afterHoursContactEn };
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Anchor component={Link} to={`/organisations/${organisation.id}`} fw={600} c="inherit" size="lg">
          {organisationName(organisation, language)}
          {organisationAbbreviation(organisation, language)
            ? ` (${organisationAbbreviation(organisation, language)})`
            : ''}
        </Anchor>
        <Group gap={6}>
          <Badge variant="light" color="blue" leftSection={<IconMapPin size={12} aria-hidden />}>
            {result.coverage === 'province'
              ? t('directory.finder.inProvince')
              : t('directory.finder.nationwide')}
          </Badge>
          {askedLanguage && (
            <Badge
              variant="light"
              color={result.languageMatch ? 'teal' : 'gray'}
              leftSection={<IconLanguage size={12} aria-hidden />}
            >
              {t(result.languageMatch ? 'directory.finder.speaks' : 'directory.finder.noLanguage', {
                language: labels.of(askedLanguage, 'languages'),
              })}
            </Badge>
          )}
          <OrganisationBadges organisation={{ ...organisation, hasHotline24h: false }} />
        </Group>
        {result.hotlines.map((contact) => (
          <CallButton
            key={contact.id}
            number={contact.value}
            label={labels.of(contact.type, 'contactTypes')}
            hotline
            fullWidth
          />
        ))}
        {result.phones.map((contact) => (
          <CallButton
            key={contact.id}
            number={contact.value}
            label={labels.of(contact.type, 'contactTypes')}
            fullWidth
          />
        ))}
        {focalPoint && (
          <Text size="sm" component="div">
            <Text span fw={600}>
              {t('directory.finder.focalPoint')}:
            </Text>{' '}
            <Anchor component={Link} to={`/people/${focalPoint.person.id}`}>
              {personName(focalPoint.person, language)}
            </Anchor>
            <PositionSuffix person={focalPoint.person} />
            {focalPoint.vacant && (
              <Badge
                ml={6}
                color="red"
                variant="filled"
                leftSection={<IconUserExclamation size={12} aria-hidden />}
              >
                {t('directory.org.vacant')}
              </Badge>
            )}
            {!focalPoint.vacant &&
              focalPoint.person.phones.map((phone) => (
                <Button
                  key={phone.value}
                  component="a"
                  href={telHref(phone.value)}
                  variant="subtle"
                  size="compact-sm"
                  ml={4}
                >
                  {phone.value}
                </Button>
              ))}
            {focalPoint.person.hidden.includes('phones') && (
              <Text size="xs" c="dimmed">
                {t('directory.person.hidden')}
              </Text>
            )}
          </Text>
        )}
        {isWritten(officeHours) && (
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.fields.officeHours')}:
            </Text>{' '}
            <BilingualText texts={officeHours} />
          </Text>
        )}
        {isWritten(afterHours) && (
          <Text size="sm">
            <Text span fw={600}>
              {t('directory.fields.afterHoursContact')}:
            </Text>{' '}
            <BilingualText texts={afterHours} />
          </Text>
        )}
      </Stack>
    </Card>
  );
}
