/*
 * REFERENCE, for tests only: this section as it was computed before migration 0035 — straight scans of
 * every row, easy to check by reading. reference.test.ts compares the shipped section with it on random
 * data; change both together, or neither.
 */
/**
 * Problems and recommendations: raised, answered and resolved per category and sector; how long each
 * responsible agency takes to its first official answer (median, 90th percentile); what is overdue now;
 * the supports given; the recommendations adopted (resolved). Beyond the Centre, an organisation sees
 * its own agency row against the network's medians, and a small count from one reporting organisation
 * shows "< 5" so an anonymous reporter cannot be singled out.
 */
import { sql } from 'drizzle-orm';
import { OPEN_STATES, PROBLEM_CATEGORIES } from '../../../../common/problems-taxonomy.ts';
import type { Cell, ReportTable } from '../../../../common/reports-api.ts';
import { SECTORS } from '../../../../common/taxonomies.ts';
import { rowsOf } from '../../../db/rows.ts';
import {
  organisations,
  problemAnswers,
  problemAssignments,
  problemSupports,
  problems,
} from '../../../db/schema/index.ts';
import {
  label,
  networkMedian,
  quantile,
  type ReportSectionDefinition,
  type SectionContext,
  suppress,
  totalsOf,
} from '../sections.ts';
import { sectorLabel } from './network.section.ts';

const openStates = sql.join(
  OPEN_STATES.map((s) => sql`${s}`),
  sql`, `,
);
const within = (column: unknown, start: Date, end: Date) =>
  sql`(${column} >= ${start.toISOString()}::timestamptz and ${column} < ${end.toISOString()}::timestamptz)`;

async function headline(ctx: SectionContext, start: Date, end: Date) {
  const raised = within(problems.createdAt, start, end);
  const answered = within(problems.firstAnsweredAt, start, end);
  const resolved = sql`(${problems.state} = 'resolved' and ${within(problems.closedAt, start, end)})`;
  const [row] = rowsOf<{
    raised: number;
    answered: number;
    resolved: number;
    adopted: number;
    supports: number;
  }>(
    await ctx.db.execute(sql`
      select count(*) filter (where ${raised})::int as raised,
        count(*) filter (where ${answered})::int as answered,
        count(*) filter (where ${resolved})::int as resolved,
        count(*) filter (where ${resolved} and ${problems.type} = 'recommendation')::int as adopted,
        (select count(*)::int from ${problemSupports} where ${within(problemSupports.createdAt, start, end)}) as supports
      from ${problems}
      where ${raised} or ${answered} or ${problems.closedAt} >= ${start.toISOString()}::timestamptz`),
  );
  return row!;
}

type GroupRow = {
  code: string;
  raised: number;
  raised_orgs: number;
  answered: number;
  answered_orgs: number;
  resolved: number;
  resolved_orgs: number;
};

async function grouped(ctx: SectionContext, key: ReturnType<typeof sql>) {
  const { start, end } = ctx.period;
  const raised = within(problems.createdAt, start, end);
  const answered = within(problems.firstAnsweredAt, start, end);
  const resolved = sql`(${problems.state} = 'resolved' and ${within(problems.closedAt, start, end)})`;
  const org = problems.reporterOrganisationId;
  return rowsOf<GroupRow>(
    await ctx.db.execute(sql`
      select ${key} as code,
        count(*) filter (where ${raised})::int as raised,
        count(distinct ${org}) filter (where ${raised})::int as raised_orgs,
        count(*) filter (where ${answered})::int as answered,
        count(distinct ${org}) filter (where ${answered})::int as answered_orgs,
        count(*) filter (where ${resolved})::int as resolved,
        count(distinct ${org}) filter (where ${resolved})::int as resolved_orgs
      from ${problems}
      where ${raised} or ${answered} or ${resolved}
      group by 1`),
  );
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
  waits: number[] | null;
};

async function agencies(ctx: SectionContext) {
  const { start, end } = ctx.period;
  return rowsOf<AgencyRow>(
    await ctx.db.execute(sql`
      with responsible as (
        select a.organisation_id, a.assigned_at, p.due_at, p.state,
          (select min(an.created_at) from ${problemAnswers} an
            where an.problem_id = a.problem_id and an.organisation_id = a.organisation_id) as first_answer_at
        from ${problemAssignments} a join ${problems} p on p.id = a.problem_id
        where a.assigned_at < ${end.toISOString()}::timestamptz
      )
      select r.organisation_id, o.name_th, o.name_en,
        count(*) filter (where ${within(sql`r.assigned_at`, start, end)})::int as assigned,
        count(*) filter (where ${within(sql`r.first_answer_at`, start, end)})::int as answered,
        count(*) filter (where r.due_at < ${ctx.now.toISOString()}::timestamptz and r.state in (${openStates}))::int as overdue,
        array_agg(extract(epoch from r.first_answer_at - r.assigned_at)::float8 / 86400)
          filter (where ${within(sql`r.first_answer_at`, start, end)}) as waits
      from responsible r join ${organisations} o on o.id = r.organisation_id
      group by 1, 2, 3
      order by 4 desc, 3`),
  );
}

