/** "Who can help?": organisations offering a service in a province, best fit first, with whom to call. */
import { and, arrayOverlaps, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FinderView } from '../../../common/directory-api.ts';
import type {
  Population,
  ProvinceCode,
  Service,
  ServiceLanguage,
} from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { focalPoints, organisationContacts, organisations, people } from '../../db/schema/index.ts';
import { authorize } from '../../platform/policy.ts';
import { presentContact, presentListItem } from './organisations.presenter.ts';
import { hasHotline24hSql, organisationRecordColumns, verifiedSql } from './organisations.queries.ts';
import { presentPersonBrief } from './people.presenter.ts';
import { type Viewer, visibleContacts, visiblePersonalFields } from './visibility.ts';

const MAX_RESULTS = 50;

export async function findHelp(
  db: Db,
  viewer: Viewer,
  now: Date,
  query: { service: Service; province: ProvinceCode; language?: ServiceLanguage; population?: Population },
): Promise<FinderView> {
  authorize(viewer.actor, 'directory.read', undefined);
  const inProvince = sql<boolean>`${query.province} = any(${organisations.coverage})`;
  const speaks = query.language
    ? sql<boolean>`${query.language} = any(${organisations.languages})`
    : sql<boolean>`false`;
  const rows = await db
    .select({ ...organisationRecordColumns, inProvince, speaks })
    .from(organisations)
    .where(
      and(
        arrayOverlaps(organisations.services, [query.service]),
        arrayOverlaps(organisations.coverage, [query.province, 'nationwide']),
        // An organisation that lists no populations serves everyone.
        query.population
          ? or(
              sql`cardinality(${organisations.populations}) = 0`,
              arrayOverlaps(organisations.populations, [query.population]),
            )
          : undefined,
      ),
    )
    .orderBy(
      sql`${inProvince} desc`,
      // PostgreSQL refuses a constant (`false desc`) in ORDER BY, so without a language the term is left out.
      ...(query.language ? [sql`${speaks} desc`] : []),
      sql`${hasHotline24hSql} desc`,
      sql`${verifiedSql} desc`,
      asc(organisations.nameEn),
    )
    .limit(MAX_RESULTS);
  const ids = rows.map((r) => r.id);
  const [contacts, holders] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(organisationContacts)
          .where(inArray(organisationContacts.organisationId, ids))
          .orderBy(asc(organisationContacts.position)),
        db
          .select({ person: people })
          .from(focalPoints)
          .innerJoin(people, eq(people.id, focalPoints.personId))
          .where(
            and(
              inArray(focalPoints.organisationId, ids),
              eq(focalPoints.topic, query.service),
              isNull(focalPoints.endedAt),
            ),
          )
          .orderBy(sql`${people.active} desc`, asc(focalPoints.startedAt)),
      ])
    : [[], []];
  const shown = visibleContacts(viewer, contacts);
  return {
    items: rows.map((o) => {
      const holder = holders.find((h) => h.person.organisationId === o.id)?.person;
      const own = shown.filter((c) => c.organisationId === o.id);
      return {
        organisation: presentListItem(now)(o),
        coverage: o.inProvince ? 'province' : 'nationwide',
        languageMatch: o.speaks,
        hotlines: own.filter((c) => c.type === 'hotline_24h').map(presentContact),
        phones: own.filter((c) => c.type === 'phone_office' || c.type === 'phone_mobile').map(presentContact),
        focalPoint: holder
          ? {
              person: {
                ...presentPersonBrief(holder),
                phones: holder.active ? visiblePersonalFields(viewer, holder).phones : [],
                hidden: visiblePersonalFields(viewer, holder).hidden,
              },
              vacant: !holder.active,
            }
          : null,
        officeHours: o.officeHours,
        afterHoursContact: o.afterHoursContact,
        officeHoursEn: o.officeHoursEn,
        afterHoursContactEn: o.afterHoursContactEn,
      };
    }),
  };
}
