/** The printable contact sheet of a province: who works there, and how to reach them, as the viewer may see. */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { ContactSheetQuery, ContactSheetView } from '../../../common/directory-api.ts';
import type { ProvinceCode } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisationContacts, organisations, people } from '../../db/schema/index.ts';
import { authorize } from '../../platform/policy.ts';
import { openRolesOf } from './focal-points.ts';
import { presentContact, presentListItem } from './organisations.presenter.ts';
import { organisationRecordColumns } from './organisations.queries.ts';
import { presentPersonBrief } from './people.presenter.ts';
import { filterConditions } from './search.ts';
import { type Viewer, visibleContacts, visiblePersonalFields } from './visibility.ts';

/** A sheet is read on paper: past this many organisations, filters make a better sheet than more pages. */
export const MAX_SHEET_ORGANISATIONS = 300;

export async function provinceContactSheet(
  db: Db,
  viewer: Viewer,
  now: Date,
  province: ProvinceCode,
  filters: ContactSheetQuery,
): Promise<ContactSheetView> {
  authorize(viewer.actor, 'directory.read', undefined);
  // The list's own filter: the province also matches organisations working nationwide.
  const where = filterConditions({ ...filters, province: [province] }, now);
  const inProvince = sql<boolean>`${province} = any(${organisations.coverage})`;
  const [rows, [counted]] = await Promise.all([
    db
      .select({ ...organisationRecordColumns, inProvince })
      .from(organisations)
      .where(where)
      .orderBy(sql`${inProvince} desc`, asc(organisations.nameEn), asc(organisations.id))
      .limit(MAX_SHEET_ORGANISATIONS),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [contacts, members] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(organisationContacts)
          .where(inArray(organisationContacts.organisationId, ids))
          .orderBy(asc(organisationContacts.position)),
        db
          .select()
          .from(people)
          .where(and(inArray(people.organisationId, ids), eq(people.active, true)))
          .orderBy(asc(people.nameTh), asc(people.id)),
      ])
    : [[], []];
  const roles = await openRolesOf(
    db,
    members.map((p) => p.id),
  );
  const contactsOf = groupBy(visibleContacts(viewer, contacts), (c) => c.organisationId);
  const peopleOf = groupBy(members, (p) => p.organisationId);
  const present = presentListItem(now);

  return {
    province,
    generatedAt: now.toISOString(),
    total: counted?.n ?? 0,
    items: rows.map((o) => ({
      organisation: present(o),
      coverage: o.inProvince ? 'province' : 'nationwide',
      address: o.address,
      officeHours: o.officeHours,
      afterHoursContact: o.afterHoursContact,
      officeHoursEn: o.officeHoursEn,
      afterHoursContactEn: o.afterHoursContactEn,
      contacts: (contactsOf.get(o.id) ?? []).map(presentContact),
      people: (peopleOf.get(o.id) ?? [])
        .map((p) => {
          const { phones, email, lineId, hidden } = visiblePersonalFields(viewer, p);
          const focalTopics = (roles.get(p.id) ?? []).map((r) => r.topic);
          return {
            ...presentPersonBrief(p),
            department: p.department,
            phones,
            email,
            lineId,
            hidden,
            focalTopics,
          };
        })
        // Focal points first: they are whom the network is meant to call.
        .sort((a, b) => Number(b.focalTopics.length > 0) - Number(a.focalTopics.length > 0)),
    })),
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
