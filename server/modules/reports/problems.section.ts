/**
 * Problems and recommendations: raised, answered and resolved per category and sector; how long each
 * responsible agency takes to its first official answer (median, 90th percentile); what is overdue now;
 * the supports given; the recommendations adopted (resolved). Beyond the Centre, an organisation sees
 * its own agency row against the network's medians, and a small count from one reporting organisation
 * shows "< 5" so an anonymous reporter cannot be singled out.
 */
import { sql } from 'drizzle-orm';
import { OPEN_STATES, PROBLEM_CATEGORIES } from '../../../common/problems-taxonomy.ts';
import { bangkokDay, bangkokMidnight, dayCode, type Period } from '../../../common/report-periods.ts';
import { type Cell, type ReportTable, SMALL_COUNT } from '../../../common/reports-api.ts';
import { SECTORS } from '../../../common/taxonomies.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  organisations,
  problemAssignments,
  problemSupports,
  problems,
  reportAgencyCounts,
  reportAgencyFirstAssignments,
  reportAgencyOverdue,
  reportProblemDueDays,
  reportSupportDays,
} from '../../db/schema/index.ts';
import { sectorLabel } from './network.section.ts';
import { overdueChangesPerAgency } from './overdue.ts';
import { countsInMonths, keptInMonths, type MonthCounts } from './problems.months.ts';
import {
  label,
  networkMedianRowOf,
  oneDecimal,
  type ReportSectionDefinition,
  type SectionContext,
  suppress,
  totalsOf,
} from './sections.ts';

const openStates = sql.join(
  OPEN_STATES.map((s) => sql`${s}`),
  sql`, `,
);
const within = (column: unknown, start: Date, end: Date) =>
  sql`(${column} >= ${start.toISOString()}::timestamptz and ${column} < ${end.toISOString()}::timestamptz)`;

const isBangkokMidnight = (at: Date) => {
  const d = bangkokDay(at);
  return bangkokMidnight(d.year, d.month, d.day).getTime() === at.getTime();
};

/** Supports given in the period: the day counts kept by migration 0036's trigger, for whole Bangkok days. */
function supportsIn(start: Date, end: Date) {
  if (isBangkokMidnight(start) && isBangkokMidnight(end))
    return sql`(select coalesce(sum(${reportSupportDays.supports}), 0)::int from ${reportSupportDays}
      where ${reportSupportDays.day} >= ${dayCode(start)}::date and ${reportSupportDays.day} < ${dayCode(end)}::date)`;
  return sql`(select count(*)::int from ${problemSupports} where ${within(problemSupports.createdAt, start, end)})`;
}

/**
 * Open problems past their deadline now: the kept open problems of every deadline day before today
 * (migration 0053) and today's deadlines already passed, an index range. Counting them one by one read
 * ~25,000 index entries per load at 100,000 problems.
 */
async function overdueNow(ctx: SectionContext) {
  const today = new Date(ctx.now);
  today.setUTCHours(0, 0, 0, 0);
  const d = reportProblemDueDays;
  const [row] = rowsOf<{ n: number }>(
    await executePrepared(
      ctx.db,
      sql`select (
        (select coalesce(sum(${d.open}), 0) from ${d} where ${d.day} < ${today.toISOString().slice(0, 10)}::date)
        + (select count(*) from ${problems} where ${problems.state} in (${openStates})
            and ${within(problems.dueAt, today, ctx.now)})
      )::int as n`,
    ),
  );
  return row!.n;
}

type Headline = { raised: number; answered: number; resolved: number; adopted: number; supports: number };

/** A standard period's counts come from the months kept by triggers; a custom range's are counted live. */
async function headline(
  ctx: SectionContext,
  p: Period,
  months: Promise<MonthCounts> | null,
): Promise<Headline> {
  if (!months) return liveHeadline(ctx, p.start, p.end);
  const [{ totals }, supports] = await Promise.all([
    months,
    executePrepared(ctx.db, sql`select ${supportsIn(p.start, p.end)} as n`),
  ]);
  return { ...totals, supports: rowsOf<{ n: number }>(supports)[0]!.n };
}

