import { Alert, Anchor, Badge, Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconDownload,
  IconEdit,
  IconId,
  IconRosetteDiscountCheck,
  IconUserExclamation,
  IconUserPlus,
} from '@tabler/icons-react';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { WORKING_WITH_US_FIELDS } from '../../../../common/working-with-us.ts';
import { BilingualText, FallbackBadge } from '../../../components/BilingualText.tsx';
import { DateTime } from '../../../components/DateTime.tsx';
import { OfflineCopyNotice } from '../../../components/OfflineCopyNotice.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { inLanguage, isWritten } from '../../../lib/bilingual.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import {
  exportPeopleUrl,
  type Labels,
  type OrganisationDetail,
  organisationPath,
  type PersonView,
  type TaxonomyGroup,
  useLabels,
  useMarkOrganisation,
  useOrganisation,
  vcardUrl,
} from '../api/directory.ts';
import {
  CallButton,
  contactHref,
  coverageText,
  hasVisibleContact,
  isPhone,
  OrganisationBadges,
  PositionText,
  personName,
  sortContacts,
  telHref,
} from './shared.tsx';

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <QueryPage
      query={useOrganisation(id)}
      title={t('organisations.title')}
      back={{ to: '/organisations', label: t('directory.backToList') }}
    >
      {(organisation) => (
        <Stack gap="xs">
          <OfflineCopyNotice path={organisationPath(id)} />
          <OrganisationView organisation={organisation} />
        </Stack>
      )}
    </QueryPage>
  );
}

