/**
 * The board: filters, views, sorts and Thai search over problems. Every sort pages by keyset on an indexed
 * (key, id) pair — relevance within each of its two tiers — so deep pages cost the same as the first at
 * 100k problems. A page is chosen on the narrow board rows (`problem_board`) and its problems read by
 * primary key in the same statement.
 */
import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { ProblemListQuery } from '../../../common/problems-api.ts';
import { OPEN_STATES } from '../../../common/problems-taxonomy.ts';
import type { Db } from '../../db/client.ts';
import { selectPreparedIf } from '../../db/prepared.ts';
import { problemAssignments, problemBoard, problemSupports, problems } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { type CursorKey, decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { buildTsquery, searchSynonyms } from '../../platform/search/index.ts';
import { usingSearchIndexes } from '../../platform/search/index-reads.ts';
import { presentProblemListItem } from './problems.presenter.ts';
import { organisationsById, type Problem, problemColumns, supportedBy } from './problems.repository.ts';

const b = problemBoard;
const badCursor = () =>
  badRequest('INVALID_CURSOR', 'The cursor is not valid; start again from the first page');
const assignedTo = (organisationId: string) =>
  sql`exists (select 1 from ${problemAssignments} where ${problemAssignments.problemId} = ${b.problemId} and ${problemAssignments.organisationId} = ${organisationId})`;
/**
 * An organisation supports hundreds of problems at most: reading them from its index and sorting those is
 * faster than walking the board in order and probing each (100k problems: 13 ms instead of 90 ms).
 */
const supportedByOrg = (organisationId: string) =>
  sql`${b.problemId} = any(array(select ${problemSupports.problemId} from ${problemSupports} where ${problemSupports.organisationId} = ${organisationId}))`;
/**
 * Relevance: problems whose title matches first, then those that mention the words only elsewhere, each
 * newest first. Each tier is its own keyset query, answered by walking the creation index for a common
 * word (a title document is ~0.9 KB, tested in place) or from the GIN index for a rare one (firstMatching).
 * Ordering every match by a title flag read them all: 91 ms for 'ล่าม' (15,000 of 100,000 problems), 10 ms
 * now. The cursor names the tier and the position in it.
 */
const TIERS = ['title', 'elsewhere'] as const;
const NEWEST_FIRST = [desc(b.createdAt), desc(b.problemId)];
type Tier = (typeof TIERS)[number];
// The title document is the search document's title lexemes, so a title match needs no second index.
const inTier = (tier: Tier, tsquery: string) =>
  tier === 'title'
    ? sql`${b.titleDocument} @@ ${tsquery}::tsquery`
    : sql`${b.document} @@ ${tsquery}::tsquery and not (${b.titleDocument} @@ ${tsquery}::tsquery)`;
const matching = (tsquery: string) => sql`${b.document} @@ ${tsquery}::tsquery`;
const ts = (d: Date | string) => sql`${typeof d === 'string' ? d : d.toISOString()}::timestamptz`;

function filters(viewer: Actor, now: Date, q: ProblemListQuery): (SQL | undefined)[] {
  const overdue = sql`${b.dueAt} < ${ts(now)}`;
  return [
    q.type?.length ? inArray(b.type, q.type) : undefined,
    q.state?.length ? inArray(b.state, q.state) : undefined,
    q.category?.length ? inArray(b.category, q.category) : undefined,
    q.sector?.length ? arrayOverlaps(b.sectors, q.sector) : undefined,
    q.province?.length ? arrayOverlaps(b.provinces, q.province) : undefined,
    q.assignedOrganisationId ? assignedTo(q.assignedOrganisationId) : undefined,
    q.overdue === true
      ? overdue
      : q.overdue === false
        ? or(isNull(b.dueAt), sql`not (${overdue})`)
        : undefined,
    q.supportedByMyOrganisation === true
      ? supportedByOrg(viewer.organisationId)
      : q.supportedByMyOrganisation === false
        ? sql`not ${supportedByOrg(viewer.organisationId)}`
        : undefined,
    q.view === 'mine' ? eq(b.reporterOrganisationId, viewer.organisationId) : undefined,
    q.view === 'assigned' ? assignedTo(viewer.organisationId) : undefined,
    // The Centre's queue: new (not yet assigned) and overdue.
    q.view === 'triage' ? or(inArray(b.state, ['submitted', 'under_review']), overdue) : undefined,
    q.sort === 'oldest_open' ? inArray(b.state, [...OPEN_STATES]) : undefined,
  ];
}

type Sorting = { after: SQL | undefined; order: SQL[]; key: (p: Problem) => CursorKey };

function sorting(
  sort: Exclude<ProblemListQuery['sort'], 'relevance' | undefined>,
  cursor: string | undefined,
): Sorting {
  switch (sort) {
    case 'most_supported': {
      const c = decodeCursor(cursor, { key: 'offset', id: 'uuid' });
      return {
        after: c ? sql`(${b.supportCount}, ${b.problemId}) < (${Number(c.k)}, ${c.id}::uuid)` : undefined,
        order: [desc(b.supportCount), desc(b.problemId)],
        key: (p) => ({ k: String(p.supportCount), id: p.id }),
      };
    }
    case 'oldest_open': {
      const c = decodeCursor(cursor, { key: 'date', id: 'uuid' });
      return {
        after: c ? sql`(${b.createdAt}, ${b.problemId}) > (${ts(c.k)}, ${c.id}::uuid)` : undefined,
        order: [asc(b.createdAt), asc(b.problemId)],
        key: (p) => ({ k: p.createdAt.toISOString(), id: p.id }),
      };
    }
    case 'nearest_deadline': {
      // Problems with a deadline first (soonest first), then those without; '' marks the second part.
      const c = decodeCursor(cursor, { key: 'text', id: 'uuid' });
      if (c && c.k !== '' && Number.isNaN(Date.parse(c.k))) throw badCursor();
      const after = !c
        ? undefined
        : c.k === ''
          ? sql`(${b.dueAt} is null and ${b.problemId} > ${c.id}::uuid)`
          : sql`((${b.dueAt}, ${b.problemId}) > (${ts(c.k)}, ${c.id}::uuid) or ${b.dueAt} is null)`;
      return {
        after,
        order: [sql`${b.dueAt} asc nulls last`, asc(b.problemId)],
        key: (p) => ({ k: p.dueAt?.toISOString() ?? '', id: p.id }),
      };
    }
    default: {
      const c = decodeCursor(cursor, { key: 'date', id: 'uuid' });
      return {
        after: c ? sql`(${b.createdAt}, ${b.problemId}) < (${ts(c.k)}, ${c.id}::uuid)` : undefined,
        order: NEWEST_FIRST,
        key: (p) => ({ k: p.createdAt.toISOString(), id: p.id }),
      };
    }
  }
}

export function authorizeBoard(viewer: Actor, q: Pick<ProblemListQuery, 'view'>) {
  authorize(viewer, 'problem.read', undefined);
  if (q.view === 'triage') authorize(viewer, 'problem.triage', undefined);
}

/** When the next deadline passes: until then no problem turns overdue (one step down the due-date index). */
export async function nextDeadlineAfter(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: problems.dueAt })
    .from(problems)
    .where(sql`${problems.dueAt} > ${ts(now)}`)
    .orderBy(asc(problems.dueAt))
    .limit(1);
  return row?.dueAt ?? null;
}