/**
 * Each count is its own range scan over an index that holds every column it needs (migration 0035), so a
 * year costs the rows in that year, not a pass over every problem ever raised.
 */
async function liveHeadline(ctx: SectionContext, start: Date, end: Date): Promise<Headline> {
  const resolvedIn = sql`${problems.state} = 'resolved' and ${within(problems.closedAt, start, end)}`;
  const [row] = rowsOf<{
    raised: number;
    answered: number;
    resolved: number;
    adopted: number;
    supports: number;
  }>(
    await executePrepared(
      ctx.db,
      sql`
      select
        (select count(*)::int from ${problems} where ${within(problems.createdAt, start, end)}) as raised,
        (select count(*)::int from ${problems} where ${within(problems.firstAnsweredAt, start, end)}) as answered,
        (select count(*)::int from ${problems} where ${resolvedIn}) as resolved,
        (select count(*)::int from ${problems} where ${resolvedIn} and ${problems.type} = 'recommendation') as adopted,
        ${supportsIn(start, end)} as supports`,
    ),
  );
  return row!;
}

/**
 * `*_orgs` is 1 when every problem counted came from one reporting organisation and 2 when several did:
 * all suppression needs to know, and far cheaper than counting distinct organisations.
 */
type GroupRow = {
  code: string;
  raised: number;
  raised_orgs: number;
  answered: number;
  answered_orgs: number;
  resolved: number;
  resolved_orgs: number;
};

/**
 * Raised, answered and resolved per category and per sector, from the kept months when the period has
 * them. Beyond the Centre a count of 1–4 shows "< 5" only when it came from one organisation, which the
 * months do not hold: then (rare at scale, cheap at small sizes) the period is counted live.
 */
async function grouped(ctx: SectionContext, months: Promise<MonthCounts> | null) {
  if (!months) return liveGrouped(ctx);
  const kept = await months;
  const rows = (byCode: MonthCounts['categories']): GroupRow[] =>
    [...byCode]
      .filter(([, n]) => n.raised + n.answered + n.resolved > 0)
      .map(([code, n]) => ({
        code,
        ...n,
        // Whether one organisation or several reported matters only below 5 beyond the Centre (see below).
        raised_orgs: 2,
        answered_orgs: 2,
        resolved_orgs: 2,
      }));
  const counts = { categories: rows(kept.categories), sectors: rows(kept.sectors) };
  const small = (r: GroupRow) => [r.raised, r.answered, r.resolved].some((n) => n > 0 && n < SMALL_COUNT);
  if (!ctx.centre && [...counts.categories, ...counts.sectors].some(small)) return liveGrouped(ctx);
  return counts;
}

/**
 * Raised, answered and resolved per category and per sector, counted live. A problem counts once for each
 * of the three that happened in the period: three range scans (one per date column) read once and grouped in one pass
 * (each problem once under its category and once under each of its sectors), instead of a pass over every
 * problem testing all three dates for each table.
 */
async function liveGrouped(ctx: SectionContext) {
  const { start, end } = ctx.period;
  const p = problems;
  const picked = sql`${p.category} as category, ${p.sectors} as sectors, ${p.reporterOrganisationId}::text collate "C" as org`;
  const counts = sql.join(
    (['raised', 'answered', 'resolved'] as const).map(
      (kind) => sql`count(*) filter (where kind = ${kind})::int as ${sql.raw(kind)},
        (case when min(org) filter (where kind = ${kind}) < max(org) filter (where kind = ${kind}) then 2 else 1 end)::int as ${sql.raw(`${kind}_orgs`)}`,
    ),
    sql`, `,
  );
  const rows = rowsOf<GroupRow & { by: 'category' | 'sector' }>(
    await executePrepared(
      ctx.db,
      sql`
      with happened as (
        select 'raised' as kind, ${picked} from ${p} where ${within(p.createdAt, start, end)}
        union all
        select 'answered', ${picked} from ${p} where ${within(p.firstAnsweredAt, start, end)}
        union all
        select 'resolved', ${picked} from ${p} where ${p.state} = 'resolved' and ${within(p.closedAt, start, end)}
      )
      select grouped.by, grouped.code, ${counts}
      from happened cross join lateral (
        select 'category' as by, happened.category as code
        union all
        select 'sector', sector from unnest(happened.sectors) as sector
      ) grouped
      group by 1, 2`,
    ),
  );
  return {
    categories: rows.filter((r) => r.by === 'category'),
    sectors: rows.filter((r) => r.by === 'sector'),
  };
}

