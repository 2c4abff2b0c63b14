/** The directory list: search, filters, facet counts and paging. */

import { and, arrayOverlaps, asc, desc, eq, gt, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import type {
  DirectoryFacets,
  DirectoryFilters,
  OrganisationListQuery,
} from '../../../common/directory-api.ts';
import type { CoverageCode } from '../../../common/directory-taxonomies.ts';
import { PROVINCE_CODES } from '../../../common/directory-taxonomies.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { organisations, people } from '../../db/schema/index.ts';
import { versionedCache } from '../../platform/cache/versioned-cache.ts';
import { type CursorKey, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { buildTsquery, searchSynonyms } from '../../platform/search/index.ts';
import { usingSearchIndexes } from '../../platform/search/index-reads.ts';
import { presentListItem } from './organisations.presenter.ts';
import {
  hasHotline24hSql,
  type OrganisationListRecord,
  organisationListColumns,
  verifiedSql,
} from './organisations.queries.ts';
import { staleSql } from './staleness.ts';

type Dimension = Exclude<keyof DirectoryFilters, 'q'>;
const PROVINCES = new Set<string>(PROVINCE_CODES);

/**
 * Organisations whose own document matches, or with an active person whose name matches. A union of two
 * index scans: `document @@ q OR id IN (…)` would make PostgreSQL test every organisation's document.
 */
function textMatch(tsquery: string): SQL {
  const q = sql`${tsquery}::tsquery`;
  return sql`${organisations.id} in (
    select ${organisations.id} from ${organisations} where ${organisations.searchDocument} @@ ${q}
    union
    select ${people.organisationId} from ${people}
    where ${people.active} and ${people.searchDocument} @@ ${q} and ts_filter(${people.searchDocument}, '{a}') @@ ${q})`;
}

/** Each filter in use, as its condition; the text query is not a dimension (facets never leave it out). */
function dimensionConditions(f: DirectoryFilters, now: Date): [Dimension, SQL][] {
  const flag = (value: boolean | undefined, yes: SQL) =>
    value === undefined ? undefined : value ? yes : not(yes);
  const some = <T>(values: T[] | undefined) => (values && values.length > 0 ? values : undefined);
  const sector = some(f.sector);
  const type = some(f.type);
  const theme = some(f.theme);
  const service = some(f.service);
  const province = some(f.province);
  const language = some(f.language);
  const population = some(f.population);
  const conditions: [Dimension, SQL | undefined][] = [
    ['sector', sector && inArray(organisations.sector, sector)],
    ['type', type && inArray(organisations.type, type)],
    ['theme', theme && arrayOverlaps(organisations.themes, theme)],
    ['service', service && arrayOverlaps(organisations.services, service)],
    ['province', province && arrayOverlaps(organisations.coverage, coverageMatching(province))],
    ['language', language && arrayOverlaps(organisations.languages, language)],
    ['population', population && arrayOverlaps(organisations.populations, population)],
    ['hotline24h', flag(f.hotline24h, hasHotline24hSql)],
    ['verified', flag(f.verified, verifiedSql)],
    ['stale', flag(f.stale, staleSql(now))],
  ];
  return conditions.filter((c): c is [Dimension, SQL] => c[1] !== undefined);
}

/** The WHERE clause of a filter set: the text query and every filter in use. */
export function filterConditions(f: DirectoryFilters, now: Date): SQL | undefined {
  const tsquery = f.q ? buildTsquery(f.q, searchSynonyms) : null;
  return and(tsquery ? textMatch(tsquery) : undefined, ...dimensionConditions(f, now).map(([, c]) => c));
}

/** An organisation working nationwide can act in every province. */
function coverageMatching(codes: CoverageCode[]): CoverageCode[] {
  return codes.some((c) => PROVINCES.has(c)) ? [...new Set([...codes, 'nationwide' as const])] : codes;
}

const directoryListCache = versionedCache<Awaited<ReturnType<typeof listOrganisations>>>('directory', {
  name: 'directory',
  entries: 500,
  megabytes: 8,
});

/**
 * The directory list as served: the same query is answered from memory until the directory changes
 * (people repeat the same searches; exact facet counts over thousands of matches cost tens of ms).
 * "Stale" moves with time rather than writes, so a result is reused only within its hour: an entry may
 * show as stale up to an hour after its 180 days are up (its own page is exact), and never before.
 */
export function listOrganisationsCached(
  db: Db,
  now: Date,
  query: OrganisationListQuery,
  options: { fresh?: boolean } = {},
) {
  const key = `${Math.floor(now.getTime() / HOUR_MS)}:${JSON.stringify(query)}`;
  return directoryListCache(db, key, () => listOrganisations(db, now, query), options);
}

export async function listOrganisations(db: Db, now: Date, query: OrganisationListQuery) {
  const tsquery = query.q ? buildTsquery(query.q, searchSynonyms) : null;
  return usingSearchIndexes(db, async (tx) => {
    const where = filterConditions(query, now);
    const page = tsquery
      ? await rankedPage(tx, where, tsquery, query)
      : await alphabeticalPage(tx, where, query);
    return {
      items: page.items.map(presentListItem(now)),
      nextCursor: page.nextCursor,
      ...(query.facets ? { facets: await facetCounts(tx, now, query) } : {}),
    };
  });
}

async function alphabeticalPage(db: Db, where: SQL | undefined, query: OrganisationListQuery) {
  const after = decodeCursor(query.cursor);
  const order = nameOrder(query.lang);
  const rows = await db
    .select(organisationListColumns)
    .from(organisations)
    .where(and(where, after ? order.after(after) : undefined))
    .orderBy(...order.by)
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (last) => ({ k: order.keyOf(last), id: last.id }));
}

/** Thai letters (and digits): a name that starts with one is listed before the Latin-named ones. */
const THAI_INITIAL = /^[\u0E00-\u0E7F]/;

/**
 * Names in the reader's language. Thai names in Thai alphabetical order (the ICU collation made by the
 * migration: leading vowels as in a dictionary, เอ… under อ), Thai-initial names first as a Thai reader
 * expects; the script test is explicit because PGlite's ICU keeps no Thai tailoring and would put Latin
 * first. Keyset paging compares the same (script, name, id) row, so pages never skip or repeat.
 */
function nameOrder(language: Language) {
  if (language === 'en') {
    return {
      by: [asc(organisations.nameEn), asc(organisations.id)],
      keyOf: (o: OrganisationListRecord) => o.nameEn,
      after: (cursor: CursorKey) =>
        or(
          gt(organisations.nameEn, cursor.k),
          and(eq(organisations.nameEn, cursor.k), gt(organisations.id, cursor.id)),
        ),
    };
  }
  const latin = sql`(${organisations.nameTh} !~ ${THAI_INITIAL.source})`;
  const thaiName = sql`${organisations.nameTh} collate tipnet_thai`;
  return {
    by: [asc(latin), asc(thaiName), asc(organisations.id)],
    keyOf: (o: OrganisationListRecord) => o.nameTh,
    after: (cursor: CursorKey) =>
      sql`(${latin}, ${thaiName}, ${organisations.id}) > (${!THAI_INITIAL.test(cursor.k)}, ${cursor.k}::text collate tipnet_thai, ${cursor.id}::uuid)`,
  };
}

/**
 * Through the names index, as a set PostgreSQL hashes once: testing each match's ~1 KB names document
 * (Thai n-grams included) cost more than the rest of the ordering for broad words.
 */
const nameMatch = (tsquery: string) =>
  sql`${organisations.id} in (select ${organisations.id} from ${organisations} where ${organisations.nameDocument} @@ ${tsquery}::tsquery)`;

/**
 * Name matches first, then the rest, each by name. Only the small names document is read for ordering:
 * ranking by ts_rank_cd cost ~12 µs per match, which a broad word ('แรงงาน': 3,800 of 5,000) multiplies.
 * Ties are possible, so this pages by offset.
 */
async function rankedPage(db: Db, where: SQL | undefined, tsquery: string, query: OrganisationListQuery) {
  const offset = Number(decodeCursor(query.cursor, { key: 'offset', id: 'uuid' })?.k ?? 0);
  const rows = await db
    .select(organisationListColumns)
    .from(organisations)
    .where(where)
    .orderBy(desc(nameMatch(tsquery)), ...nameOrder(query.lang).by)
    .limit(query.limit + 1)
    .offset(offset);
  return pageOf(rows, query.limit, (last) => ({ k: String(offset + query.limit), id: last.id }));
}

function pageOf(
  rows: OrganisationListRecord[],
  limit: number,
  key: (last: OrganisationListRecord) => { k: string; id: string },
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

const passColumn = (dimension: Dimension) => sql.raw(`"passes_${dimension}"`);

/**
 * For each filter, how many organisations each of its values would give with the other filters as they
 * are (its own left out), so the counts next to a filter's options stay meaningful while it is in use.
 * One statement: the text query runs once into `matched`, which keeps every organisation failing at most
 * one filter together with which filters it passes; each facet then counts the rows passing all the others.
 */
export async function facetCounts(db: Db, now: Date, f: DirectoryFilters): Promise<DirectoryFacets> {
  const tsquery = f.q ? buildTsquery(f.q, searchSynonyms) : null;
  const conditions = dimensionConditions(f, now);
  const passes = (except?: Dimension) =>
    sql.join(
      [sql`true`, ...conditions.filter(([d]) => d !== except).map(([d]) => passColumn(d))],
      sql` and `,
    );
  const failures = sql.join([sql`0`, ...conditions.map(([d]) => sql`(not ${passColumn(d)})::int`)], sql` + `);
  const passColumns = conditions.map(([d, c]) => sql`, coalesce(${c}, false) as ${passColumn(d)}`);
  const grouped = (facet: string, value: string, except: Dimension, extra = sql`true`) =>
    sql`select ${facet}, ${sql.raw(value)}::text, count(*)::int
      from matched where ${passes(except)} and ${extra} group by 2`;
  const counted = (facet: Dimension, column: string) =>
    sql`select ${facet}, null, count(*)::int from matched where ${passes(facet)} and ${sql.raw(column)}`;

  const result = await db.execute<FacetRow>(sql`
    with found as materialized (
      select sector, type, themes, services, coverage, languages, populations,
        ${hasHotline24hSql} as hotline, ${verifiedSql} as verified,
        ${staleSql(now)} as stale ${sql.join(passColumns, sql``)}
      from ${organisations}
      where ${tsquery ? textMatch(tsquery) : sql`true`}
    ),
    matched as (select * from found where ${failures} <= 1)
    select 'total' as facet, null::text as code, count(*)::int as n from matched where ${passes()}
    union all ${grouped('sector', 'sector', 'sector')}
    union all ${grouped('type', 'type', 'type')}
    union all ${grouped('theme', 'unnest(themes)', 'theme')}
    union all ${grouped('service', 'unnest(services)', 'service')}
    union all ${grouped('language', 'unnest(languages)', 'language')}
    union all ${grouped('population', 'unnest(populations)', 'population')}
    union all ${grouped('coverage', 'unnest(coverage)', 'province')}
    union all ${grouped('regional', 'unnest(coverage)', 'province', sql`not ('nationwide' = any(coverage))`)}
    union all ${counted('hotline24h', 'hotline')}
    union all ${counted('verified', 'verified')}
    union all ${counted('stale', 'stale')}
  `);
  return presentFacets(rowsOf<FacetRow>(result));
}

type FacetRow = { facet: string; code: string | null; n: number };

function presentFacets(rows: FacetRow[]): DirectoryFacets {
  const counts = (facet: string) =>
    Object.fromEntries(rows.filter((r) => r.facet === facet && r.code !== null).map((r) => [r.code!, r.n]));
  const single = (facet: string) => rows.find((r) => r.facet === facet)?.n ?? 0;
  const coverage = counts('coverage');
  const regional = counts('regional');
  const nationwide = coverage.nationwide ?? 0;
  const province: Record<string, number> = {};
  for (const code of PROVINCE_CODES) {
    const n = (regional[code] ?? 0) + nationwide;
    if (n > 0) province[code] = n;
  }
  if (nationwide) province.nationwide = nationwide;
  if (coverage.abroad) province.abroad = coverage.abroad;
  return {
    total: single('total'),
    sector: counts('sector'),
    type: counts('type'),
    theme: counts('theme'),
    service: counts('service'),
    province,
    language: counts('language'),
    population: counts('population'),
    hotline24h: single('hotline24h'),
    verified: single('verified'),
    stale: single('stale'),
  };
}
