import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { BilingualText } from '../../../components/BilingualText.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { isWritten, organisationAbbreviation } from '../../../lib/bilingual.ts';
import { formatPrintedDate } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { PROVINCE_TILES } from '../../../lib/provinceTiles.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { Language } from '../../../lib/types.ts';
import { type Labels, type TaxonomyGroup, useLabels } from '../api/directory.ts';
import { type DirectoryFilterState, FLAG_FILTERS, filtersFromSearch, LIST_FILTERS } from '../api/filters.ts';
import {
  type ContactSheetEntry,
  type ContactSheetPerson,
  type ContactSheetView,
  coverageListPath,
  useContactSheet,
} from '../api/provinces.ts';
import classes from './ContactSheetPage.module.css';
import { contactHref, PositionSuffix, personName, sortContacts, telHref } from './shared.tsx';

/** A province's organisations and whom to call there, as a page that prints as a compact table. */
export function ContactSheetPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useLabels(language);
  const [searchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const known = PROVINCE_TILES.some((tile) => tile.code === code);
  const sheet = useContactSheet(code, filters, known);
  const title = t('directory.sheet.title', { province: labels.of(code, 'provinces') });
  if (!known) {
    return (
      <Stack>
        <PageHeader title={t('directory.sheet.unknownTitle')} />
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} role="alert">
          {t('directory.sheet.unknownProvince', { code })}{' '}
          <Anchor component={Link} to="/organisations/map">
            {t('directory.views.map')}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  return (
    <QueryPage query={sheet} title={title}>
      {(data) => <Sheet sheet={data} title={title} filters={filters} labels={labels} language={language} />}
    </QueryPage>
  );
}

function Sheet({
  sheet,
  title,
  filters,
  labels,
  language,
}: {
  sheet: ContactSheetView;
  title: string;
  filters: DirectoryFilterState;
  labels: Labels;
  language: Language;
}) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const printedAt = usePrintTime();
  const collator = new Intl.Collator(language === 'th' ? 'th' : 'en');
  const byName = (a: ContactSheetEntry, b: ContactSheetEntry) =>
    collator.compare(organisationName(a.organisation, language), organisationName(b.organisation, language));
  const groups = (['province', 'nationwide'] as const)
    .map((coverage) => ({
      coverage,
      entries: sheet.items.filter((i) => i.coverage === coverage).sort(byName),
    }))
    .filter((group) => group.entries.length > 0);
  const anyHidden = sheet.items.some((i) => i.people.some((p) => p.hidden.length > 0));
  const filterText = describeFilters(filters, labels, t);

  return (
    <Stack gap="sm" className={classes.sheet} data-contact-sheet>
      <Anchor
        component={Link}
        to={coverageListPath(sheet.province, filters)}
        size="sm"
        className={`${classes.backLink} ${classes.noPrint}`}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('directory.sheet.back')}
      </Anchor>
      <PageHeader
        title={title}
        actions={
          <Button
            className={classes.noPrint}
            leftSection={<IconPrinter size={18} aria-hidden />}
            onClick={() => window.print()}
          >
            {t('directory.sheet.print')}
          </Button>
        }
      />
      <div className={classes.meta}>
        <Text size="sm">
          {t('directory.sheet.printedAt', { date: formatPrintedDate(printedAt, language) })} ·{' '}
          {t('directory.sheet.printedBy', { name: me.user.displayName })}
        </Text>
        {filterText && <Text size="sm">{t('directory.sheet.filters', { filters: filterText })}</Text>}
        <Text size="sm" fw={600}>
          {t('directory.sheet.count', { count: sheet.total })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('directory.sheet.confidential')}
          {anyHidden ? ` ${t('directory.sheet.hiddenNote')}` : ''}
        </Text>
      </div>
      {sheet.total > sheet.items.length && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('directory.sheet.truncated', { shown: sheet.items.length, total: sheet.total })}
        </Alert>
      )}
      {groups.length === 0 && <Text>{t('directory.sheet.empty')}</Text>}
      {groups.map(({ coverage, entries }) => (
        <section key={coverage} aria-labelledby={`sheet-${coverage}`} className={classes.group}>
          <Title order={2} size="h4" id={`sheet-${coverage}`} className={classes.groupTitle}>
            {t(coverage === 'province' ? 'directory.sheet.inProvince' : 'directory.sheet.nationwide', {
              count: entries.length,
            })}
          </Title>
          <SheetTable entries={entries} labels={labels} language={language} />
        </section>
      ))}
    </Stack>
  );
}

