/**
 * The links of a period: two organisations are linked when both were assigned the same problem (counted
 * in the period of the later assignment) or one sent a coordination request to the other's unit in it.
 * A standard period (month, quarter, calendar or fiscal year) is read from the counts kept by migration
 * 0039's triggers, a few thousand rows whatever the period's size; a custom range pairs its assignments
 * live. Either way the database sums up each organisation's partners itself: one row leaves it, with the
 * strongest few links and, for the Centre, the organisations that worked with no one.
 */
import { type SQL, sql } from 'drizzle-orm';
import { dayCode, type Period } from '../../../common/report-periods.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  coordinationRequests,
  coordinationUnits,
  organisations,
  problemAssignments,
  reportPartnerCounts,
  reportPartnerPairs,
} from '../../db/schema/index.ts';
import { oneDecimal, type SectionContext } from './sections.ts';

/** The printed review and the dashboard list this many links; the workbook too. */
export const STRONGEST_LINKS = 20;

export type Link = { a: string; b: string; problems: number; requests: number };
export type NamedOrganisation = {
  id: string;
  name_th: string;
  name_en: string;
  abbreviation: string | null;
  abbreviation_en: string | null;
};

/** A period's links as the section shows them. */
export type Links = {
  /** Pairs of organisations linked. */
  count: number;
  /** Organisations with at least one partner. */
  linked: number;
  medianPartners: number | null;
  /** The viewer's own organisation's partners. */
  own: number;
  /** The strongest links, with their organisations named (the Centre's view only; empty otherwise). */
  strongest: Link[];
  named: NamedOrganisation[];
  /** Organisations registered before the period's end that worked with no one (the Centre's view only). */
  isolatedCount: number;
  isolated: NamedOrganisation[];
};

export type LinksWanted = {
  /** The strongest links and the isolated organisations, named: the Centre's view of the period shown. */
  named: boolean;
};

type Summary = {
  linked: number;
  ends: number;
  median: number | null;
  own: number | null;
  strongest: Link[] | null;
  named: NamedOrganisation[] | null;
  isolated_count: number | null;
  isolated: NamedOrganisation[] | null;
};

const nameColumns = sql`${organisations.id}, ${organisations.nameTh} as name_th, ${organisations.nameEn} as name_en,
  ${organisations.abbreviation} as abbreviation, ${organisations.abbreviationEn} as abbreviation_en`;

/**
 * One row summing up the partners `counts` holds (organisation_id, partners > 0), and the `strongest` links.
 * Organisations are read only for the Centre: its isolated ones and the ends of the strongest links.
 */
async function summarise(ctx: SectionContext, p: Period, ctes: SQL, wanted: LinksWanted): Promise<Links> {
  const o = organisations;
  const isolatedWhere = sql`${o.createdAt} < ${p.end.toISOString()}::timestamptz
    and not exists (select 1 from counts c where c.organisation_id = ${o.id})`;
  const centreColumns = ctx.centre
    ? sql`, (select count(*)::int from ${o} where ${isolatedWhere}) as isolated_count`
    : sql``;
  const namedColumns = wanted.named
    ? sql`,
      (select json_agg(s order by s.problems + s.requests desc, s.a, s.b) from strongest s) as strongest,
      (select json_agg(n) from (select ${nameColumns} from ${o}
        where ${o.id} in (select a from strongest union select b from strongest)) n) as named,
      (select json_agg(n) from (select ${nameColumns} from ${o} where ${isolatedWhere}) n) as isolated`
    : sql``;
  const [row] = rowsOf<Summary>(
    await executePrepared(
      ctx.db,
      sql`
      with ${ctes}
      select count(*)::int as linked, coalesce(sum(partners), 0)::int as ends,
        percentile_cont(0.5) within group (order by partners) as median,
        max(partners) filter (where organisation_id = ${ctx.viewer.organisationId ?? null}::uuid) as own
        ${centreColumns}${namedColumns}
      from counts`,
    ),
  );
  const r = row!;
  return {
    // Every pair has two ends: the link count is half the partners counted.
    count: r.ends / 2,
    linked: r.linked,
    medianPartners: oneDecimal(r.median),
    own: r.own ?? 0,
    strongest: r.strongest ?? [],
    named: r.named ?? [],
    isolatedCount: r.isolated_count ?? 0,
    isolated: r.isolated ?? [],
  };
}

function keptLinksIn(ctx: SectionContext, p: Period, wanted: LinksWanted) {
  const pairs = reportPartnerPairs;
  const counts = reportPartnerCounts;
  const starts = dayCode(p.start);
  return summarise(
    ctx,
    p,
    sql`counts as (
        select ${counts.organisationId} as organisation_id, ${counts.partners} as partners from ${counts}
        where ${counts.kind} = ${p.kind} and ${counts.starts} = ${starts}::date and ${counts.partners} > 0
      ), strongest as (
        select ${pairs.a} as a, ${pairs.b} as b, ${pairs.problems} as problems, ${pairs.requests} as requests
        from ${pairs}
        where ${pairs.kind} = ${p.kind} and ${pairs.starts} = ${starts}::date
          and ${pairs.problems} + ${pairs.requests} > 0
        order by ${pairs.problems} + ${pairs.requests} desc, ${pairs.a}, ${pairs.b}
        limit ${STRONGEST_LINKS}
      )`,
    wanted,
  );
}

export const linksIn = (ctx: SectionContext, p: Period, wanted: LinksWanted): Promise<Links> =>
  p.kind === 'range' ? liveLinksIn(ctx, p, wanted) : keptLinksIn(ctx, p, wanted);

function liveLinksIn(ctx: SectionContext, p: Period, wanted: LinksWanted) {
  const start = p.start.toISOString();
  const end = p.end.toISOString();
  const pa = problemAssignments;
  const r = coordinationRequests;
  // A pair of assignments counts in the period when the later of the two was made in it: start from the
  // problems with an assignment in the period (an index range), and pair their assignments made before its end.
  return summarise(
    ctx,
    p,
    sql`touched as (
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
      ), counts as (
        select organisation_id, count(*)::int as partners
        from (select a as organisation_id from pairs union all select b from pairs) ends
        group by organisation_id
      )`,
    wanted,
  );
}
