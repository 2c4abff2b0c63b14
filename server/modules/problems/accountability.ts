/**
 * The accountability page: counts by state, category and sector, how fast each responsible organisation
 * answers and resolves, and what is overdue. Read-only aggregates over responsible organisations and
 * problems; the reporting organisation is never part of it, so anonymity needs no special case here.
 */

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  AccountabilityCsvQuery,
  type AccountabilityTable,
  AccountabilityView,
  type OrganisationAccountability,
  type OverdueProblem,
} from '../../../common/problems-accountability-api.ts';
import { OPEN_STATES, problemLabelOf } from '../../../common/problems-taxonomy.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { problemAnswers, problemAssignments, problems } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { toCsv } from '../../platform/csv.ts';
import { csvDate, csvHeader, csvLanguageOf } from '../../platform/csv-locale.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import { organisationsById, problemColumns } from './problems.repository.ts';

const OVERDUE_SHOWN = 100;
const openStates = sql.join(
  OPEN_STATES.map((s) => sql`${s}`),
  sql`, `,
);
/** Medians in days with one decimal: "4.5 days" reads better than 4.4861. */
const days = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

type CountRow = { code: string; n: number };
type OrganisationRow = {
  organisation_id: string;
  assigned: number;
  lead: number;
  open: number;
  overdue: number;
  answered: number;
  resolved: number;
  first_answer_days: number | string | null;
  resolution_days: number | string | null;
};

async function counts(db: Db, expression: ReturnType<typeof sql>) {
  const result = await db.execute<CountRow>(
    sql`select ${expression} as code, count(*)::int as n from ${problems} group by 1 order by 1`,
  );
  return Object.fromEntries(rowsOf<CountRow>(result).map((r) => [r.code, r.n]));
}

async function organisationFigures(db: Db, now: Date) {
  const at = now.toISOString();
  const result = await db.execute<OrganisationRow>(sql`
    with responsible as (
      select a.organisation_id, a.lead, p.state, p.due_at, p.assigned_at, p.closed_at,
        (select min(an.created_at) from ${problemAnswers} an
          where an.problem_id = p.id and an.organisation_id = a.organisation_id) as first_answer_at
      from ${problemAssignments} a join ${problems} p on p.id = a.problem_id
    )
    select organisation_id,
      count(*)::int as assigned,
      count(*) filter (where lead)::int as lead,
      count(*) filter (where state in (${openStates}))::int as open,
      count(*) filter (where due_at < ${at}::timestamptz)::int as overdue,
      count(first_answer_at)::int as answered,
      count(*) filter (where state = 'resolved')::int as resolved,
      percentile_cont(0.5) within group (
        order by extract(epoch from first_answer_at - assigned_at) / 86400
      ) as first_answer_days,
      percentile_cont(0.5) within group (
        order by extract(epoch from closed_at - assigned_at) / 86400
      ) filter (where state = 'resolved') as resolution_days
    from responsible
    group by organisation_id
  `);
  const rows = rowsOf<OrganisationRow>(result);
  const orgs = await organisationsById(
    db,
    rows.map((r) => r.organisation_id),
  );
  return rows
    .filter((r) => orgs.has(r.organisation_id))
    .map(
      (r): OrganisationAccountability => ({
        organisation: presentOrganisation(orgs.get(r.organisation_id)!),
        assigned: r.assigned,
        lead: r.lead,
        open: r.open,
        overdue: r.overdue,
        answered: r.answered,
        resolved: r.resolved,
        medianDaysToFirstAnswer: days(r.first_answer_days),
        medianDaysToResolution: days(r.resolution_days),
      }),
    )
    .sort((a, b) => b.assigned - a.assigned || a.organisation.nameEn.localeCompare(b.organisation.nameEn));
}

async function overdueProblems(db: Db, now: Date) {
  const rows = await db
    .select(problemColumns)
    .from(problems)
    .where(sql`${problems.dueAt} < ${now.toISOString()}::timestamptz`)
    .orderBy(sql`${problems.dueAt} asc`, problems.id)
    .limit(OVERDUE_SHOWN);
  const leads = await organisationsById(
    db,
    rows.map((p) => p.leadOrganisationId),
  );
  return rows.map(
    (p): OverdueProblem => ({
      id: p.id,
      type: p.type,
      title: p.title,
      state: p.state,
      category: p.category,
      leadOrganisation: p.leadOrganisationId
        ? presentOrganisationOrNull(leads.get(p.leadOrganisationId))
        : null,
      dueAt: p.dueAt!.toISOString(),
      daysOverdue: Math.floor((now.getTime() - p.dueAt!.getTime()) / DAY_MS),
    }),
  );
}

const presentOrganisationOrNull = (o: Parameters<typeof presentOrganisation>[0] | undefined) =>
  o ? presentOrganisation(o) : null;