const COUNT_COLUMNS = [
  { key: 'raised', label: label('เสนอเข้ามา', 'Raised') },
  { key: 'answered', label: label('ได้รับคำตอบทางการครั้งแรก', 'First official answer') },
  { key: 'resolved', label: label('แก้ไขแล้ว', 'Resolved') },
];

function countTable(
  ctx: SectionContext,
  rows: GroupRow[],
  order: readonly { code: string; label: ReturnType<typeof label> }[],
  key: string,
  title: ReturnType<typeof label>,
  header: ReturnType<typeof label>,
): ReportTable {
  const present = order
    .map((o) => ({ o, r: rows.find((r) => r.code === o.code) }))
    .filter((x): x is { o: (typeof order)[number]; r: GroupRow } => !!x.r);
  return {
    key,
    title,
    labelHeader: header,
    columns: COUNT_COLUMNS,
    rows: present.map(({ o, r }) => ({
      code: o.code,
      label: o.label,
      values: [
        suppress(ctx, r.raised, r.raised_orgs),
        suppress(ctx, r.answered, r.answered_orgs),
        suppress(ctx, r.resolved, r.resolved_orgs),
      ],
    })),
    totals: totalsOf(
      present.map(({ r }) => ({ values: [r.raised, r.answered, r.resolved] })),
      [true, true, true],
    ),
  };
}

type AgencyRow = {
  organisation_id: string;
  name_th: string;
  name_en: string;
  assigned: number;
  answered: number;
  overdue: number;
  median_days: number | null;
  p90_days: number | null;
};

/**
 * Per responsible agency: assignments made in the period, first official answers given in it (with the
 * median and 90th percentile of the days they took), and its assignments overdue now (each assignment's
 * copy of its open problem's deadline, migration 0041, counted as overdue.ts says). Every organisation
 * assigned anything before the period's end has a row (each one's first assignment is kept by migration
 * 0045). A standard period reads the assignments and answers kept per agency by migration 0045's
 * triggers; a custom range counts them live.
 */
function agencyFigures(ctx: SectionContext) {
  const e = ctx.period.end.toISOString();
  const first = reportAgencyFirstAssignments;
  const kept = reportAgencyOverdue;
  return sql`
    ${agencyCounts(ctx)},
    agencies as (
      select ${first.organisationId} as organisation_id,
        coalesce(counted.assigned, 0) as assigned, coalesce(counted.answered, 0) as answered,
        coalesce(${kept.overdue}, 0) + coalesce(overdue_changes.n, 0) as overdue,
        counted.median_days, counted.p90_days
      from ${first}
        left join counted on counted.organisation_id = ${first.organisationId}
        left join ${kept} on ${kept.organisationId} = ${first.organisationId}
        left join overdue_changes on overdue_changes.organisation_id = ${first.organisationId}
      where ${first.firstAssignedAt} < ${e}::timestamptz
    )`;
}

/** The period's assignments and answers per agency (`counted`), and what to add to each kept overdue count. */
function agencyCounts(ctx: SectionContext) {
  return sql`
    counted as (${keptInMonths(ctx.period) ? keptAgencyCounts(ctx.period) : liveAgencyCounts(ctx.period)}),
    overdue_changes as (${overdueChangesPerAgency(ctx.now, ctx.period.end)})`;
}

type AgencyTotals = {
  rows_in_full: number;
  assigned_total: number;
  answered_total: number;
  overdue_total: number;
};

