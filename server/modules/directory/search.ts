/** The directory list: search, filters, facet counts and paging. */

import { and, arrayOverlaps, asc, desc, eq, inArray, lte, not, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import {
  DIRECTORY_FACET_CAP,
  type DirectoryFacets,
  type DirectoryFilters,
  type OrganisationListQuery,
} from '../../../common/directory-api.ts';
import type { CoverageCode } from '../../../common/directory-taxonomies.ts';
import { PROVINCE_CODES } from '../../../common/directory-taxonomies.ts';
import { HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { executePrepared, selectPreparedIf } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { organisationSearch, organisations } from '../../db/schema/index.ts';
import { versionedCache } from '../../platform/cache/versioned-cache.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { buildTsquery, searchSynonyms } from '../../platform/search/index.ts';
import { usingSearchIndexes } from '../../platform/search/index-reads.ts';
import { presentListItem } from './organisations.presenter.ts';
import { organisationListColumns } from './organisations.queries.ts';
import { STALE_AFTER_MS } from './staleness.ts';

type Dimension = Exclude<keyof DirectoryFilters, 'q'>;
const PROVINCES = new Set<string>(PROVINCE_CODES);
const s = organisationSearch;

/**
 * Beyond FACET_CAP matches a search's facet counts are taken over the first ones found and marked as lower
 * bounds ("1,000+"): counting every match of a one-letter prefix cost more than the rest of the search.
 * Browsing by filters alone (no words) always counts exactly.
 */
const FACET_CAP = DIRECTORY_FACET_CAP;

/**
 * Organisations whose own document or one of whose active people's names match: two GIN indexes on the
 * narrow search rows, OR-ed as bitmaps.
 */
const textMatch = (tsquery: string) =>
  sql`(${s.document} @@ ${tsquery}::tsquery or ${s.peopleNames} @@ ${tsquery}::tsquery)`;

/** Organisations with the words in their names: the first tier of a page and of the facets. */
const nameMatch = (tsquery: string) => sql`${s.names} @@ ${tsquery}::tsquery`;

/** The other matches: the words in the documents or people's names, not in the names (the second tier). */
const otherMatch = (tsquery: string) =>
  sql`${textMatch(tsquery)} and ${s.organisationId} not in (select ${s.organisationId} from ${s} where ${nameMatch(tsquery)})`;

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
    ['sector', sector && inArray(s.sector, sector)],
    ['type', type && inArray(s.type, type)],
    ['theme', theme && arrayOverlaps(s.themes, theme)],
    ['service', service && arrayOverlaps(s.services, service)],
    ['province', province && arrayOverlaps(s.coverage, coverageMatching(province))],
    ['language', language && arrayOverlaps(s.languages, language)],
    ['population', population && arrayOverlaps(s.populations, population)],
    ['hotline24h', flag(f.hotline24h, sql`${s.hasHotline24h}`)],
    ['verified', flag(f.verified, sql`${s.verified}`)],
    ['stale', flag(f.stale, staleSearchRow(now))],
  ];
  return conditions.filter((c): c is [Dimension, SQL] => c[1] !== undefined);
}

const staleSearchRow = (now: Date) => lte(s.reviewedAt, new Date(now.getTime() - STALE_AFTER_MS));

/** The search rows' WHERE clause for a filter set: the text query and every filter in use. */
function searchConditions(f: DirectoryFilters, now: Date): SQL | undefined {
  const tsquery = f.q ? buildTsquery(f.q, searchSynonyms) : null;
  return and(tsquery ? textMatch(tsquery) : undefined, ...dimensionConditions(f, now).map(([, c]) => c));
}

