/** Spreadsheet exports of the directory, with exactly what the viewer sees on the pages. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DirectoryFilters } from '../../../common/directory-api.ts';
import { labelOf } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisationContacts, organisations, people } from '../../db/schema/index.ts';
import { toCsv } from '../../platform/csv.ts';
import { authorize } from '../../platform/policy.ts';
import { openRolesOf } from './focal-points.ts';
import { organisationRecordColumns } from './organisations.queries.ts';
import { filterConditions } from './search.ts';
import { isStale } from './staleness.ts';
import { type Viewer, visibleContacts, visiblePersonalFields } from './visibility.ts';

const MAX_ROWS = 20_000;
const labelsEn = (codes: string[]) => codes.map((c) => labelOf(c)?.en ?? c);

export async function organisationsCsv(db: Db, viewer: Viewer, now: Date, filters: DirectoryFilters) {
  authorize(viewer.actor, 'directory.read', undefined);
  const rows = await db
    .select(organisationRecordColumns)
    .from(organisations)
    .where(filterConditions(filters, now))
    .orderBy(asc(organisations.nameEn), asc(organisations.id))
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
  return toCsv(
    [
      'name_th',
      'name_en',
      'abbreviation',
      'sector',
      'type',
      'province',
      'coverage',
      'themes',
      'services',
      'languages',
      'populations',
      'hotline_24h',
      'phones',
      'email',
      'line',
      'website',
      'address',
      'office_hours',
      'after_hours_contact',
      'verified_at',
      'last_reviewed_at',
      'stale',
      'id',
    ],
    rows.map((o) => [
      o.nameTh,
      o.nameEn,
      o.abbreviation,
      o.sector,
      o.type ? labelOf(o.type)?.en : null,
      o.provinceCode ? labelOf(o.provinceCode)?.en : null,
      labelsEn(o.coverage),
      labelsEn(o.themes),
      labelsEn(o.services),
      o.languages,
      labelsEn(o.populations),
      channels(o.id, 'hotline_24h'),
      channels(o.id, 'phone_office', 'phone_mobile', 'fax'),
      channels(o.id, 'email'),
      channels(o.id, 'line'),
      o.website ?? channels(o.id, 'website')[0] ?? null,
      o.address,
      o.officeHours,
      o.afterHoursContact,
      o.verifiedAt?.toISOString() ?? null,
      o.lastReviewedAt?.toISOString() ?? null,
      isStale(o, now) ? 'yes' : 'no',
      o.id,
    ]),
  );
}

export async function peopleCsv(db: Db, viewer: Viewer, filter: { organisationId?: string }) {
  authorize(viewer.actor, 'directory.read', undefined);
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
    [
      'organisation_th',
      'organisation_en',
      'name_th',
      'name_en',
      'position',
      'department',
      'phones',
      'email',
      'line',
      'languages',
      'focal_point_for',
      'active',
      'id',
    ],
    rows.map(({ person, organisation }) => {
      const shown = visiblePersonalFields(viewer, person);
      return [
        organisation.nameTh,
        organisation.nameEn,
        person.nameTh,
        person.nameEn,
        person.position,
        person.department,
        shown.phones.map((p) => p.value),
        shown.email,
        shown.lineId,
        person.languages,
        labelsEn((roles.get(person.id) ?? []).map((r) => r.topic)),
        person.active ? 'yes' : 'no',
        person.id,
      ];
    }),
  );
}