export async function listProblems(db: Db, viewer: Actor, now: Date, q: ProblemListQuery) {
  authorizeBoard(viewer, q);
  const tsquery = q.q ? buildTsquery(q.q, searchSynonyms) : null;
  const sort = q.sort === 'relevance' && !tsquery ? 'newest' : (q.sort ?? (tsquery ? 'relevance' : 'newest'));
  // The words are matched apart from the filters (firstMatching), tier by tier for relevance.
  const where = filters(viewer, now, { ...q, sort });
  const { rows, key } =
    sort === 'relevance'
      ? await usingSearchIndexes(db, (tx) => relevanceRows(tx, where, tsquery!, q, hasCommonShape(q, where)))
      : await sortedRows(db, where, sort, q, tsquery ? matching(tsquery) : null);
  const page = rows.slice(0, q.limit);
  const [orgs, mine] = await Promise.all([
    organisationsById(
      db,
      page.flatMap((p) => [p.reporterOrganisationId, p.leadOrganisationId]),
    ),
    supportedBy(
      db,
      viewer.organisationId,
      page.map((p) => p.id),
    ),
  ]);
  return toPage(rows, q.limit, key, (p) =>
    presentProblemListItem(viewer, now, p, {
      reporterOrganisation: orgs.get(p.reporterOrganisationId) ?? null,
      leadOrganisation: p.leadOrganisationId ? (orgs.get(p.leadOrganisationId) ?? null) : null,
      supportedByMyOrganisation: mine.has(p.id),
    }),
  );
}

async function sortedRows(
  db: Db,
  where: (SQL | undefined)[],
  sort: Exclude<ProblemListQuery['sort'], 'relevance' | undefined>,
  q: ProblemListQuery,
  search: SQL | null,
) {
  const s = sorting(sort, q.cursor);
  const rows = search
    ? await usingSearchIndexes(db, (tx) => firstMatching(tx, and(...where), search, s, q.limit + 1))
    : await inOrder(db, and(...where, s.after), s.order, q.limit + 1);
  return { rows, key: s.key };
}

/**
 * The first `limit` board rows meeting `where` in `order`, as problems: chosen on the narrow rows, then
 * read by primary key, in one statement (one snapshot).
 */