function OrganisationView({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const otherLanguage: Language = language === 'th' ? 'en' : 'th';
  const description =
    (language === 'th' ? organisation.descriptionTh : organisation.descriptionEn) ??
    organisation.descriptionTh ??
    organisation.descriptionEn;

  return (
    <Stack gap="md">
      <PageHeader
        title={organisationName(organisation, language)}
        description={organisationName(organisation, otherLanguage)}
      />
      <TrustHeader organisation={organisation} labels={labels} />
      <ContactsSection organisation={organisation} labels={labels} />
      <WorkingWithUsSection organisation={organisation} />
      <Section id="what-we-do" title={t('directory.org.whatTheyDo')}>
        {description && <Text style={{ whiteSpace: 'pre-line' }}>{description}</Text>}
        <TagList
          title={t('directory.filters.service')}
          codes={organisation.services}
          labels={labels}
          group="services"
        />
        <TagList
          title={t('directory.filters.theme')}
          codes={organisation.themes}
          labels={labels}
          group="themes"
        />
        <TagList
          title={t('directory.filters.population')}
          codes={organisation.populations}
          labels={labels}
          group="populations"
        />
        <TagList
          title={t('directory.filters.language')}
          codes={organisation.languages}
          labels={labels}
          group="languages"
        />
        {organisation.coverage.length > 0 && (
          <Field label={t('directory.org.coverage')}>
            {coverageText(organisation.coverage, labels, 100)}
          </Field>
        )}
        {organisation.eligibilityNotes && (
          <Field label={t('directory.org.eligibility')}>{organisation.eligibilityNotes}</Field>
        )}
        {organisation.shelterCapacity !== null && (
          <Field label={t('directory.org.shelterCapacity')}>
            {t('directory.org.beds', { count: organisation.shelterCapacity })}
            {organisation.capacityUpdatedAt && (
              <Text span size="sm" c="dimmed">
                {' '}
                ({t('directory.org.asOf')} <DateTime value={organisation.capacityUpdatedAt} />)
              </Text>
            )}
          </Field>
        )}
        {organisation.address && <Field label={t('directory.org.address')}>{organisation.address}</Field>}
        {organisation.children.length > 0 && (
          <Field label={t('directory.org.children')}>
            <List size="sm">
              {organisation.children.map((child) => (
                <List.Item key={child.id}>
                  <Anchor component={Link} to={`/organisations/${child.id}`}>
                    {organisationName(child, language)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Field>
        )}
      </Section>
      <PeopleSection organisation={organisation} labels={labels} />
      <HistorySection organisation={organisation} labels={labels} />
    </Stack>
  );
}

function TrustHeader({ organisation, labels }: { organisation: OrganisationDetail; labels: Labels }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mark = useMarkOrganisation(organisation.id);
  const run = (action: 'verify' | 'review') =>
    mark.mutate(action, {
      onSuccess: () =>
        feedback.success(
          t(action === 'verify' ? 'directory.org.verifiedDone' : 'directory.org.reviewedDone'),
        ),
    });
  return (
    <Stack gap="xs">
      <Group gap={6}>
        <AbbreviationBadge organisation={organisation} />
        {organisation.type && (
          <Badge variant="light" color="gray">
            {labels.of(organisation.type, 'organisationTypes')}
          </Badge>
        )}
        <Badge variant="light" color="gray">
          {t(`sectors.${organisation.sector}`)}
        </Badge>
        <OrganisationBadges organisation={organisation} />
      </Group>
      {organisation.parent && (
        <Text size="sm">
          {t('directory.org.parent')}{' '}
          <Anchor component={Link} to={`/organisations/${organisation.parent.id}`}>
            {organisationName(organisation.parent, language)}
          </Anchor>
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {organisation.verifiedAt ? (
          <>
            {t('directory.org.verifiedBy', { name: organisation.verifiedBy?.displayName ?? '—' })}{' '}
            <DateTime value={organisation.verifiedAt} />
          </>
        ) : (
          t('directory.org.notVerified')
        )}
        {' · '}
        {t('directory.org.lastReviewed')}{' '}
        {organisation.lastReviewedAt ? (
          <DateTime value={organisation.lastReviewedAt} />
        ) : (
          t('directory.org.never')
        )}
      </Text>
      {organisation.changedSinceVerificationAt && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('directory.org.changedSinceVerification')}{' '}
          <DateTime value={organisation.changedSinceVerificationAt} />
          {organisation.permissions.verify && (
            <>
              {' '}
              <Anchor component={Link} to="/verification">
                {t('directory.org.openVerificationQueue')}
              </Anchor>
            </>
          )}
        </Alert>
      )}
      {organisation.stale && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('directory.org.staleWarning')}
        </Alert>
      )}
      {mark.error && <Alert color="red">{errorMessage(mark.error, t)}</Alert>}
      <Group gap="xs">
        {organisation.permissions.edit && (
          <Button
            component={Link}
            to={`/organisations/${organisation.id}/edit`}
            leftSection={<IconEdit size={18} aria-hidden />}
          >
            {t('directory.org.edit')}
          </Button>
        )}
        {organisation.permissions.review && (
          <Button
            variant="default"
            loading={mark.isPending && mark.variables === 'review'}
            onClick={() => run('review')}
          >
            {t('directory.org.markReviewed')}
          </Button>
        )}
        {organisation.permissions.verify && (
          <Button
            variant="default"
            leftSection={<IconRosetteDiscountCheck size={18} aria-hidden />}
            loading={mark.isPending && mark.variables === 'verify'}
            onClick={() => run('verify')}
          >
            {t('directory.org.verify')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function ContactsSection({ organisation, labels }: { organisation: OrganisationDetail; labels: Labels }) {
  const { t } = useTranslation();
  const contacts = sortContacts(organisation.contacts);
  return (
    <Section id="contacts" title={t('directory.org.contacts')}>
      {contacts.length === 0 ? (
        <Text c="dimmed">{t('directory.org.noContacts')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {contacts.map((contact) => {
            const typeLabel = labels.of(contact.type, 'contactTypes');
            const href = contactHref(contact);
            return (
              <li key={contact.id}>
                {isPhone(contact.type) ? (
                  <CallButton
                    number={contact.value}
                    label={typeLabel}
                    hotline={contact.type === 'hotline_24h'}
                    fullWidth
                  />
                ) : (
                  <Text>
                    <Text span c="dimmed">
                      {typeLabel}:
                    </Text>{' '}
                    {href ? (
                      <Anchor href={href} style={{ overflowWrap: 'anywhere' }}>
                        {contact.value}
                      </Anchor>
                    ) : (
                      contact.value
                    )}
                  </Text>
                )}
                {(contact.label || contact.visibility === 'centre_only') && (
                  <Group gap={6} mt={2}>
                    {contact.label && (
                      <Text size="sm" c="dimmed">
                        {contact.label}
                      </Text>
                    )}
                    {contact.visibility === 'centre_only' && (
                      <Badge size="sm" variant="light" color="grape">
                        {labels.of('centre_only', 'visibilities')}
                      </Badge>
                    )}
                  </Group>
                )}
              </li>
            );
          })}
        </Stack>
      )}
      {organisation.website && (
        <Text>
          <Text span c="dimmed">
            {labels.of('website', 'contactTypes')}:
          </Text>{' '}
          <Anchor
            href={organisation.website}
            target="_blank"
            rel="noreferrer"
            style={{ overflowWrap: 'anywhere' }}
          >
            {organisation.website}
          </Anchor>
        </Text>
      )}
    </Section>
  );
}

function WorkingWithUsSection({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const filled = WORKING_WITH_US_FIELDS.filter((key) => isWritten(organisation.workingWithUs[key]));
  return (
    <Section
      id="working-with-us"
      title={t('directory.org.workingWithUs')}
      description={t('directory.org.workingWithUsHint')}
    >
      {filled.length === 0 ? (
        <Text c="dimmed">{t('directory.org.notFilled')}</Text>
      ) : (
        <Box component="dl" m={0}>
          {filled.map((key) => (
            <Box key={key} mb="sm">
              <Text component="dt" fw={600} size="sm">
                {t(`directory.fields.${key}`)}
              </Text>
              <Text component="dd" m={0}>
                <BilingualText texts={organisation.workingWithUs[key]} preLine />
              </Text>
            </Box>
          ))}
        </Box>
      )}
    </Section>
  );
}

function PeopleSection({ organisation, labels }: { organisation: OrganisationDetail; labels: Labels }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const vacant = organisation.focalPoints.filter((focal) => focal.vacant || !focal.person);
  return (
    <Section id="people" title={t('directory.org.people')}>
      {vacant.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconUserExclamation aria-hidden />}
          title={t('directory.org.vacantTitle')}
        >
          {t('directory.org.vacantHint', { count: vacant.length })}
        </Alert>
      )}
      {organisation.focalPoints.length > 0 && (
        <div>
          <Title order={3} fz="h4" mb="xs">
            {t('directory.org.focalPoints')}
          </Title>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {organisation.focalPoints.map((focal) => (
              <Box
                component="li"
                key={`${focal.topic}-${focal.person?.id ?? 'none'}`}
                p="xs"
                bg={focal.vacant || !focal.person ? 'red.0' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Text size="sm" fw={600}>
                  {labels.of(focal.topic)}
                </Text>
                <Group gap={6}>
                  {focal.person && (
                    <Anchor component={Link} to={`/people/${focal.person.id}`} size="sm">
                      {personName(focal.person, language)}
                    </Anchor>
                  )}
                  {(focal.vacant || !focal.person) && (
                    <Badge color="red" variant="filled">
                      {t('directory.org.vacant')}
                    </Badge>
                  )}
                  {focal.vacant && focal.person && organisation.permissions.edit && (
                    <Anchor
                      component={Link}
                      to={`/people/${focal.person.id}#person-focal`}
                      size="sm"
                      fw={600}
                    >
                      {t('directory.person.handover')}
                    </Anchor>
                  )}
                </Group>
              </Box>
            ))}
          </Stack>
        </div>
      )}
      {organisation.people.length === 0 ? (
        <Text c="dimmed">{t('directory.org.noPeople')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {organisation.people.map((person) => (
            <PersonCard key={person.id} person={person} labels={labels} />
          ))}
        </Stack>
      )}
      <Group justify="space-between" gap="xs">
        <Anchor
          href={exportPeopleUrl(organisation.id, language)}
          download
          size="sm"
          style={{ display: 'inline-flex', gap: 4 }}
        >
          <IconDownload size={16} aria-hidden />
          {t('directory.org.exportPeople')}
        </Anchor>
        {organisation.permissions.addPerson && (
          <Button
            component={Link}
            to={`/organisations/${organisation.id}/people/new`}
            variant="default"
            leftSection={<IconUserPlus size={18} aria-hidden />}
          >
            {t('directory.person.add')}
          </Button>
        )}
      </Group>
    </Section>
  );
}

function PersonCard({ person, labels }: { person: PersonView; labels: Labels }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Box
      component="li"
      p="sm"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Stack gap={4}>
        <Group gap={6} justify="space-between">
          <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
            {personName(person, language)}
          </Anchor>
          {!person.active && (
            <Badge color="gray" variant="light">
              {t('directory.person.left')}
            </Badge>
          )}
        </Group>
        {(person.position || person.positionEn || person.department) && (
          <Text size="sm">
            <PositionText person={person} />
            {(person.position || person.positionEn) && person.department ? ' · ' : ''}
            {person.department}
          </Text>
        )}
        {person.focalTopics.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory.person.focalFor', {
              topics: person.focalTopics.map((f) => labels.of(f.topic)).join(', '),
            })}
          </Text>
        )}
        <Group gap="xs">
          {person.phones.map((phone) => (
            <Anchor key={phone.value} href={telHref(phone.value)} size="sm">
              {labels.of(phone.type, 'phoneTypes')} {phone.value}
            </Anchor>
          ))}
          {person.email && (
            <Anchor href={`mailto:${person.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {person.email}
            </Anchor>
          )}
          {person.lineId && <Text size="sm">LINE: {person.lineId}</Text>}
        </Group>
        {person.hidden.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory.person.hidden')}
          </Text>
        )}
        {person.languages.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('directory.person.speaks', {
              languages: person.languages.map((code) => labels.of(code, 'languages')).join(', '),
            })}
          </Text>
        )}
        {hasVisibleContact(person) && (
          <Anchor href={vcardUrl(person.id)} download size="sm" style={{ display: 'inline-flex', gap: 4 }}>
            <IconId size={16} aria-hidden />
            {t('directory.person.vcard')}
          </Anchor>
        )}
      </Stack>
    </Box>
  );
}

function HistorySection({ organisation, labels }: { organisation: OrganisationDetail; labels: Labels }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="history" title={t('directory.org.history')}>
      {organisation.history.length === 0 ? (
        <Text c="dimmed">{t('directory.org.noHistory')}</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {organisation.history.map((change) => (
            <li key={`${change.at}-${change.action}-${Object.keys(change.changes).join()}`}>
              <Text size="sm" fw={600}>
                <DateTime value={change.at} /> · {change.actor?.displayName ?? t('directory.org.system')}
              </Text>
              <Text size="sm" c="dimmed">
                {actionLabel(change.action, t)}
              </Text>
              <List size="sm" spacing={2}>
                {Object.entries(change.changes).map(([field, value]) => (
                  <List.Item key={field}>
                    <Text span fw={600} size="sm">
                      {fieldLabel(field, t)}
                    </Text>
                    : {formatChange(value, labels, language)}
                  </List.Item>
                ))}
              </List>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

function actionLabel(action: string, t: T): string {
  const key = `directory.actions.${action.split('.').pop()}`;
  return i18next.exists(key) ? t(key) : action;
}

function fieldLabel(field: string, t: T): string {
  const key = `directory.fields.${field}`;
  return i18next.exists(key) ? t(key) : field;
}

function formatChange(value: unknown, labels: Labels, language: Language): ReactNode {
  if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
    const { from, to } = value as { from: unknown; to: unknown };
    return `${formatValue(from, labels, language)} → ${formatValue(to, labels, language)}`;
  }
  return formatValue(value, labels, language);
}

/** Times in the log (verified, reviewed, changed since verification) are ISO strings: shown as dates. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function formatValue(value: unknown, labels: Labels, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map((item) =>
        typeof item === 'string'
          ? labels.of(item)
          : item && typeof item === 'object' && 'value' in item
            ? String((item as { value: unknown }).value)
            : JSON.stringify(item),
      )
      .join(', ');
  }
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatDateTime(value, language);
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : labels.of(value);
  return JSON.stringify(value);
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

/** Thai labels are long; on a phone they wrap instead of being cut off. */
const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%', textTransform: 'none', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

function TagList({
  title,
  codes,
  labels,
  group,
}: {
  title: string;
  codes: readonly string[];
  labels: Labels;
  group: TaxonomyGroup;
}) {
  if (codes.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Group gap={6}>
        {codes.map((code) => (
          <Badge key={code} variant="light" color="blue" styles={WRAPPING_BADGE}>
            {labels.of(code, group)}
          </Badge>
        ))}
      </Group>
    </div>
  );
}

/** The abbreviation in the reader's language; an English reader is shown a Thai one only marked as Thai. */
function AbbreviationBadge({ organisation }: { organisation: OrganisationDetail }) {
  const language = useLanguage();
  const shown = inLanguage({ th: organisation.abbreviation, en: organisation.abbreviationEn }, language);
  if (!shown) return null;
  return (
    <Group gap={0} wrap="nowrap">
      <Badge variant="outline" color="gray" lang={shown.lang} data-testid="organisation-abbreviation">
        {shown.text}
      </Badge>
      {shown.lang !== language && <FallbackBadge lang={shown.lang} />}
    </Group>
  );
}