/**
 * The Centre's table: every agency, named, the most assigned first. The dashboard asks for the first
 * rows only: the database sorts, cuts and sums the whole table, so ~5,000 rows need not leave it.
 */
async function everyAgency(ctx: SectionContext) {
  const { rowsPerTable } = ctx;
  const top = rowsPerTable === undefined ? null : await mostAssignedAgencies(ctx, rowsPerTable);
  if (top) return top;
  const rows = rowsOf<AgencyRow & AgencyTotals>(
    await executePrepared(
      ctx.db,
      sql`
      with ${agencyFigures(ctx)}
      select a.*, o.name_th, o.name_en, count(*) over ()::int as rows_in_full,
        sum(a.assigned) over ()::int as assigned_total, sum(a.answered) over ()::int as answered_total,
        sum(a.overdue) over ()::int as overdue_total
      from agencies a join ${organisations} o on o.id = a.organisation_id
      order by a.assigned desc, o.name_en, a.organisation_id
      ${rowsPerTable === undefined ? sql`` : sql`limit ${rowsPerTable}`}`,
    ),
  );
  return { rows, totals: rows[0] ?? null };
}

/**
 * The first `count` rows of the Centre's table without building the other ~5,000: only the agencies
 * assigned at least as much as the `count`-th most assigned can be among them (ties included, since
 * names break them), and the totals are sums over the counts themselves (8.7 → 3.4 ms at 5,000 agencies,
 * pgbench). Null when agencies assigned nothing would be among the rows (ordered by name then), or fewer
 * than `count` were assigned anything: the whole table is ordered instead.
 */
async function mostAssignedAgencies(ctx: SectionContext, count: number) {
  const e = ctx.period.end.toISOString();
  const first = reportAgencyFirstAssignments;
  const kept = reportAgencyOverdue;
  const rows = rowsOf<AgencyRow & AgencyTotals & { complete: boolean }>(
    await executePrepared(
      ctx.db,
      sql`
      with ${agencyCounts(ctx)},
      top as (select * from counted order by assigned desc fetch first (${count}::int) rows with ties),
      totals as (
        select
          (select count(*) from ${first} where ${first.firstAssignedAt} < ${e}::timestamptz)::int as rows_in_full,
          (select coalesce(sum(assigned), 0) from counted)::int as assigned_total,
          (select coalesce(sum(answered), 0) from counted)::int as answered_total,
          ((select coalesce(sum(${kept.overdue}), 0) from ${kept})
            + (select coalesce(sum(n), 0) from overdue_changes))::int as overdue_total,
          (select count(*) >= ${count}::int and min(assigned) > 0 from top) as complete
      )
      select t.organisation_id, t.assigned, t.answered,
        coalesce(${kept.overdue}, 0) + coalesce(overdue_changes.n, 0) as overdue, t.median_days, t.p90_days,
        o.name_th, o.name_en, totals.*
      from top t join ${organisations} o on o.id = t.organisation_id
        left join ${kept} on ${kept.organisationId} = t.organisation_id
        left join overdue_changes on overdue_changes.organisation_id = t.organisation_id
        cross join totals
      order by t.assigned desc, o.name_en, t.organisation_id
      limit ${count}::int`,
    ),
  );
  const totals = rows[0];
  if (!totals?.complete) return null;
  return { rows, totals };
}

type MedianAgency = {
  own: AgencyRow | null;
  agencies: number;
  assigned: number | null;
  answered: number | null;
  overdue: number | null;
  with_median: number;
  median_days: number | null;
  with_p90: number;
  p90_days: number | null;
};

/**
 * Beyond the Centre: one's own row and the median agency, summed up in the database. The median of each
 * quantile column is taken over the figures as shown (one decimal, rounded half up as Math.round does).
 */