async function inOrder(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  prepared = false,
): Promise<Problem[]> {
  const chosen = db
    .select({
      id: b.problemId,
      position: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('position'),
    })
    .from(b)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .as('chosen');
  const statement = db
    .select(problemColumns)
    .from(problems)
    .innerJoin(chosen, eq(problems.id, chosen.id))
    .orderBy(asc(chosen.position));
  return selectPreparedIf(prepared, db, statement, problemColumns);
}

/** The problems next in order, among those the filters keep, that a search tests its word on. */
const SAMPLED = 100;
/** A word in this many of them or more is common: walking the board in order finds a page soon. */
const COMMON_IN_SAMPLE = 2;

/**
 * The first `limit` problems in `s.order` meeting `filters` and `search`. Walking the sort's index in order
 * finds a page of a common word (and every short prefix is common) within a few dozen problems, but tests
 * every problem for a word in few or none; the planner, which cannot count a prefix's matches, walks for
 * those too: 2 s for "passport" at 100,000 problems. So the word is first tested on the next SAMPLED
 * problems in order that the filters keep: a common word walks; a rare one reads its matches from the
 * search index and sorts those: gathered into an array, which keeps the planner from walking, and read back
 * by ctid (951 matches: 1 ms, against 6 ms by primary key). The sample is taken after the filters because a word common on the whole
 * board can be rare within one category: sampled before them, "scam" among labour inspections walked all
 * 100,000 problems (165 ms). The word is tested on the sample's rows by primary key, after the sample is
 * chosen, so a plan that sorts the filters' rows does not test each of them. Reading every search's
 * matches from the index instead made typing 3× slower under load, as a one-letter prefix expands to
 * hundreds of lexemes (ADR 0007).
 */
async function firstMatching(
  tx: Db,
  filters: SQL | undefined,
  search: SQL,
  s: Pick<Sorting, 'after' | 'order'>,
  limit: number,
  prepared = false,
): Promise<Problem[]> {
  const others = and(filters, s.after);
  const sample = tx
    .select({ id: b.problemId })
    .from(b)
    .where(others)
    .orderBy(...s.order)
    .limit(SAMPLED);
  const hits = { hits: sql<number>`count(*)::int` };
  const testing = tx
    .select(hits)
    .from(b)
    .where(and(sql`${b.problemId} = any(array(${sample}))`, search));
  const [tested] = await selectPreparedIf(prepared, tx, testing, hits);
  const common = tested!.hits >= COMMON_IN_SAMPLE;
  return inOrder(
    tx,
    common
      ? and(others, search)
      : sql`${b}.ctid = any(array(select ctid from ${b} where ${and(others, search)}))`,
    s.order,
    limit,
    prepared,
  );
}

/**
 * A search's statements vary in text with the filters in use, the length of a type, state or category
 * list, and the cursor. The first page of a search with at most one filter of one value, what typing
 * sends, runs prepared (`selectPrepared`): no parsing and, once PostgreSQL keeps one plan, no planning for
 * its two or four statements. At most 90 shapes are prepared per session (15 filter shapes, two tiers, a
 * sample and two kinds of page each); other searches are parsed afresh rather than fill its memory.
 */
function hasCommonShape(q: ProblemListQuery, where: (SQL | undefined)[]) {
  const lists = [q.type, q.state, q.category].every((list) => (list?.length ?? 0) <= 1);
  return lists && where.filter(Boolean).length <= 1 && !q.cursor;
}

/** The title tier, then the rest, each newest first, until `limit + 1` rows (see TIERS). */
async function relevanceRows(
  tx: Db,
  where: (SQL | undefined)[],
  tsquery: string,
  q: ProblemListQuery,
  prepared: boolean,
) {
  const c = decodeCursor(q.cursor, { key: 'text', id: 'uuid' });
  const [cursorTier, at = ''] = c ? c.k.split('|') : [];
  if (c && (!TIERS.includes(cursorTier as Tier) || Number.isNaN(Date.parse(at)))) throw badCursor();
  const tierOf = new Map<string, Tier>();
  const rows: Problem[] = [];
  for (const tier of TIERS.slice(c ? TIERS.indexOf(cursorTier as Tier) : 0)) {
    const after =
      c && tier === cursorTier
        ? sql`(${b.createdAt}, ${b.problemId}) < (${ts(at)}, ${c.id}::uuid)`
        : undefined;
    const tierOrder = { after, order: NEWEST_FIRST };
    const found = await firstMatching(
      tx,
      and(...where),
      inTier(tier, tsquery),
      tierOrder,
      q.limit + 1 - rows.length,
      prepared,
    );
    for (const p of found) tierOf.set(p.id, tier);
    rows.push(...found);
    if (rows.length > q.limit) break;
  }
  return {
    rows,
    key: (p: Problem): CursorKey => ({ k: `${tierOf.get(p.id)}|${p.createdAt.toISOString()}`, id: p.id }),
  };
}