function SheetTable({
  entries,
  labels,
  language,
}: {
  entries: ContactSheetEntry[];
  labels: Labels;
  language: Language;
}) {
  const { t } = useTranslation();
  const headers = {
    organisation: t('directory.sheet.organisation'),
    contacts: t('directory.sheet.contacts'),
    people: t('directory.sheet.people'),
  };
  return (
    <table className={classes.table}>
      <thead>
        <tr>
          <th scope="col" className={classes.number}>
            #
          </th>
          <th scope="col">{headers.organisation}</th>
          <th scope="col">{headers.contacts}</th>
          <th scope="col">{headers.people}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={entry.organisation.id}>
            <td className={classes.number}>{index + 1}</td>
            <td data-label={headers.organisation}>
              <OrganisationCell entry={entry} labels={labels} language={language} />
            </td>
            <td data-label={headers.contacts}>
              <ContactsCell entry={entry} labels={labels} />
            </td>
            <td data-label={headers.people}>
              {entry.people.length === 0 ? (
                <span className={classes.muted}>{t('directory.sheet.noPeople')}</span>
              ) : (
                <ul className={classes.plainList}>
                  {entry.people.map((person) => (
                    <PersonLine key={person.id} person={person} labels={labels} language={language} />
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OrganisationCell({
  entry,
  labels,
  language,
}: {
  entry: ContactSheetEntry;
  labels: Labels;
  language: Language;
}) {
  const { t } = useTranslation();
  const { organisation } = entry;
  const other: Language = language === 'th' ? 'en' : 'th';
  const name = organisationName(organisation, language);
  const abbreviation = organisationAbbreviation(organisation, language);
  const flags = [
    organisation.hasHotline24h && t('directory.badges.hotline24h'),
    organisation.changedSinceVerificationAt
      ? t('directory.badges.changedSinceVerification')
      : organisation.verifiedAt && t('directory.badges.verified'),
    organisation.stale && t('directory.badges.stale'),
  ].filter(Boolean);
  return (
    <>
      <Anchor
        component={Link}
        to={`/organisations/${organisation.id}`}
        className={classes.orgName}
        c="inherit"
      >
        {name}
        {abbreviation && abbreviation !== name ? ` (${abbreviation})` : ''}
      </Anchor>
      <div className={classes.muted} lang={other}>
        {organisationName(organisation, other)}
      </div>
      <div>
        {organisation.type
          ? labels.of(organisation.type, 'organisationTypes')
          : t(`sectors.${organisation.sector}`)}
      </div>
      {entry.address && <div className={classes.muted}>{entry.address}</div>}
      {flags.length > 0 && <div className={classes.flags}>{flags.join(' · ')}</div>}
    </>
  );
}

function ContactsCell({ entry, labels }: { entry: ContactSheetEntry; labels: Labels }) {
  const { t } = useTranslation();
  const contacts = sortContacts(entry.contacts);
  const officeHours = { th: entry.officeHours, en: entry.officeHoursEn };
  const afterHours = { th: entry.afterHoursContact, en: entry.afterHoursContactEn };
  if (contacts.length === 0 && !isWritten(officeHours) && !isWritten(afterHours)) {
    return <span className={classes.muted}>{t('directory.org.noContacts')}</span>;
  }
  return (
    <ul className={classes.plainList}>
      {contacts.map((contact) => {
        const href = contactHref(contact);
        return (
          <li key={contact.id} className={contact.type === 'hotline_24h' ? classes.hotline : undefined}>
            <span className={classes.label}>{labels.of(contact.type, 'contactTypes')}:</span>{' '}
            {href ? <a href={href}>{contact.value}</a> : contact.value}
            {contact.label ? <span className={classes.muted}> ({contact.label})</span> : null}
          </li>
        );
      })}
      {isWritten(officeHours) && (
        <li>
          <span className={classes.label}>{t('directory.fields.officeHours')}:</span>{' '}
          <BilingualText texts={officeHours} />
        </li>
      )}
      {isWritten(afterHours) && (
        <li>
          <span className={classes.label}>{t('directory.fields.afterHoursContact')}:</span>{' '}
          <BilingualText texts={afterHours} />
        </li>
      )}
    </ul>
  );
}

function PersonLine({
  person,
  labels,
  language,
}: {
  person: ContactSheetPerson;
  labels: Labels;
  language: Language;
}) {
  const { t } = useTranslation();
  const details = [
    ...person.phones.map((phone) => ({
      key: `tel:${phone.value}`,
      text: phone.value,
      href: telHref(phone.value),
    })),
    ...(person.email ? [{ key: 'email', text: person.email, href: `mailto:${person.email}` }] : []),
    ...(person.lineId ? [{ key: 'line', text: `LINE: ${person.lineId}`, href: undefined }] : []),
  ];
  return (
    <li className={classes.person}>
      <span className={classes.personName}>{personName(person, language)}</span>
      <PositionSuffix person={person} />
      {details.length > 0 && (
        <div>
          {details.map((detail, i) => (
            <span key={detail.key}>
              {i > 0 ? ' · ' : ''}
              {detail.href ? <a href={detail.href}>{detail.text}</a> : detail.text}
            </span>
          ))}
        </div>
      )}
      {person.focalTopics.length > 0 && (
        <div className={classes.muted}>
          {t('directory.sheet.focal', {
            topics: person.focalTopics.map((topic) => labels.of(topic)).join(', '),
          })}
        </div>
      )}
      {person.hidden.length > 0 && details.length === 0 && (
        <div className={classes.muted}>{t('directory.sheet.personalHidden')}</div>
      )}
    </li>
  );
}

/** "Service: Shelter; Language: Burmese" — what the sheet was narrowed to, printed on it. */
function describeFilters(filters: DirectoryFilterState, labels: Labels, t: TFunction): string {
  const groups: Partial<Record<(typeof LIST_FILTERS)[number], TaxonomyGroup>> = {
    type: 'organisationTypes',
    theme: 'themes',
    service: 'services',
    language: 'languages',
    population: 'populations',
  };
  const parts: string[] = [];
  if (filters.q.trim()) parts.push(`${t('directory.search')}: “${filters.q.trim()}”`);
  for (const key of LIST_FILTERS) {
    if (key === 'province' || filters[key].length === 0) continue;
    const group = groups[key];
    const values = filters[key].map((code) => (group ? labels.of(code, group) : t(`sectors.${code}`)));
    parts.push(`${t(`directory.filters.${key}`)}: ${values.join(', ')}`);
  }
  for (const key of FLAG_FILTERS) if (filters[key]) parts.push(t(`directory.filters.${key}`));
  return parts.join('; ');
}

/** Now, and again whenever the browser is about to print, so paper carries the moment it was printed. */
function usePrintTime(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const update = () => setNow(new Date().toISOString());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return now;
}