const AGENCY_COLUMNS = [
  { key: 'assigned', label: label('ได้รับมอบหมาย', 'Assigned') },
  { key: 'answered', label: label('ตอบทางการครั้งแรก', 'First answers') },
  { key: 'median_days', label: label('มัธยฐานวันถึงคำตอบ', 'Median days to answer') },
  { key: 'p90_days', label: label('เปอร์เซ็นไทล์ที่ 90 (วัน)', '90th percentile (days)') },
  { key: 'overdue', label: label('เกินกำหนดขณะนี้', 'Overdue now') },
];

function agencyTable(ctx: SectionContext, rows: AgencyRow[]): ReportTable {
  const values = (r: AgencyRow): Cell[] => [
    r.assigned,
    r.answered,
    quantile(r.waits ?? [], 0.5),
    quantile(r.waits ?? [], 0.9),
    r.overdue,
  ];
  const base = {
    key: 'agencies',
    title: label('เวลาถึงคำตอบทางการ แยกตามหน่วยงานที่รับผิดชอบ', 'Time to official answer per responsible agency'),
    labelHeader: label('หน่วยงาน', 'Agency'),
    columns: AGENCY_COLUMNS,
  };
  if (ctx.centre)
    return {
      ...base,
      rows: rows.map((r) => ({
        code: r.organisation_id,
        label: label(r.name_th, r.name_en),
        values: values(r),
      })),
      totals: totalsOf(
        rows.map((r) => ({ values: values(r) })),
        [true, true, false, false, true],
      ),
    };
  // Beyond the Centre: one's own row, and the median agency, never another agency's figures.
  const own = rows.find((r) => r.organisation_id === ctx.viewer.organisationId);
  const median = networkMedian(rows.map(values), AGENCY_COLUMNS.length, ctx);
  return {
    ...base,
    rows: [
      ...(own
        ? [{ code: own.organisation_id, label: label(own.name_th, own.name_en), values: values(own) }]
        : []),
      { code: 'network_median', label: label('ค่ามัธยฐานของเครือข่าย', 'Network median'), values: median },
    ],
    totals: null,
  };
}

export const problemsSection: ReportSectionDefinition = {
  id: 'problems',
  title: label('ปัญหาอุปสรรคและข้อเสนอแนะ', 'Problems and recommendations'),
  async compute(ctx) {
    const [now, before, categories, sectors, agencyRows, overdue] = await Promise.all([
      headline(ctx, ctx.period.start, ctx.period.end),
      headline(ctx, ctx.previous.start, ctx.previous.end),
      grouped(ctx, sql`${problems.category}`),
      grouped(ctx, sql`unnest(${problems.sectors})`),
      agencies(ctx),
      ctx.db.execute(
        sql`select count(*)::int as n from ${problems} where ${problems.dueAt} < ${ctx.now.toISOString()}::timestamptz and ${problems.state} in (${openStates})`,
      ),
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
        f('overdue', 'เกินกำหนดขณะนี้', 'Overdue now', rowsOf<{ n: number }>(overdue)[0]?.n ?? 0, null),
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
        agencyTable(ctx, agencyRows),
      ],
      matrices: [],
      method: label(
        'นับเรื่องที่เสนอในช่วงเวลา คำตอบทางการครั้งแรกที่ให้ในช่วงเวลา และเรื่องที่ปิดว่าแก้ไขแล้วในช่วงเวลา เวลาถึงคำตอบนับจากวันที่มอบหมายถึงคำตอบทางการครั้งแรกของแต่ละหน่วยงาน ตัวเลขที่น้อยกว่า 5 และมาจากหน่วยงานเดียวแสดงเป็น "< 5" สำหรับผู้ที่ไม่ใช่ศูนย์',
        'Problems raised in the period, first official answers given in it and problems closed as resolved in it. Time to answer runs from assignment to each agency\'s first official answer. Beyond the Centre, counts below 5 from a single organisation show as "< 5".',
      ),
    };
  },
};
