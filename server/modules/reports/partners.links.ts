/**
 * The links of a period: two organisations are linked when both were assigned the same problem (counted
 * in the period of the later assignment) or one sent a coordination request to the other's unit in it.
 * A standard period (month, quarter, calendar or fiscal year) is read from the counts kept by migration
 * 0039's triggers, a few thousand rows whatever the period's size; a custom range pairs its assignments
 * live. Either way only the strongest few links and each organisation's partners leave the database.
 */
import { sql } from 'drizzle-orm';
import { dayCode, type Period } from '../../../common/report-periods.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  coordinationRequests,
  coordinationUnits,
  problemAssignments,
  reportPartnerCounts,
  reportPartnerPairs,
} from '../../db/schema/index.ts';
import type { SectionContext } from './sections.ts';

/** The printed review and the dashboard list this many links; the workbook too. */
export const STRONGEST_LINKS = 20;

export type Link = { a: string; b: string; problems: number; requests: number };
/** The links of a period, counted in the database: only the strongest few and each organisation's partners leave it. */
export type Links = { count: number; strongest: Link[]; partners: Map<string, number> };

type LinkRow = { kind: 'link' | 'partners'; a: string; b: string | null; problems: number; requests: number };

function collect(result: LinkRow[]): Links {
  const partners = new Map<string, number>();
  const strongest: Link[] = [];
  for (const row of result) {
    if (row.kind === 'partners') partners.set(row.a, row.problems);
    else strongest.push({ a: row.a, b: row.b!, problems: row.problems, requests: row.requests });
  }
  // Every pair has two ends: the link count is half the partners counted.
  let ends = 0;
  for (const n of partners.values()) ends += n;
  return { count: ends / 2, strongest, partners };
}

async function keptLinksIn(ctx: SectionContext, p: Period): Promise<Links> {
  const pairs = reportPartnerPairs;
  const counts = reportPartnerCounts;
  const starts = dayCode(p.start);
  return collect(
    rowsOf<LinkRow>(
      await ctx.db.execute(sql`
        (select 'link' as kind, ${pairs.a}::text as a, ${pairs.b}::text as b, ${pairs.problems} as problems,
          ${pairs.requests} as requests
        from ${pairs}
        where ${pairs.kind} = ${p.kind} and ${pairs.starts} = ${starts}::date
          and ${pairs.problems} + ${pairs.requests} > 0
        order by ${pairs.problems} + ${pairs.requests} desc, ${pairs.a}, ${pairs.b}
        limit ${STRONGEST_LINKS})
        union all
        select 'partners', ${counts.organisationId}::text, null, ${counts.partners}, 0
        from ${counts}
        where ${counts.kind} = ${p.kind} and ${counts.starts} = ${starts}::date and ${counts.partners} > 0`),
    ),
  );
}

export const linksIn = (ctx: SectionContext, p: Period): Promise<Links> =>
  p.kind === 'range' ? liveLinksIn(ctx, p) : keptLinksIn(ctx, p);

async function liveLinksIn(ctx: SectionContext, p: Period): Promise<Links> {
  const start = p.start.toISOString();
  const end = p.end.toISOString();
  const pa = problemAssignments;
  const r = coordinationRequests;
  // A pair of assignments counts in the period when the later of the two was made in it: start from the
  // problems with an assignment in the period (an index range), and pair their assignments made before its end.
  const result = rowsOf<LinkRow>(
    await ctx.db.execute(sql`
      with touched as (
        select distinct ${pa.problemId} as problem_id from ${pa}
        where ${pa.assignedAt} >= ${start}::timestamptz and ${pa.assignedAt} < ${end}::timestamptz
      ), links as (
        select a1.organisation_id as a, a2.organisation_id as b, 'problem' as kind
        from touched t
          join ${pa} a1 on a1.problem_id = t.problem_id and a1.assigned_at < ${end}::timestamptz
          join ${pa} a2 on a2.problem_id = t.problem_id and a2.assigned_at < ${end}::timestamptz
            and a1.organisation_id < a2.organisation_id
        where greatest(a1.assigned_at, a2.assigned_at) >= ${start}::timestamptz
        union all
        select least(${r.requestingOrganisationId}, u.organisation_id), greatest(${r.requestingOrganisationId}, u.organisation_id), 'request'
        from ${r} join ${coordinationUnits} u on u.id = ${r.receivingUnitId}
        where ${r.createdAt} >= ${start}::timestamptz and ${r.createdAt} < ${end}::timestamptz
          and ${r.requestingOrganisationId} <> u.organisation_id
      ), pairs as (
        select a, b, count(*) filter (where kind = 'problem')::int as problems,
          count(*) filter (where kind = 'request')::int as requests
        from links group by a, b
      ), strongest as (
        select a, b, problems, requests from pairs
        order by problems + requests desc, a, b limit ${STRONGEST_LINKS}
      ), ends as (
        select a as organisation_id from pairs union all select b from pairs
      )
      select 'link' as kind, a::text, b::text, problems, requests from strongest
      union all
      select 'partners', organisation_id::text, null, count(*)::int, 0 from ends group by organisation_id`),
  );
  return collect(result);
}
