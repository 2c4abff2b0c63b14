/** "Who can help?": organisations offering a service in a province, best fit first, with whom to call. */
import { and, asc, eq, inArray, isNull, or, type Placeholder, sql } from 'drizzle-orm';
import type { FinderView } from '../../../common/directory-api.ts';
import type {
  Population,
  ProvinceCode,
  Service,
  ServiceLanguage,
} from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import {
  finderEntries,
  focalPoints,
  organisationContacts,
  organisations,
  people,
} from '../../db/schema/index.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns } from '../../platform/projections.ts';
import { presentContact, presentFinderOrganisation } from './organisations.presenter.ts';
import { verificationColumns } from './organisations.queries.ts';
import { presentPersonBrief } from './people.presenter.ts';
import { type Viewer, visibleContacts, visiblePersonalFields } from './visibility.ts';

const MAX_RESULTS = 50;

type FinderQuery = {
  service: Service;
  province: ProvinceCode;
  language?: ServiceLanguage;
  population?: Population;
};

/** A query's values, or placeholders for them in a statement prepared once per shape. */
type Bound<T> = { [K in keyof T]: T[K] | Placeholder };

/**
 * The best-fitting organisations, from the finder's own narrow rows (server/db/schema/finder.ts): those
 * covering the province, then those speaking the language, with a 24-hour hotline, verified, by English
 * name. An organisation covering the province and the whole country has a row for each. One statement
 * ranks them and reads what the list shows of each, best first.
 */
export function rankProviders(db: Db, query: Bound<FinderQuery>) {
  const inProvince = sql<boolean>`bool_or(${finderEntries.area} = ${query.province})`;
  const speaks = query.language
    ? sql<boolean>`bool_or(${query.language} = any(${finderEntries.languages}))`
    : sql<boolean>`false`;
  const bestFirst = [
    sql`${inProvince} desc`,
    // PostgreSQL refuses a constant (`false desc`) in ORDER BY, so without a language the term is left out.
    ...(query.language ? [sql`${speaks} desc`] : []),
    sql`bool_or(${finderEntries.hasHotline24h}) desc`,
    sql`bool_or(${finderEntries.verified}) desc`,
    sql`min(${finderEntries.nameEn})`,
    sql`${finderEntries.organisationId}`,
  ];
  const ranked = db
    .select({
      id: sql<string>`${finderEntries.organisationId}`.as('ranked_id'),
      inProvince: inProvince.as('in_province'),
      speaks: speaks.as('speaks'),
      rank: sql<number>`row_number() over (order by ${sql.join(bestFirst, sql`, `)})`.as('rank'),
    })
    .from(finderEntries)
    .where(
      and(
        eq(finderEntries.service, query.service),
        inArray(finderEntries.area, [query.province, 'nationwide']),
        // An organisation that lists no populations serves everyone.
        query.population
          ? or(
              sql`cardinality(${finderEntries.populations}) = 0`,
              sql`${query.population} = any(${finderEntries.populations})`,
            )
          : undefined,
      ),
    )
    .groupBy(finderEntries.organisationId)
    .orderBy(...bestFirst)
    .limit(MAX_RESULTS)
    .as('ranked');
  const selection = { ...finderOrganisationColumns, inProvince: ranked.inProvince, speaks: ranked.speaks };
  const statement = db
    .select(selection)
    .from(ranked)
    .innerJoin(organisations, eq(organisations.id, ranked.id))
    .orderBy(ranked.rank);
  return { statement, selection };
}

/**
 * The ranking prepared once per database for each of its four shapes (with or without a language, with or
 * without a population), values bound at each lookup: no building its text in the server, no parsing and,
 * once PostgreSQL keeps its generic plan, no planning (ADR 0006).
 */
const rankingStatements = new Map(
  [false, true].flatMap((language) =>
    [false, true].map((population) => {
      const shape = `${language ? 'l' : ''}${population ? 'p' : ''}`;
      const prepared = preparedPerDatabase((db) =>
        rankProviders(db, {
          service: sql.placeholder('service'),
          province: sql.placeholder('province'),
          language: language ? sql.placeholder('language') : undefined,
          population: population ? sql.placeholder('population') : undefined,
        }).statement.prepare(`tipnet_finder_rank_${shape}`),
      );
      return [shape, prepared] as const;
    }),
  ),
);

function rankedProviders(db: Db, query: FinderQuery) {
  const shape = `${query.language ? 'l' : ''}${query.population ? 'p' : ''}`;
  return rankingStatements.get(shape)!(db).execute(query);
}

/** What a result shows of its organisation (presentFinderOrganisation), and when to call it. */
const finderOrganisationColumns = {
  ...organisationSummaryColumns,
  ...verificationColumns,
  officeHours: organisations.officeHours,
  afterHoursContact: organisations.afterHoursContact,
  officeHoursEn: organisations.officeHoursEn,
  afterHoursContactEn: organisations.afterHoursContactEn,
};

/**
 * The results' contacts and focal points, each one statement prepared once: as `in (…)` lists their text
 * changed with the number of results, so PostgreSQL parsed and planned them on every lookup (a third of
 * the finder's database time was planning).
 */
const contactsOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(organisationContacts)
    .where(sql`${organisationContacts.organisationId} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(organisationContacts.position))
    .prepare('tipnet_finder_contacts'),
);

const focalPointHoldersOf = preparedPerDatabase((db) =>
  db
    .select({ person: people })
    .from(focalPoints)
    .innerJoin(people, eq(people.id, focalPoints.personId))
    .where(
      and(
        sql`${focalPoints.organisationId} = any(${sql.placeholder('ids')}::uuid[])`,
        eq(focalPoints.topic, sql.placeholder('topic')),
        isNull(focalPoints.endedAt),
      ),
    )
    .orderBy(sql`${people.active} desc`, asc(focalPoints.startedAt))
    .prepare('tipnet_finder_focal_points'),
);

export async function findHelp(db: Db, viewer: Viewer, now: Date, query: FinderQuery): Promise<FinderView> {
  authorize(viewer.actor, 'directory.read', undefined);
  const rows = await rankedProviders(db, query);
  const ids = rows.map((r) => r.id);
  const [contacts, holders] = ids.length
    ? await Promise.all([
        contactsOf(db).execute({ ids }),
        focalPointHoldersOf(db).execute({ ids, topic: query.service }),
      ])
    : [[], []];
  const shown = visibleContacts(viewer, contacts);
  const present = presentFinderOrganisation(now);
  return {
    items: rows.map((o) => {
      const holder = holders.find((h) => h.person.organisationId === o.id)?.person;
      const own = shown.filter((c) => c.organisationId === o.id);
      return {
        organisation: present(o),
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