async function ownAndMedianAgency(ctx: SectionContext) {
  const shown = (column: string) => sql.raw(`floor(${column} * 10 + 0.5) / 10`);
  const [row] = rowsOf<MedianAgency>(
    await executePrepared(
      ctx.db,
      sql`
      with ${agencyFigures(ctx)}
      select
        (select row_to_json(x) from (
          select a.*, o.name_th, o.name_en from agencies a join ${organisations} o on o.id = a.organisation_id
          where a.organisation_id = ${ctx.viewer.organisationId ?? null}::uuid) x) as own,
        count(*)::int as agencies,
        percentile_cont(0.5) within group (order by assigned) as assigned,
        percentile_cont(0.5) within group (order by answered) as answered,
        percentile_cont(0.5) within group (order by overdue) as overdue,
        count(median_days)::int as with_median,
        percentile_cont(0.5) within group (order by ${shown('median_days')}) as median_days,
        count(p90_days)::int as with_p90,
        percentile_cont(0.5) within group (order by ${shown('p90_days')}) as p90_days
      from agencies`,
    ),
  );
  return row!;
}

/** A standard period's assignments and first answers per agency, as migration 0045 keeps them. */
function keptAgencyCounts(p: Period) {
  const c = reportAgencyCounts;
  return sql`
    select ${c.organisationId} as organisation_id, ${c.assigned} as assigned, ${c.answered} as answered,
      ${c.medianDays} as median_days, ${c.p90Days} as p90_days
    from ${c} where ${c.kind} = ${p.kind} and ${c.starts} = ${dayCode(p.start)}::date`;
}

/** A custom range's assignments and first answers per agency, each an index range. */
function liveAgencyCounts({ start, end }: Period) {
  const pa = problemAssignments;
  return sql`
    select organisation_id, sum(assigned)::int as assigned, sum(answered)::int as answered,
      percentile_cont(0.5) within group (order by wait) as median_days,
      percentile_cont(0.9) within group (order by wait) as p90_days
    from (
      select ${pa.organisationId} as organisation_id, 1 as assigned, 0 as answered, null::float8 as wait
      from ${pa} where ${within(pa.assignedAt, start, end)}
      union all
      select ${pa.organisationId}, 0, 1, extract(epoch from ${pa.firstAnsweredAt} - ${pa.assignedAt})::float8 / 86400
      from ${pa}
      where ${within(pa.firstAnsweredAt, start, end)} and ${pa.assignedAt} < ${end.toISOString()}::timestamptz
    ) happened
    group by 1`;
}

const AGENCY_COLUMNS = [
  { key: 'assigned', label: label('ได้รับมอบหมาย', 'Assigned') },
  { key: 'answered', label: label('ตอบทางการครั้งแรก', 'First answers') },
  { key: 'median_days', label: label('มัธยฐานวันถึงคำตอบ', 'Median days to answer') },
  { key: 'p90_days', label: label('เปอร์เซ็นไทล์ที่ 90 (วัน)', '90th percentile (days)') },
  { key: 'overdue', label: label('เกินกำหนดขณะนี้', 'Overdue now') },
];

const agencyValues = (r: AgencyRow): Cell[] => [
  r.assigned,
  r.answered,
  oneDecimal(r.median_days),
  oneDecimal(r.p90_days),
  r.overdue,
];

const AGENCY_TABLE = {
  key: 'agencies',
  title: label('เวลาถึงคำตอบทางการ แยกตามหน่วยงานที่รับผิดชอบ', 'Time to official answer per responsible agency'),
  labelHeader: label('หน่วยงาน', 'Agency'),
  columns: AGENCY_COLUMNS,
};