/** The organisations a filter set selects, as a condition on `organisations` (exports, contact sheets). */
export function filterConditions(f: DirectoryFilters, now: Date): SQL | undefined {
  const where = searchConditions(f, now);
  return where && sql`${organisations.id} in (select ${s.organisationId} from ${s} where ${where})`;
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
  return usingSearchIndexes(db, async (tx) => {
    const page = await listPage(tx, now, query);
    return {
      items: page.items.map(presentListItem(now)),
      nextCursor: page.nextCursor,
      ...(query.facets ? { facets: await facetCounts(tx, now, query) } : {}),
    };
  });
}

/**
 * One page, chosen and ordered on the narrow search rows, then read from `organisations` by primary key.
 * With words, name matches come first, then the rest, each alphabetically (`tiersInOrder`); the
 * alphabetical order is the integer rank the triggers keep, so ordering thousands of matches compares
 * integers, not Thai collation keys (ranking with ts_rank_cd cost ~12 µs per match). Results with words
 * page by offset (two tiers, one order); the alphabetical list pages by its (rank, id) key.
 */
async function listPage(db: Db, now: Date, query: OrganisationListQuery) {
  const { statement, selection, offset, ranked } = pageStatement(db, now, query);
  const rows =
    (ranked && isShortPrefix(query.q) ? await pageOfCommonNames(db, now, query, offset) : null) ??
    (ranked ? await selectPreparedIf(hasCommonShape(query, now), db, statement, selection) : await statement);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextKey = (row: { id: string; rank: number }) =>
    ranked ? { k: String(offset + query.limit), id: row.id } : { k: String(row.rank), id: row.id };
  return {
    items: items.map(({ rank: _rank, ...item }) => item),
    nextCursor: rows.length > query.limit && last ? encodeCursor(nextKey(last)) : null,
  };
}

/** The page's one statement (exported for the plan test). */
export function pageStatement(db: Db, now: Date, query: OrganisationListQuery) {
  const tsquery = query.q ? buildTsquery(query.q, searchSynonyms) : null;
  const cursor = decodeCursor(query.cursor, { key: tsquery ? 'offset' : 'integer', id: 'uuid' });
  const offset = tsquery ? Number(cursor?.k ?? 0) : 0;
  const chosen = tsquery
    ? tiersInOrder(db, now, query, tsquery, offset)
    : alphabetical(db, now, query, cursor);
  const selection = { ...organisationListColumns, rank: chosen.rank };
  const statement = db
    .select(selection)
    .from(organisations)
    .innerJoin(chosen, eq(organisations.id, chosen.id))
    .orderBy(desc(chosen.tier), asc(chosen.rank), asc(chosen.id));
  return { statement, selection, offset, ranked: tsquery !== null };
}

const rankOf = (query: OrganisationListQuery) => (query.lang === 'en' ? s.rankEn : s.rankTh);

