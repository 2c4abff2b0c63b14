/**
 * Coordination requests: how many were made per urgency, type and province, and how each receiving
 * organisation answered them (median minutes to acknowledge and to accept, share of SLA clocks
 * breached), from the coordination module's own metrics. Beyond the Centre an organisation sees its own
 * row against the network median, and a small count of requests made by a single organisation shows
 * "< 5": a request is about people in need, and a province with two requests from one shelter is a
 * pointer to them.
 */
import { sql } from 'drizzle-orm';
import type { MetricsRow } from '../../../common/coordination-sla-api.ts';
import { REQUEST_TYPES, URGENCIES } from '../../../common/coordination-states.ts';
import { PROVINCES } from '../../../common/directory-taxonomies.ts';
import { dayCode, type Period } from '../../../common/report-periods.ts';
import type { Cell, Label, ReportTable } from '../../../common/reports-api.ts';
import { DAY_MS } from '../../../common/time.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { coordinationRequests } from '../../db/schema/index.ts';
import { coordinationMetrics } from '../coordination/index.ts';
import {
  label,
  networkMedian,
  networkMedianRow,
  type ReportSectionDefinition,
  type SectionContext,
  suppress,
  totalsOf,
} from './sections.ts';

const within = (column: unknown, p: Period) =>
  sql`(${column} >= ${p.start.toISOString()}::timestamptz and ${column} < ${p.end.toISOString()}::timestamptz)`;

type GroupRow = { code: string; requests: number; requesters: number; done: number; declined: number };

async function grouped(ctx: SectionContext, key: ReturnType<typeof sql>) {
  const r = coordinationRequests;
  return rowsOf<GroupRow>(
    await executePrepared(
      ctx.db,
      sql`
      select ${key} as code, count(*)::int as requests,
        count(distinct ${r.requestingOrganisationId})::int as requesters,
        count(*) filter (where ${r.state} = 'done')::int as done,
        count(*) filter (where ${r.state} = 'declined')::int as declined
      from ${r} where ${within(r.createdAt, ctx.period)}
      group by 1`,
    ),
  );
}

async function requestCount(ctx: SectionContext, p: Period) {
  const [row] = rowsOf<{ n: number }>(
    await executePrepared(
      ctx.db,
      sql`select count(*)::int as n from ${coordinationRequests} where ${within(coordinationRequests.createdAt, p)}`,
    ),
  );
  return row?.n ?? 0;
}

/** The coordination module's metrics per receiving organisation, requests made within the period. */
const metricsFor = (ctx: SectionContext, p: Period) =>
  coordinationMetrics(
    ctx.db,
    ctx.viewer,
    { groupBy: 'organisation', from: dayCode(p.start), to: dayCode(new Date(p.end.getTime() - DAY_MS)) },
    ctx.now,
  );

const COUNT_COLUMNS = [
  { key: 'requests', label: label('คำขอ', 'Requests') },
  { key: 'done', label: label('ดำเนินการเสร็จ', 'Done') },
  { key: 'declined', label: label('ปฏิเสธ', 'Declined') },
];

