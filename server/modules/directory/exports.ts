/** Spreadsheet exports of the directory, with exactly what the viewer sees on the pages. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DirectoryFilters } from '../../../common/directory-api.ts';
import { labelOf } from '../../../common/directory-taxonomies.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisationContacts, organisations, people } from '../../db/schema/index.ts';
import { toCsv } from '../../platform/csv.ts';
import { csvDate, csvHeader, csvSector, csvYesNo } from '../../platform/csv-locale.ts';
import { authorize } from '../../platform/policy.ts';
import { openRolesOf } from './focal-points.ts';
import { organisationRecordColumns } from './organisations.queries.ts';
import { filterConditions } from './search.ts';
import { isStale } from './staleness.ts';
import { type Viewer, visibleContacts, visiblePersonalFields } from './visibility.ts';

const MAX_ROWS = 20_000;

const ORGANISATION_COLUMNS = {
  name_th: 'ชื่อภาษาไทย',
  name_en: 'ชื่อภาษาอังกฤษ',
  abbreviation: 'ชื่อย่อ',
  abbreviation_en: 'ชื่อย่อภาษาอังกฤษ',
  sector: 'ภาคส่วน',
  type: 'ประเภทหน่วยงาน',
  province: 'จังหวัดที่ตั้ง',
  coverage: 'พื้นที่ให้บริการ',
  themes: 'ประเด็นที่ทำงาน',
  services: 'บริการ',
  languages: 'ภาษาที่ให้บริการ',
  populations: 'กลุ่มที่ให้บริการ',
  hotline_24h: 'สายด่วน 24 ชั่วโมง',
  phones: 'โทรศัพท์',
  email: 'อีเมล',
  line: 'LINE',
  website: 'เว็บไซต์',
  address: 'ที่อยู่',
  office_hours: 'เวลาทำการ',
  after_hours_contact: 'ติดต่อนอกเวลาทำการ',
  verified_at: 'วันที่ศูนย์ยืนยัน',
  last_reviewed_at: 'วันที่ทบทวน',
  stale: 'ข้อมูลเก่า',
  id: 'รหัส',
} as const;

const PEOPLE_COLUMNS = {
  organisation_th: 'หน่วยงาน (ภาษาไทย)',
  organisation_en: 'หน่วยงาน (ภาษาอังกฤษ)',
  name_th: 'ชื่อภาษาไทย',
  name_en: 'ชื่อภาษาอังกฤษ',
  position: 'ตำแหน่ง',
  position_en: 'ตำแหน่ง (ภาษาอังกฤษ)',
  department: 'ฝ่าย',
  phones: 'โทรศัพท์',
  email: 'อีเมล',
  line: 'LINE',
  languages: 'ภาษา',
  focal_point_for: 'ผู้ประสานงานด้าน',
  active: 'ยังอยู่ในหน่วยงาน',
  id: 'รหัส',
} as const;

/** Taxonomy codes as labels in the reader's language (English labels in English, as before). */
const labelsIn = (language: Language) => (codes: string[]) => codes.map((c) => labelOf(c)?.[language] ?? c);

export async function organisationsCsv(
  db: Db,
  viewer: Viewer,
  now: Date,
  filters: DirectoryFilters,
  language: Language,
) {
  authorize(viewer.actor, 'directory.read', undefined);
  const labels = labelsIn(language);
  const rows = await db
    .select(organisationRecordColumns)
    .from(organisations)
    .where(filterConditions(filters, now))
    .orderBy(asc(language === 'th' ? organisations.nameTh : organisations.nameEn), asc(organisations.id))
    .limit(MAX_ROWS);
  const contacts = rows.length
    ? visibleContacts(
        viewer,
        await db
          .select()
          .from(organisationContacts)
          .where(
            inArray(
              organisationContacts.organisationId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(organisationContacts.position)),
      )
    : [];
  const channels = (orgId: string, ...types: string[]) =>
    contacts.filter((c) => c.organisationId === orgId && types.includes(c.type)).map((c) => c.value);
  const inLanguage = (th: string | null, en: string | null) => (language === 'en' ? (en ?? th) : (th ?? en));
  if (language === 'th') rows.sort((a, b) => THAI_ORDER.compare(a.nameTh, b.nameTh));
  return toCsv(
    csvHeader(ORGANISATION_COLUMNS, language),
    rows.map((o) => [
      o.nameTh,
      o.nameEn,
      o.abbreviation,
      o.abbreviationEn,
      csvSector(o.sector, language),
      o.type ? labelOf(o.type)?.[language] : null,
      o.provinceCode ? labelOf(o.provinceCode)?.[language] : null,
      labels(o.coverage),
      labels(o.themes),
      labels(o.services),
      language === 'th' ? labels(o.languages) : o.languages,
      labels(o.populations),
      channels(o.id, 'hotline_24h'),
      channels(o.id, 'phone_office', 'phone_mobile', 'fax'),
      channels(o.id, 'email'),
      channels(o.id, 'line'),
      o.website ?? channels(o.id, 'website')[0] ?? null,
      o.address,
      inLanguage(o.officeHours, o.officeHoursEn),
      inLanguage(o.afterHoursContact, o.afterHoursContactEn),
      csvDate(o.verifiedAt, language),
      csvDate(o.lastReviewedAt, language),
      csvYesNo(isStale(o, now), language),
      o.id,
    ]),
  );
}

const THAI_ORDER = new Intl.Collator('th');

export async function peopleCsv(
  db: Db,
  viewer: Viewer,
  filter: { organisationId?: string },
  language: Language,
) {
  authorize(viewer.actor, 'directory.read', undefined);
  const labels = labelsIn(language);
  const rows = await db
    .select({ person: people, organisation: { nameTh: organisations.nameTh, nameEn: organisations.nameEn } })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(filter.organisationId ? eq(people.organisationId, filter.organisationId) : undefined)
    .orderBy(asc(organisations.nameEn), asc(people.nameTh), asc(people.id))
    .limit(MAX_ROWS);
  const roles = await openRolesOf(
    db,
    rows.map((r) => r.person.id),
  );
  return toCsv(
    csvHeader(PEOPLE_COLUMNS, language),
    rows.map(({ person, organisation }) => {
      const shown = visiblePersonalFields(viewer, person);
      return [
        organisation.nameTh,
        organisation.nameEn,
        person.nameTh,
        person.nameEn,
        person.position,
        person.positionEn,
        person.department,
        shown.phones.map((p) => p.value),
        shown.email,
        shown.lineId,
        language === 'th' ? labels(person.languages) : person.languages,
        labels((roles.get(person.id) ?? []).map((r) => r.topic)),
        csvYesNo(person.active, language),
        person.id,
      ];
    }),
  );
}