/** Browsing by filters alone: the next page in rank order after the cursor's (rank, id). */
function alphabetical(
  db: Db,
  now: Date,
  query: OrganisationListQuery,
  after: { k: string; id: string } | null,
) {
  const rank = rankOf(query);
  return db
    .select({
      id: s.organisationId,
      tier: sql<boolean>`true`.as('tier'),
      rank: sql<number>`${rank}`.as('rank'),
    })
    .from(s)
    .where(
      and(
        searchConditions(query, now),
        after ? sql`(${rank}, ${s.organisationId}) > (${Number(after.k)}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(rank), asc(s.organisationId))
    .limit(query.limit + 1)
    .as('chosen');
}

/**
 * A page of a search with words: name matches in rank order, then the other matches in rank order, each
 * tier sorted on its own. PostgreSQL reads the tiers of a `union all` one after the other and stops at the
 * page's last row, so the second tier (its bitmap of every document and person's name, and the set of
 * name matches it leaves out) is read only when the names do not fill the page; the page's offset counts
 * across both. Sorting every match by tier read both in full: 'f' at 50,000 organisations took ~70 ms.
 */
function tiersInOrder(db: Db, now: Date, query: OrganisationListQuery, tsquery: string, offset: number) {
  const rank = rankOf(query);
  const filters = dimensionConditions(query, now).map(([, c]) => c);
  const tier = (inTier: boolean, where: SQL) =>
    db
      .select({
        id: s.organisationId,
        tier: (inTier ? sql<boolean>`true` : sql<boolean>`false`).as('tier'),
        rank: sql<number>`${rank}`.as('rank'),
      })
      .from(s)
      .where(and(where, ...filters))
      // Not the rank index: under a LIMIT the planner walks it whenever it guesses a word common, and a
      // wrong guess tests thousands of documents kept out of line ('khmer' at 50k: 422 ms walked).
      .orderBy(sql`${rank} + 0`, asc(s.organisationId))
      .limit(offset + query.limit + 1);
  const tiers = unionAll(tier(true, nameMatch(tsquery)), tier(false, otherMatch(tsquery))).as('tiers');
  return db
    .select()
    .from(tiers)
    .limit(query.limit + 1)
    .offset(offset)
    .as('chosen');
}

/**
 * One or two letters typed: a prefix in most names in any language, where walking the rank order is worth
 * its sample. Tested on every search, the sample cost more than the walks saved (ADR 0006).
 */
const isShortPrefix = (q: string | undefined) => q !== undefined && [...q.trim()].length <= 2;

/** The organisations first in rank order that the filters keep, on which a search tests its words. */
const SAMPLED = 100;
/** Words in this many of them or more are in so many names that walking the rank order finds a page soon. */
const COMMON_IN_NAMES = 30;

/**
 * The page when the words are in most names (a one- or two-letter prefix): name matches in rank
 * order, walked from the rank index, stop after `offset + limit + 1` of them. The statement above reads every
 * name match and sorts them, which grows with the directory: 'ม' at 50,000 organisations took 44–48 ms
 * (88–99 ms when it read every match), the walk ~2 ms at any size. Testing a row's names reads them out of line (~7 µs), so the
 * words are first tested on the first SAMPLED organisations the filters keep; rarer words, and a page the
 * name matches do not fill, go to the statement above (null). Both give the same rows, in the same order:
 * name matches first, by rank (exported for the test that says so). Both statements run prepared for the
 * common shapes: parsing and planning them was ~1.7 ms of a short prefix's ~10 ms (ADR 0006).
 */
export async function pageOfCommonNames(db: Db, now: Date, query: OrganisationListQuery, offset: number) {
  const tsquery = buildTsquery(query.q ?? '', searchSynonyms);
  if (!tsquery) return null;
  const rank = rankOf(query);
  const order = [asc(rank), asc(s.organisationId)];
  const filters = and(...dimensionConditions(query, now).map(([, c]) => c));
  const inNames = nameMatch(tsquery);
  const prepared = hasCommonShape(query, now);
  const sample = db
    .select({ id: s.organisationId })
    .from(s)
    .where(filters)
    .orderBy(...order)
    .limit(SAMPLED);
  const hits = { hits: sql<number>`count(*)::int` };
  const [tested] = await selectPreparedIf(
    prepared,
    db,
    db
      .select(hits)
      .from(s)
      .where(and(sql`${s.organisationId} = any(array(${sample}))`, inNames)),
    hits,
  );
  if (tested!.hits < COMMON_IN_NAMES) return null;
  const chosen = db
    .select({ id: s.organisationId, rank: sql<number>`${rank}`.as('rank') })
    .from(s)
    .where(and(filters, inNames))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(offset)
    .as('chosen');
  const selection = { ...organisationListColumns, rank: chosen.rank };
  const rows = await selectPreparedIf(
    prepared,
    db,
    db
      .select(selection)
      .from(organisations)
      .innerJoin(chosen, eq(organisations.id, chosen.id))
      .orderBy(asc(chosen.rank), asc(chosen.id)),
    selection,
  );
  return rows.length > query.limit ? rows : null;
}

const passColumn = (dimension: Dimension) => sql.raw(`"passes_${dimension}"`);

/**
 * For each filter, how many organisations each of its values would give with the other filters as they
 * are (its own left out), so the counts next to a filter's options stay meaningful while it is in use.
 * One statement over the search rows: the text query runs once into `found`, which keeps every
 * organisation failing at most one filter together with which filters it passes; each facet then counts
 * the rows passing all the others. A search with words stops at FACET_CAP + 1 such rows, name matches
 * first, and says so.
 */
export async function facetCounts(db: Db, now: Date, f: DirectoryFilters): Promise<DirectoryFacets> {
  const statement = facetStatement(now, f);
  const result = hasCommonShape(f, now) ? executePrepared(db, statement) : db.execute(statement);
  return presentFacets(rowsOf<FacetRow>(await result));
}

/**
 * The facets' and the page's text vary only with which filters are in use, with how many sectors or types
 * are picked (an `in` list) and, for the page, with the language's order. Searches with at most one filter,
 * and at most one sector or type, nearly all of them, run as prepared statements: PostgreSQL skips parsing
 * and, once it keeps one plan, planning (at 5,000 organisations, ~0.5 of ~3 ms for the facets, ~0.4 of
 * ~1.9 ms for the page). A prepared statement holds ~0.3 MB of its connection's memory until the connection
 * closes, so these shapes are the only ones prepared (28 facet and 28 page statements at most, and 56 smaller
 * ones, ~60 kB each, for `pageOfCommonNames`); the other combinations, of which there are thousands, are
 * parsed afresh instead of filling that memory.
 */
const hasCommonShape = (f: DirectoryFilters, now: Date) =>
  dimensionConditions(f, now).length <= 1 && (f.sector?.length ?? 0) <= 1 && (f.type?.length ?? 0) <= 1;

/** The facets' one statement (exported for the plan test). */
export function facetStatement(now: Date, f: DirectoryFilters): SQL {
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
      from found where ${passes(except)} and ${extra} group by 2`;
  const counted = (facet: Dimension, column: string) =>
    sql`select ${facet}, null, count(*)::int from found where ${passes(facet)} and ${sql.raw(column)}`;

  const candidatesWhere = (where: SQL) => sql`
    select * from (
      select organisation_id, sector, type, themes, services, coverage, languages, populations,
        has_hotline_24h as hotline, verified, ${staleSearchRow(now)} as stale ${sql.join(passColumns, sql``)}
      from ${s}
      where ${where}
    ) candidates
    where ${failures} <= 1`;

  return sql`
    ${tsquery ? namesFirst(tsquery, candidatesWhere) : sql`with found as materialized (${candidatesWhere(sql`true`)})`}
    select 'total' as facet, null::text as code, count(*)::int as n from found where ${passes()}
    union all select 'capped', null, ${tsquery ? sql`(count(*) > ${FACET_CAP})::int` : sql`0`} from found
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
  `;
}

/**
 * `found`: every match of the words, name matches first, up to the cap. The rest is read only when the name
 * matches do not reach it: a one-letter prefix is in most names, and the names index alone answers it
 * several times faster than the bitmap of every document and every person's name (ADR 0006). The name
 * matches are gathered once and the rest leaves them out by id; testing the rest against the names
 * index again read all of them a second time.
 */
function namesFirst(tsquery: string, candidatesWhere: (where: SQL) => SQL) {
  const rest = sql`${textMatch(tsquery)}
    and (select count(*) from names_found) <= ${FACET_CAP}
    and ${s.organisationId} not in (select organisation_id from names_found)`;
  return sql`
    with names_found as materialized (${candidatesWhere(nameMatch(tsquery))} limit ${FACET_CAP + 1}),
    found as materialized (
      select * from (select * from names_found union all ${candidatesWhere(rest)}) tiers limit ${FACET_CAP + 1}
    )`;
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
    capped: single('capped') === 1,
  };
}
