/** The directory list: search, filters, facet counts and paging. */
import {
  and,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  not,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type {
  DirectoryFacets,
  DirectoryFilters,
  OrganisationListQuery,
} from '../../../common/directory-api.ts';
import { type CoverageCode, PROVINCE_CODES } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { buildTsquery } from '../../platform/search/index.ts';
import { staleSql } from '../directory/staleness.ts';
import { presentListItem } from './organisations.presenter.ts';
import {
  hasHotline24hSql,
  type OrganisationRecord,
  organisationRecordColumns,
} from './organisations.repository.ts';

type Dimension = Exclude<keyof DirectoryFilters, 'q'>;
const PROVINCES = new Set<string>(PROVINCE_CODES);
/** ts_rank_cd weights for D, C, B, A: a name match outweighs any number of description matches. */
const RANK_WEIGHTS = '{0.02, 0.05, 0.2, 1.0}';

/** The WHERE clause of a filter set, optionally leaving one dimension out (for that dimension's facet counts). */
export function filterConditions(f: DirectoryFilters, now: Date, omit?: Dimension): SQL | undefined {
  const tsquery = f.q ? buildTsquery(f.q) : null;
  const flag = (value: boolean | undefined, yes: SQL) =>
    value === undefined ? undefined : value ? yes : not(yes);
  const use = <T>(dimension: Dimension, values: T[] | undefined) =>
    omit !== dimension && values && values.length > 0 ? values : undefined;

  const sector = use('sector', f.sector);
  const type = use('type', f.type);
  const theme = use('theme', f.theme);
  const service = use('service', f.service);
  const province = use('province', f.province);
  const language = use('language', f.language);
  const population = use('population', f.population);
  return and(
    tsquery ? sql`${organisations.searchDocument} @@ ${tsquery}::tsquery` : undefined,
    sector ? inArray(organisations.sector, sector) : undefined,
    type ? inArray(organisations.type, type) : undefined,
    theme ? arrayOverlaps(organisations.themes, theme) : undefined,
    service ? arrayOverlaps(organisations.services, service) : undefined,
    province ? arrayOverlaps(organisations.coverage, coverageMatching(province)) : undefined,
    language ? arrayOverlaps(organisations.languages, language) : undefined,
    population ? arrayOverlaps(organisations.populations, population) : undefined,
    omit === 'hotline24h' ? undefined : flag(f.hotline24h, hasHotline24hSql),
    omit === 'verified' ? undefined : flag(f.verified, isNotNull(organisations.verifiedAt)),
    omit === 'stale' ? undefined : flag(f.stale, staleSql(now)),
  );
}

/** An organisation working nationwide can act in every province. */
function coverageMatching(codes: CoverageCode[]): CoverageCode[] {
  return codes.some((c) => PROVINCES.has(c)) ? [...new Set([...codes, 'nationwide' as const])] : codes;
}

export async function listOrganisations(db: Db, now: Date, query: OrganisationListQuery) {
  const tsquery = query.q ? buildTsquery(query.q) : null;
  const where = filterConditions(query, now);
  const page = tsquery
    ? await rankedPage(db, where, tsquery, query)
    : await alphabeticalPage(db, where, query);
  return {
    items: page.items.map(presentListItem(now)),
    nextCursor: page.nextCursor,
    ...(query.facets ? { facets: await facetCounts(db, now, query) } : {}),
  };
}

async function alphabeticalPage(db: Db, where: SQL | undefined, query: OrganisationListQuery) {
  const after = decodeCursor(query.cursor);
  const rows = await db
    .select(organisationRecordColumns)
    .from(organisations)
    .where(
      and(
        where,
        after
          ? or(
              gt(organisations.nameEn, after.k),
              and(eq(organisations.nameEn, after.k), gt(organisations.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(organisations.nameEn), asc(organisations.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (last) => ({ k: last.nameEn, id: last.id }));
}

/** Name matches first, then by cover-density rank; ranks are not unique keys, so this pages by offset. */
async function rankedPage(db: Db, where: SQL | undefined, tsquery: string, query: OrganisationListQuery) {
  const offset = Number(decodeCursor(query.cursor, { key: 'offset', id: 'uuid' })?.k ?? 0);
  const q = sql`${tsquery}::tsquery`;
  const rows = await db
    .select(organisationRecordColumns)
    .from(organisations)
    .where(where)
    .orderBy(
      desc(sql`ts_filter(${organisations.searchDocument}, '{a}') @@ ${q}`),
      desc(sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${organisations.searchDocument}, ${q})`),
      asc(organisations.nameEn),
      asc(organisations.id),
    )
    .limit(query.limit + 1)
    .offset(offset);
  return pageOf(rows, query.limit, (last) => ({ k: String(offset + query.limit), id: last.id }));
}

function pageOf(
  rows: OrganisationRecord[],
  limit: number,
  key: (last: OrganisationRecord) => { k: string; id: string },
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}

const ARRAY_DIMENSIONS = {
  theme: organisations.themes,
  service: organisations.services,
  language: organisations.languages,
  population: organisations.populations,
} as const;

/**
 * For each filter, how many organisations each of its values would give with the other filters as they
 * are (its own left out), so the counts next to a filter's options stay meaningful while it is in use.
 */
export async function facetCounts(db: Db, now: Date, f: DirectoryFilters): Promise<DirectoryFacets> {
  const grouped = async (value: SQL, where: SQL | undefined) => {
    const rows = await db
      .select({ code: sql<string | null>`${value}`.as('code'), n: count() })
      .from(organisations)
      .where(where)
      .groupBy(sql`1`);
    return Object.fromEntries(rows.filter((r) => r.code !== null).map((r) => [r.code!, r.n]));
  };
  const counted = async (where: SQL | undefined) =>
    (await db.select({ n: count() }).from(organisations).where(where))[0]!.n;

  const arrays = Object.entries(ARRAY_DIMENSIONS).map(async ([dimension, column]) => [
    dimension,
    await grouped(sql`unnest(${column})`, filterConditions(f, now, dimension as Dimension)),
  ]);
  const withoutProvince = filterConditions(f, now, 'province');
  const [total, sector, type, coverage, regionalCoverage, hotline24h, verified, stale, ...arrayCounts] =
    await Promise.all([
      counted(filterConditions(f, now)),
      grouped(sql`${organisations.sector}`, filterConditions(f, now, 'sector')),
      grouped(sql`${organisations.type}`, filterConditions(f, now, 'type')),
      grouped(sql`unnest(${organisations.coverage})`, withoutProvince),
      grouped(
        sql`unnest(${organisations.coverage})`,
        and(withoutProvince, not(arrayOverlaps(organisations.coverage, ['nationwide']))),
      ),
      counted(and(filterConditions(f, now, 'hotline24h'), hasHotline24hSql)),
      counted(and(filterConditions(f, now, 'verified'), isNotNull(organisations.verifiedAt))),
      counted(and(filterConditions(f, now, 'stale'), staleSql(now))),
      ...arrays,
    ]);
  const nationwide = coverage.nationwide ?? 0;
  const province: Record<string, number> = {};
  for (const code of PROVINCE_CODES) {
    const n = (regionalCoverage[code] ?? 0) + nationwide;
    if (n > 0) province[code] = n;
  }
  if (nationwide) province.nationwide = nationwide;
  if (coverage.abroad) province.abroad = coverage.abroad;
  return {
    total,
    sector,
    type,
    province,
    hotline24h,
    verified,
    stale,
    ...(Object.fromEntries(arrayCounts as [string, Record<string, number>][]) as Pick<
      DirectoryFacets,
      'theme' | 'service' | 'language' | 'population'
    >),
  };
}