async function agencyTable(ctx: SectionContext): Promise<ReportTable> {
  if (ctx.centre) {
    const { rows, totals } = await everyAgency(ctx);
    const inFull = totals?.rows_in_full ?? 0;
    return {
      ...AGENCY_TABLE,
      rows: rows.map((r) => ({
        code: r.organisation_id,
        label: label(r.name_th, r.name_en),
        values: agencyValues(r),
      })),
      ...(inFull > rows.length ? { rowsInFull: inFull } : {}),
      totals: [
        totals?.assigned_total ?? 0,
        totals?.answered_total ?? 0,
        null,
        null,
        totals?.overdue_total ?? 0,
      ],
    };
  }
  // Beyond the Centre: one's own row, and the median agency, never another agency's figures.
  const m = await ownAndMedianAgency(ctx);
  return {
    ...AGENCY_TABLE,
    rows: [
      ...(m.own
        ? [
            {
              code: m.own.organisation_id,
              label: label(m.own.name_th, m.own.name_en),
              values: agencyValues(m.own),
            },
          ]
        : []),
      networkMedianRowOf(
        [
          { figures: m.agencies, median: m.assigned },
          { figures: m.agencies, median: m.answered },
          { figures: m.with_median, median: m.median_days },
          { figures: m.with_p90, median: m.p90_days },
          { figures: m.agencies, median: m.overdue },
        ],
        ctx,
      ),
    ],
    totals: null,
  };
}

export const problemsSection: ReportSectionDefinition = {
  id: 'problems',
  title: label('ปัญหาอุปสรรคและข้อเสนอแนะ', 'Problems and recommendations'),
  async compute(ctx) {
    const months = keptInMonths(ctx.period) ? countsInMonths(ctx, ctx.period) : null;
    const monthsBefore = keptInMonths(ctx.previous) ? countsInMonths(ctx, ctx.previous) : null;
    const [now, before, { categories, sectors }, agencies, overdue] = await Promise.all([
      headline(ctx, ctx.period, months),
      headline(ctx, ctx.previous, monthsBefore),
      grouped(ctx, months),
      agencyTable(ctx),
      overdueNow(ctx),
    ]);
    const f = (key: string, th: string, en: string, value: number, previous: number | null) => ({
      key,
      label: label(th, en),
      value,
      previous,
    });
    return {
      figures: [
        f('raised', 'เรื่องที่เสนอเข้ามา', 'Raised', now.raised, before.raised),
        f('answered', 'ได้รับคำตอบทางการครั้งแรก', 'Answered officially', now.answered, before.answered),
        f('resolved', 'แก้ไขแล้ว', 'Resolved', now.resolved, before.resolved),
        f('overdue', 'เกินกำหนดขณะนี้', 'Overdue now', overdue, null),
        f('supports', 'การสนับสนุน ("เราก็พบ")', 'Supports ("we face this too")', now.supports, before.supports),
        f('adopted', 'ข้อเสนอแนะที่ได้รับการนำไปปฏิบัติ', 'Recommendations adopted', now.adopted, before.adopted),
      ],
      tables: [
        countTable(
          ctx,
          categories,
          PROBLEM_CATEGORIES.map((c) => ({ code: c.code, label: label(c.th, c.en) })),
          'by_category',
          label('แยกตามหมวดหมู่', 'By category'),
          label('หมวดหมู่', 'Category'),
        ),
        countTable(
          ctx,
          sectors,
          SECTORS.map((code) => ({ code, label: sectorLabel(code) })),
          'by_sector',
          label('แยกตามภาคส่วนที่เกี่ยวข้อง', 'By sector concerned'),
          label('ภาคส่วน', 'Sector'),
        ),
        agencies,
      ],
      matrices: [],
      method: label(
        'นับเรื่องที่เสนอในช่วงเวลา คำตอบทางการครั้งแรกที่ให้ในช่วงเวลา และเรื่องที่ปิดว่าแก้ไขแล้วในช่วงเวลา เวลาถึงคำตอบนับจากวันที่มอบหมายถึงคำตอบทางการครั้งแรกของแต่ละหน่วยงาน ตัวเลขที่น้อยกว่า 5 และมาจากหน่วยงานเดียวแสดงเป็น "< 5" สำหรับผู้ที่ไม่ใช่ศูนย์',
        'Problems raised in the period, first official answers given in it and problems closed as resolved in it. Time to answer runs from assignment to each agency\'s first official answer. Beyond the Centre, counts below 5 from a single organisation show as "< 5".',
      ),
    };
  },
};