function countTable(
  ctx: SectionContext,
  rows: GroupRow[],
  order: readonly { code: string; label: Label }[],
  key: string,
  title: Label,
  header: Label,
): ReportTable {
  const present = order.flatMap((o) => {
    const r = rows.find((x) => x.code === o.code);
    return r ? [{ o, r }] : [];
  });
  return {
    key,
    title,
    labelHeader: header,
    columns: COUNT_COLUMNS,
    rows: present.map(({ o, r }) => ({
      code: o.code,
      label: o.label,
      values: [r.requests, r.done, r.declined].map((n) => suppress(ctx, n, r.requesters)),
    })),
    totals: totalsOf(
      present.map(({ r }) => ({ values: [r.requests, r.done, r.declined] })),
      [true, true, true],
    ),
  };
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

const ANSWER_COLUMNS = [
  { key: 'received', label: label('คำขอที่ได้รับ', 'Requests received') },
  { key: 'acknowledge_median', label: label('มัธยฐานเวลาตอบรับ (นาที)', 'Median minutes to acknowledge') },
  { key: 'accept_median', label: label('มัธยฐานเวลารับเรื่อง (นาที)', 'Median minutes to accept') },
  { key: 'breach_rate', label: label('อัตราเกินกำหนด (%)', 'SLA clocks breached (%)') },
];
const answerValues = (m: MetricsRow): Cell[] => [
  m.received,
  minutes(m.acknowledge.medianMs),
  minutes(m.accept.medianMs),
  percent(m.breachRate),
];

function answerTable(ctx: SectionContext, items: MetricsRow[]): ReportTable {
  const base = {
    key: 'answers',
    title: label('การตอบคำขอ แยกตามหน่วยงานที่รับ', 'How each receiving organisation answered'),
    labelHeader: label('หน่วยงาน', 'Organisation'),
    columns: ANSWER_COLUMNS,
  };
  const rowOf = (m: MetricsRow) => ({
    code: m.organisation.id,
    label: label(m.organisation.nameTh, m.organisation.nameEn),
    values: answerValues(m),
  });
  const medianRow = networkMedianRow(items.map(answerValues), ANSWER_COLUMNS.length, ctx);
  if (ctx.centre) return { ...base, rows: [...items.map(rowOf), medianRow], totals: null };
  const own = items.find((m) => m.organisation.id === ctx.viewer.organisationId);
  return { ...base, rows: [...(own ? [rowOf(own)] : []), medianRow], totals: null };
}

function networkFigures(ctx: SectionContext, items: MetricsRow[]) {
  const breaches = items.reduce((n, m) => n + m.breaches, 0);
  const judged = items.reduce((n, m) => n + m.judged, 0);
  const [, acknowledge, accept] = networkMedian(items.map(answerValues), ANSWER_COLUMNS.length, ctx);
  return { acknowledge, accept, breachRate: judged ? percent(breaches / judged) : null };
}

export const coordinationSection: ReportSectionDefinition = {
  id: 'coordination',
  title: label('การประสานงาน', 'Coordination'),
  async compute(ctx) {
    const r = coordinationRequests;
    const [made, madeBefore, urgencies, types, provinces, metrics, metricsBefore] = await Promise.all([
      requestCount(ctx, ctx.period),
      requestCount(ctx, ctx.previous),
      grouped(ctx, sql`${r.urgency}`),
      grouped(ctx, sql`${r.type}`),
      grouped(ctx, sql`${r.province}`),
      metricsFor(ctx, ctx.period),
      metricsFor(ctx, ctx.previous),
    ]);
    const now = networkFigures(ctx, metrics.items);
    const before = networkFigures(ctx, metricsBefore.items);
    const f = (key: string, l: Label, value: Cell, previous: Cell) => ({ key, label: l, value, previous });
    const byCode = (list: readonly { code: string; th: string; en: string }[]) =>
      list.map((e) => ({ code: e.code, label: label(e.th, e.en) }));
    return {
      figures: [
        f('requests', label('คำขอประสานงาน', 'Coordination requests'), made, madeBefore),
        f(
          'acknowledge_median',
          label('มัธยฐานเวลาตอบรับ (นาที)', 'Median minutes to acknowledge'),
          now.acknowledge ?? null,
          before.acknowledge ?? null,
        ),
        f(
          'accept_median',
          label('มัธยฐานเวลารับเรื่อง (นาที)', 'Median minutes to accept'),
          now.accept ?? null,
          before.accept ?? null,
        ),
        f(
          'breach_rate',
          label('อัตราเกินกำหนด (%)', 'SLA clocks breached (%)'),
          now.breachRate,
          before.breachRate,
        ),
      ],
      tables: [
        countTable(
          ctx,
          urgencies,
          byCode(URGENCIES),
          'by_urgency',
          label('แยกตามความเร่งด่วน', 'By urgency'),
          label('ความเร่งด่วน', 'Urgency'),
        ),
        countTable(
          ctx,
          types,
          byCode(REQUEST_TYPES),
          'by_type',
          label('แยกตามประเภทคำขอ', 'By type of request'),
          label('ประเภท', 'Type'),
        ),
        countTable(
          ctx,
          provinces,
          byCode(PROVINCES),
          'by_province',
          label('แยกตามจังหวัด', 'By province'),
          label('จังหวัด', 'Province'),
        ),
        answerTable(ctx, metrics.items),
      ],
      matrices: [],
      method: label(
        'นับคำขอที่สร้างในช่วงเวลา เวลาตอบรับและรับเรื่องนับจากเวลาที่คำขอเข้าถึงหน่วยรับเรื่องแต่ละแห่ง (คำขอที่ส่งต่อนับทุกหน่วยที่ได้รับ) ค่ามัธยฐานของเครือข่ายคือค่ากลางของหน่วยงานที่ได้รับคำขอ อัตราเกินกำหนดคือสัดส่วนของนาฬิกา SLA ที่เกินกำหนดจากที่ครบกำหนดหรือปิดแล้ว ตัวเลขที่น้อยกว่า 5 และมาจากหน่วยงานผู้ขอเดียวแสดงเป็น "< 5" สำหรับผู้ที่ไม่ใช่ศูนย์',
        'Requests made in the period. Times run from each arrival in a receiving inbox (a forwarded request counts for every inbox it reached). The network median is the middle receiving organisation. The breach rate is the share of SLA clocks breached among those met or run out. Beyond the Centre, counts below 5 from a single requesting organisation show as "< 5".',
      ),
    };
  },
};