export async function accountability(db: Db, viewer: Actor, now: Date): Promise<AccountabilityView> {
  authorize(viewer, 'problem.read', undefined);
  const [byState, byCategory, bySector, organisations, overdue] = await Promise.all([
    counts(db, sql`${problems.state}`),
    counts(db, sql`${problems.category}`),
    counts(db, sql`unnest(${problems.sectors})`),
    organisationFigures(db, now),
    overdueProblems(db, now),
  ]);
  const [totals] = rowsOf<{ overdue: number }>(
    await db.execute(
      sql`select count(*)::int as overdue from ${problems} where ${problems.dueAt} < ${now.toISOString()}::timestamptz`,
    ),
  );
  const sum = (states: readonly string[]) => states.reduce((n, s) => n + (byState[s] ?? 0), 0);
  return {
    generatedAt: now.toISOString(),
    totals: {
      problems: Object.values(byState).reduce((n, v) => n + v, 0),
      open: sum(OPEN_STATES),
      overdue: totals?.overdue ?? 0,
      resolved: byState.resolved ?? 0,
    },
    byState,
    byCategory,
    bySector,
    organisations,
    overdue,
  };
}

const ORGANISATION_COLUMNS = {
  organisation_th: 'หน่วยงาน (ภาษาไทย)',
  organisation_en: 'หน่วยงาน (ภาษาอังกฤษ)',
  assigned: 'ได้รับมอบหมาย',
  lead: 'เป็นหน่วยงานหลัก',
  open: 'ยังไม่ปิด',
  overdue: 'เกินกำหนด',
  answered: 'ตอบแล้ว',
  resolved: 'แก้ไขแล้ว',
  median_days_to_first_answer: 'มัธยฐานวันถึงคำตอบแรก',
  median_days_to_resolution: 'มัธยฐานวันถึงแก้ไขเสร็จ',
} as const;

const OVERDUE_COLUMNS = {
  overdue_problem: 'เรื่องที่เกินกำหนด',
  category: 'หมวดหมู่',
  state: 'สถานะ',
  lead_organisation_th: 'หน่วยงานหลัก (ภาษาไทย)',
  lead_organisation_en: 'หน่วยงานหลัก (ภาษาอังกฤษ)',
  due_at: 'กำหนดตอบ',
  days_overdue: 'เกินกำหนด (วัน)',
  id: 'รหัส',
} as const;

/**
 * One table per file, so a spreadsheet sorts and filters it: the responsible organisations, or the
 * overdue problems. In Thai: Thai headers, labels and Buddhist-Era dates in Bangkok time.
 */
export function accountabilityCsv(view: AccountabilityView, table: AccountabilityTable, language: Language) {
  const label = (code: string) => problemLabelOf(code)?.[language] ?? code;
  if (table === 'overdue')
    return toCsv(
      csvHeader(OVERDUE_COLUMNS, language),
      view.overdue.map((p) => [
        p.title,
        label(p.category),
        label(p.state),
        p.leadOrganisation?.nameTh ?? '',
        p.leadOrganisation?.nameEn ?? '',
        csvDate(p.dueAt, language),
        p.daysOverdue,
        p.id,
      ]),
    );
  return toCsv(
    csvHeader(ORGANISATION_COLUMNS, language),
    view.organisations.map((o) => [
      o.organisation.nameTh,
      o.organisation.nameEn,
      o.assigned,
      o.lead,
      o.open,
      o.overdue,
      o.answered,
      o.resolved,
      o.medianDaysToFirstAnswer,
      o.medianDaysToResolution,
    ]),
  );
}

export function problemAccountabilityRoutes(app: App, deps: Deps) {
  const tags = ['problems'];
  app.get(
    '/api/v1/problems/accountability',
    {
      schema: {
        operationId: 'problems.accountability',
        tags,
        summary:
          'Accountability: counts by state, category and sector; median days to first answer and resolution per responsible organisation; overdue problems',
        response: { 200: AccountabilityView, ...errorResponses },
      },
    },
    async (req) => accountability(deps.db, actorOf(req), deps.clock.now()),
  );
  app.get(
    '/api/v1/problems/accountability.csv',
    {
      schema: {
        operationId: 'problems.accountabilityCsv',
        tags,
        summary:
          'The accountability figures as CSV (UTF-8 with BOM, formula cells neutralised), one table per file',
        querystring: AccountabilityCsvQuery,
        produces: ['text/csv', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { table, lang } = req.query;
      const csv = accountabilityCsv(
        await accountability(deps.db, actorOf(req), deps.clock.now()),
        table,
        csvLanguageOf(lang, req.headers['accept-language']),
      );
      const name = table === 'overdue' ? 'tipnet-problems-overdue.csv' : 'tipnet-problems-accountability.csv';
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
