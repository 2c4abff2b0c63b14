/**
 * The counts kept by triggers (migrations 0036, 0039, 0040, 0041, 0045, 0050, 0051, 0052, 0053) must equal what a pass over every row gives,
 * after any mix of writes: multi-row INSERTs as the synthetic seed makes them, assignments moved to
 * another organisation or date, problems resolved, reopened, recategorised and deleted, requests moved
 * and withdrawn, a unit handed to another organisation, answers given, moved and withdrawn, people leaving,
 * returning, moving and deleted, organisations changing what they provide where, reviewed, registered in
 * bulk and deleted. Then the sections that read them must still give
 * the reference review, to the cell.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROVINCE_CODES,
  SERVICE_CODES,
  SERVICE_LANGUAGE_CODES,
} from '../../../common/directory-taxonomies.ts';
import { PROBLEM_CATEGORIES } from '../../../common/problems-taxonomy.ts';
import { parsePeriod, previousPeriod } from '../../../common/report-periods.ts';
import { SECTORS } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  coordinationRequests,
  coordinationUnits,
  type OrganisationRow,
  organisations,
  people,
  problemAnswers,
  problemAssignments,
  problems,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { coverageSection } from './coverage.section.ts';
import { networkSection } from './network.section.ts';
import { moveOverdueClock } from './overdue.ts';
import { partnersSection } from './partners.section.ts';
import { problemsSection } from './problems.section.ts';
import { coverageSection as referenceCoverage } from './reference/coverage.section.ts';
import { networkSection as referenceNetwork } from './reference/network.section.ts';
import { partnersSection as referencePartners } from './reference/partners.section.ts';
import { problemsSection as referenceProblems } from './reference/problems.section.ts';

let t: TestApp;
let orgs: OrganisationRow[];
let now: Date;
let seed = 7;
/** A fixed sequence of choices, so a failure can be replayed. */
const next = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
const daysAgo = (max: number) => new Date(now.getTime() - int(0, max * 24) * 3_600_000 - int(0, 3599) * 1000);

/** Every pair per period, counted from scratch: the review's definition of a link. */
const livePairs = sql`
  select kind, starts::text, a::text, b::text, count(*) filter (where link = 'problem')::int as problems,
    count(*) filter (where link = 'request')::int as requests
  from (
    select p.kind, p.starts, x.organisation_id as a, y.organisation_id as b, 'problem' as link
    from problem_assignments x
      join problem_assignments y on y.problem_id = x.problem_id and x.organisation_id < y.organisation_id
      cross join lateral tipnet_report_periods(greatest(x.assigned_at, y.assigned_at)) p
    union all
    select p.kind, p.starts, least(r.requesting_organisation_id, u.organisation_id),
      greatest(r.requesting_organisation_id, u.organisation_id), 'request'
    from coordination_requests r join coordination_units u on u.id = r.receiving_unit_id
      cross join lateral tipnet_report_periods(r.created_at) p
    where r.requesting_organisation_id <> u.organisation_id
  ) links
  group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

/** Problems per Bangkok month, counted from scratch without the trigger's helper. */
const liveMonths = sql`
  select to_char(date_trunc('month', (e.at at time zone 'UTC') + interval '7 hours'), 'YYYY-MM-DD') as month,
    e.kind, g.dimension, g.code, count(*)::int as problems
  from (
    select created_at as at, 'raised' as kind, category, sectors from problems
    union all select first_answered_at, 'answered', category, sectors from problems where first_answered_at is not null
    union all select closed_at, 'resolved', category, sectors from problems where state = 'resolved'
    union all select closed_at, 'adopted', category, sectors from problems
      where state = 'resolved' and type = 'recommendation'
  ) e cross join lateral (
    select 'all' as dimension, '' as code union all select 'category', e.category
    union all select 'sector', s from unnest(e.sectors) s
  ) g
  group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

/**
 * Per agency and period, from scratch: assignments made in it, and first answers given in it to
 * assignments made before its end, with their waits in days (sorted: the kept order is not the point)
 * and their median and 90th percentile.
 */
const liveAgencies = sql`
  select p.kind, p.starts::text, a.organisation_id::text,
    count(*) filter (where e.what = 'assigned')::int as assigned,
    count(*) filter (where e.what = 'answered')::int as answered,
    coalesce(array_agg(extract(epoch from a.first_answered_at - a.assigned_at)::float8 / 86400
      order by extract(epoch from a.first_answered_at - a.assigned_at)::float8 / 86400)
      filter (where e.what = 'answered'), '{}') as waits,
    percentile_cont(0.5) within group (order by extract(epoch from a.first_answered_at - a.assigned_at)::float8 / 86400)
      filter (where e.what = 'answered') as median_days,
    percentile_cont(0.9) within group (order by extract(epoch from a.first_answered_at - a.assigned_at)::float8 / 86400)
      filter (where e.what = 'answered') as p90_days
  from problem_assignments a
    cross join lateral (values ('assigned', a.assigned_at), ('answered', a.first_answered_at)) e (what, at)
    cross join lateral tipnet_report_periods(e.at) p
  where e.at is not null and (e.what = 'assigned' or a.assigned_at < (case p.kind
      when 'month' then p.starts + interval '1 month' when 'quarter' then p.starts + interval '3 months'
      else p.starts + interval '1 year' end - interval '7 hours') at time zone 'UTC')
  group by 1, 2, 3 order by 1, 2, 3`;

/** Per agency, its open assignments whose deadline had passed at the clock's instant. */
const liveOverdue = sql`
  select a.organisation_id::text, count(*)::int as overdue
  from problem_assignments a, report_overdue_clock c where a.open_due_at < c.as_of
  group by 1 order by 1`;

const liveInPost = sql`
  select organisation_id::text, count(*)::int as active from people where active group by 1 order by 1`;

/** Each coverage cell's providers and the sum of their review instants, without the trigger's helper. */
const liveCoverage = sql`
  select matrix, province, code, count(*)::int as providers, sum(reviewed)::text as reviewed_sum
  from (
    select distinct o.id, 'services' as matrix,
      case when 'nationwide' = any (o.coverage) then 'nationwide' else place end as province, s as code,
      extract(epoch from coalesce(o.last_reviewed_at, o.created_at)) as reviewed
    from organisations o, unnest(o.coverage) place, unnest(o.services) s
    union
    select distinct o.id, 'interpretation',
      case when 'nationwide' = any (o.coverage) then 'nationwide' else place end, l,
      extract(epoch from coalesce(o.last_reviewed_at, o.created_at))
    from organisations o, unnest(o.coverage) place, unnest(o.languages) l
    where 'interpretation' = any (o.services)
  ) cells
  group by 1, 2, 3 order by 1, 2, 3`;

const liveDueDays = sql`
  select (due_at at time zone 'UTC')::date::text as day, count(*)::int as open from problems
  where due_at is not null and state in ('submitted', 'under_review', 'assigned', 'in_progress')
  group by 1 order by 1`;

const liveFirstAssignments = sql`
  select organisation_id::text, min(assigned_at) as first_assigned_at from problem_assignments
  group by 1 order by 1`;

async function kept() {
  const pairs = rowsOf(
    await t.db.execute(sql`
      select kind, starts::text, a::text, b::text, problems, requests from report_partner_pairs
      where problems <> 0 or requests <> 0 order by 1, 2, 3, 4`),
  );
  const partners = rowsOf(
    await t.db.execute(sql`
      select kind, starts::text, organisation_id::text, partners from report_partner_counts
      where partners <> 0 order by 1, 2, 3`),
  );
  const months = rowsOf(
    await t.db.execute(sql`
      select month::text, kind, dimension, code, problems from report_problem_counts
      where problems <> 0 order by 1, 2, 3, 4`),
  );
  const agencies = rowsOf(
    await t.db.execute(sql`
      select kind, starts::text, organisation_id::text, assigned, answered,
        (select coalesce(array_agg(w order by w), '{}') from unnest(waits) w) as waits, median_days, p90_days
      from report_agency_counts order by 1, 2, 3`),
  );
  const firstAssignments = rowsOf(
    await t.db.execute(sql`
      select organisation_id::text, first_assigned_at from report_agency_first_assignments order by 1`),
  );
  const overdue = rowsOf(
    await t.db.execute(sql`
      select organisation_id::text, overdue from report_agency_overdue where overdue <> 0 order by 1`),
  );
  const inPost = rowsOf(
    await t.db.execute(sql`
      select organisation_id::text, active from report_organisation_people where active <> 0 order by 1`),
  );
  const coverage = rowsOf(
    await t.db.execute(sql`
      select matrix, province, code, providers, reviewed_sum::text from report_coverage_cells
      where providers <> 0 or reviewed_sum <> 0 order by 1, 2, 3`),
  );
  const dueDays = rowsOf(
    await t.db.execute(sql`select day::text, open from report_problem_due_days where open <> 0 order by 1`),
  );
  return { pairs, partners, months, agencies, firstAssignments, overdue, inPost, coverage, dueDays };
}

async function live() {
  const pairs = rowsOf<{ kind: string; starts: string; a: string; b: string }>(await t.db.execute(livePairs));
  const ends = new Map<string, number>();
  for (const p of pairs)
    for (const o of [p.a, p.b]) {
      const key = `${p.kind}|${p.starts}|${o}`;
      ends.set(key, (ends.get(key) ?? 0) + 1);
    }
  const partners = [...ends]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([key, n]) => {
      const [kind, starts, organisation_id] = key.split('|');
      return { kind, starts, organisation_id, partners: n };
    });
  return {
    pairs,
    partners,
    months: rowsOf(await t.db.execute(liveMonths)),
    agencies: rowsOf(await t.db.execute(liveAgencies)),
    firstAssignments: rowsOf(await t.db.execute(liveFirstAssignments)),
    overdue: rowsOf(await t.db.execute(liveOverdue)),
    inPost: rowsOf(await t.db.execute(liveInPost)),
    coverage: rowsOf(await t.db.execute(liveCoverage)),
    dueDays: rowsOf(await t.db.execute(liveDueDays)),
  };
}

async function addProblems(count: number) {
  const reporters = await Promise.all(orgs.slice(0, 4).map((o) => t.buildUser({ organisationId: o.id })));
  const problemRows = [];
  const assignmentRows: (typeof problemAssignments.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const reporter = pick(reporters);
    const createdAt = daysAgo(800);
    const id = randomUUID();
    const resolved = next() < 0.4;
    problemRows.push({
      id,
      type: next() < 0.4 ? ('recommendation' as const) : ('problem' as const),
      title: `ปัญหา ${i}`,
      body: 'รายละเอียด',
      category: pick(PROBLEM_CATEGORIES).code,
      sectors: SECTORS.filter(() => next() < 0.3),
      reporterUserId: reporter.id,
      reporterOrganisationId: reporter.organisationId,
      state: resolved ? ('resolved' as const) : ('in_progress' as const),
      firstAnsweredAt: next() < 0.6 ? new Date(createdAt.getTime() + int(1, 60) * DAY_MS) : null,
      closedAt: resolved ? new Date(createdAt.getTime() + int(1, 90) * DAY_MS) : null,
      dueAt: next() < 0.7 ? new Date(createdAt.getTime() + int(1, 900) * DAY_MS) : null,
      createdAt,
      updatedAt: createdAt,
    });
    const assigned = new Set(Array.from({ length: int(1, 4) }, () => pick(orgs).id));
    for (const organisationId of assigned)
      assignmentRows.push({
        id: randomUUID(),
        problemId: id,
        organisationId,
        lead: assignmentRows.at(-1)?.problemId !== id,
        assignedBy: reporter.id,
        assignedAt: new Date(createdAt.getTime() + int(0, 40) * DAY_MS),
      });
  }
  // Most assigned agencies answer, a few before they were assigned (a negative wait, counted in the
  // answer's period only when the assignment was made before that period's end).
  const answerRows = assignmentRows
    .filter(() => next() < 0.6)
    .map((a) => ({
      id: randomUUID(),
      problemId: a.problemId,
      organisationId: a.organisationId,
      authorUserId: a.assignedBy,
      bodyTh: 'คำตอบทางการ',
      createdAt: new Date(a.assignedAt.getTime() + int(-5, 120) * DAY_MS),
    }));
  // One statement each, as the synthetic seed writes them.
  await t.db.insert(problems).values(problemRows);
  await t.db.insert(problemAssignments).values(assignmentRows);
  await t.db.insert(problemAnswers).values(answerRows);
}

beforeAll(async () => {
  t = await buildTestApp();
  now = t.clock.now();
  orgs = [];
  for (let i = 0; i < 9; i++)
    orgs.push(
      await t.buildOrganisation({ createdAt: daysAgo(1500), ...providing(), lastReviewedAt: reviewed() }),
    );
  await addProblems(120);
  await t.db.insert(people).values(
    Array.from({ length: 60 }, (_, i) => ({
      id: randomUUID(),
      organisationId: pick(orgs).id,
      nameTh: `บุคคล ${i}`,
      active: next() < 0.85,
      createdAt: daysAgo(1200),
      updatedAt: now,
    })),
  );
  const units = [];
  for (const o of orgs.slice(0, 3)) units.push(await buildUnit(t.db, { organisationId: o.id }));
  for (let i = 0; i < 15; i++)
    await buildCoordinationRequest(t.db, {
      requestingOrganisationId: pick(orgs).id,
      receivingUnitId: pick(units).id,
      createdAt: daysAgo(800),
    });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const some = <T>(list: readonly T[], most: number) => Array.from({ length: int(0, most) }, () => pick(list));
/** What an organisation provides where: codes may repeat, and some cover the whole country. */
const providing = () => ({
  services: [...some(SERVICE_CODES, 4), ...(next() < 0.5 ? (['interpretation'] as const) : [])],
  languages: some(SERVICE_LANGUAGE_CODES, 3),
  coverage: next() < 0.2 ? ['nationwide' as const, ...some(PROVINCE_CODES, 2)] : some(PROVINCE_CODES, 4),
});
/** Reviewed long ago, lately, or never (then its registration counts). */
const reviewed = () => (next() < 0.3 ? null : daysAgo(next() < 0.5 ? 400 : 100));

/** Organisations change what they provide where and are reviewed; some are registered together, one is deleted. */
async function organisationWrites() {
  for (let i = 0; i < 6; i++) {
    const choice = next();
    await t.db
      .update(organisations)
      .set(choice < 0.6 ? providing() : { lastReviewedAt: reviewed() })
      .where(eq(organisations.id, pick(orgs).id));
  }
  await t.db
    .update(organisations)
    .set({ lastReviewedAt: sql`${organisations.createdAt} + interval '1 day'` })
    .where(inArray(organisations.id, [orgs[3]!.id, orgs[4]!.id]));
  const added = Array.from({ length: 3 }, (_, i) => ({
    id: randomUUID(),
    nameTh: `องค์กรใหม่ ${seed}-${i}`,
    nameEn: `New organisation ${seed}-${i}`,
    sector: pick(SECTORS),
    createdAt: daysAgo(60),
    updatedAt: now,
    ...providing(),
  }));
  await t.db.insert(organisations).values(added);
  await t.db.delete(organisations).where(eq(organisations.id, added[0]!.id));
}

async function mixOfWrites() {
  await organisationWrites();
  // People leave, come back, move to another organisation and are deleted; one statement moves many.
  const persons = await t.db.select({ id: people.id }).from(people);
  for (let i = 0; i < 10; i++) {
    const { id } = pick(persons);
    const choice = next();
    if (choice < 0.2) await t.db.delete(people).where(eq(people.id, id));
    else if (choice < 0.6)
      await t.db
        .update(people)
        .set({ active: next() < 0.5 })
        .where(eq(people.id, id));
    else
      await t.db
        .update(people)
        .set({ organisationId: pick(orgs).id })
        .where(eq(people.id, id));
  }
  await t.db
    .update(people)
    .set({ organisationId: orgs[2]!.id, active: sql`not ${people.active}` })
    .where(
      inArray(
        people.id,
        persons.slice(0, 15).map((p) => p.id),
      ),
    );

  const assignments = await t.db.select().from(problemAssignments);
  for (let i = 0; i < 12; i++) {
    const a = pick(assignments);
    const choice = next();
    if (choice < 0.3) await t.db.delete(problemAssignments).where(eq(problemAssignments.id, a.id));
    else if (choice < 0.6)
      await t.db
        .update(problemAssignments)
        .set({ assignedAt: daysAgo(800) })
        .where(eq(problemAssignments.id, a.id));
    else
      await t.db
        .update(problemAssignments)
        .set({ organisationId: pick(orgs).id })
        .where(eq(problemAssignments.id, a.id))
        .catch(() => undefined); // already assigned to that organisation: the unique key refuses it
  }
  // One statement moving many rows, and one deleting a problem's whole set (as reassignment does).
  await t.db
    .update(problemAssignments)
    .set({ assignedAt: sql`${problemAssignments.assignedAt} + interval '20 days'` })
    .where(
      inArray(
        problemAssignments.id,
        assignments.slice(0, 30).map((a) => a.id),
      ),
    );
  await t.db.delete(problemAssignments).where(eq(problemAssignments.problemId, assignments[40]!.problemId));

  // Answers withdrawn and moved in time: each moves its agency's first answer, and its wait.
  const answers = await t.db.select().from(problemAnswers);
  for (let i = 0; i < 10; i++) {
    const a = pick(answers);
    if (next() < 0.5) await t.db.delete(problemAnswers).where(eq(problemAnswers.id, a.id));
    else
      await t.db
        .update(problemAnswers)
        .set({ createdAt: daysAgo(600) })
        .where(eq(problemAnswers.id, a.id));
  }

  const rows = await t.db.select({ id: problems.id }).from(problems);
  for (let i = 0; i < 25; i++) {
    const { id } = pick(rows);
    const choice = next();
    const set =
      choice < 0.25
        ? { state: 'resolved' as const, closedAt: daysAgo(300) }
        : choice < 0.45
          ? { state: 'in_progress' as const, closedAt: null }
          : choice < 0.6
            ? { category: pick(PROBLEM_CATEGORIES).code, sectors: SECTORS.filter(() => next() < 0.5) }
            : choice < 0.75
              ? { firstAnsweredAt: next() < 0.5 ? null : daysAgo(400), type: 'recommendation' as const }
              : choice < 0.9
                ? { createdAt: daysAgo(900), supportCount: int(0, 9) }
                : { dueAt: next() < 0.3 ? null : daysAgo(100) };
    await t.db.update(problems).set(set).where(eq(problems.id, id));
  }
  // Deadlines earlier today and later today: "overdue now" splits at the kept days' end.
  const midnight = new Date(now);
  midnight.setUTCHours(0, 0, 0, 0);
  for (const dueAt of [new Date((midnight.getTime() + now.getTime()) / 2), new Date(now.getTime() + 60_000)])
    await t.db
      .update(problems)
      .set({ state: 'in_progress', closedAt: null, dueAt })
      .where(eq(problems.id, pick(rows).id));
  const lonely = await t.db.execute(sql`
    select p.id from problems p where not exists (select 1 from problem_assignments a where a.problem_id = p.id)
    limit 3`);
  for (const { id } of rowsOf<{ id: string }>(lonely)) {
    await t.db.delete(problemAnswers).where(eq(problemAnswers.problemId, id));
    await t.db.delete(problems).where(eq(problems.id, id));
  }
  await addProblems(40);

  const requests = await t.db.select().from(coordinationRequests);
  await t.db
    .update(coordinationRequests)
    .set({ createdAt: daysAgo(500), requestingOrganisationId: pick(orgs).id })
    .where(eq(coordinationRequests.id, requests[0]!.id));
  await t.db
    .update(coordinationRequests)
    .set({ state: 'acknowledged' })
    .where(eq(coordinationRequests.id, requests[1]!.id));
  // Requests keep an append-only history, so the one removed is a copy that has none.
  const copy = { ...requests[2]!, id: randomUUID(), createdAt: daysAgo(300) };
  await t.db.insert(coordinationRequests).values(copy);
  await t.db.delete(coordinationRequests).where(eq(coordinationRequests.id, copy.id));
  await t.db.insert(coordinationRequests).values({ ...copy, id: randomUUID() });
  const [unit] = await t.db.select().from(coordinationUnits).limit(1);
  await t.db
    .update(coordinationUnits)
    .set({ organisationId: orgs[8]!.id })
    .where(eq(coordinationUnits.id, unit!.id));
}

const actor = (o: OrganisationRow, role: Actor['role']): Actor => ({
  userId: randomUUID(),
  organisationId: o.id,
  role,
  sessionId: 'test',
  mustEnrolTotp: false,
});

describe('the counts kept by triggers', () => {
  it('equal a count from scratch after the seed-like inserts', async () => {
    expect((await kept()).pairs.length).toBeGreaterThan(50);
    const waits = (await kept()).agencies.flatMap((a) => (a as { waits: number[] }).waits);
    expect(waits.length).toBeGreaterThan(50);
    expect(waits.some((w) => w < 0)).toBe(true);
    expect((await kept()).overdue.length).toBeGreaterThan(3);
    expect((await kept()).inPost.length).toBeGreaterThan(3);
    expect((await kept()).coverage.length).toBeGreaterThan(20);
    expect((await kept()).dueDays.length).toBeGreaterThan(10);
    expect(await kept()).toEqual(await live());
  });

  it('equal a count from scratch after moves, deletions and state changes', async () => {
    await mixOfWrites();
    expect(await kept()).toEqual(await live());
    const stale = await t.db.execute(sql`
      select count(*)::int as n from problem_assignments a join problems p on p.id = a.problem_id
      where a.open_due_at is distinct from
        (case when p.state in ('submitted', 'under_review', 'assigned', 'in_progress') then p.due_at end)`);
    expect(rowsOf<{ n: number }>(stale)[0]!.n).toBe(0);
  });

  it('equal a count from scratch after the overdue clock moves back and forth', async () => {
    for (const at of [daysAgo(400), now, daysAgo(-30)]) {
      await moveOverdueClock(t.db, at);
      expect(await kept()).toEqual(await live());
      await mixOfWrites();
      expect(await kept()).toEqual(await live());
    }
  });

  it.each(['fiscal-2570', 'fiscal-2569', 'year-2568', 'quarter-2569-4', 'month-2569-11'])(
    'give the reference review in %s after the writes, whenever the overdue clock stands',
    async (code) => {
      const period = parsePeriod(code)!;
      const viewers: [Actor, boolean][] = [
        [actor(orgs[0]!, 'admin'), true],
        [actor(orgs[1]!, 'member'), false],
      ];
      for (const [viewer, centre] of viewers)
        for (const clock of [daysAgo(200), daysAgo(-200)]) {
          await moveOverdueClock(t.db, clock);
          for (const [shipped, reference] of [
            [problemsSection, referenceProblems],
            [partnersSection, referencePartners],
            [networkSection, referenceNetwork],
            [coverageSection, referenceCoverage],
          ] as const) {
            const ctx = { db: t.db, viewer, period, previous: previousPeriod(period), now, centre };
            expect(await shipped.compute(ctx), `${shipped.id}, ${centre ? 'Centre' : 'member'}`).toEqual(
              await reference.compute(ctx),
            );
          }
        }
    },
  );
});

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')(
  'two transactions assigning one agency at once',
  () => {
    it('both count: the second waits for the first and counts after its commit', async () => {
      const agency = await t.buildOrganisation();
      const [earlier, first, second] = [
        await buildProblem(t.db),
        await buildProblem(t.db),
        await buildProblem(t.db),
      ];
      const assignment = (problemId: string, daysBefore: number) => ({
        id: randomUUID(),
        problemId,
        organisationId: agency.id,
        assignedBy: first.reporterUserId,
        assignedAt: new Date(now.getTime() - daysBefore * DAY_MS),
      });
      // Counted once already: both writers update the agency's existing rows.
      await t.db.insert(problemAssignments).values(assignment(earlier.id, 4));
      let other: Promise<unknown> | undefined;
      await t.db.transaction(async (tx) => {
        await tx.insert(problemAssignments).values(assignment(first.id, 2));
        // Drizzle runs a query when it is awaited: started here, on another connection of the pool.
        other = t.db.insert(problemAssignments).values(assignment(second.id, 3)).execute();
        for (let i = 0; i < 200 && !(await waitingToCount()); i++) await sleep(25);
        expect(await waitingToCount()).toBe(true);
      });
      await other;
      const counted = await t.db.execute(sql`
        select kind, assigned from report_agency_counts
        where organisation_id = ${agency.id} and kind in ('month', 'fiscal') order by 1`);
      expect(
        rowsOf<{ kind: string; assigned: number }>(counted).find((r) => r.kind === 'fiscal')?.assigned,
      ).toBe(3);
      expect(await kept()).toEqual(await live());
    }, 60_000);
  },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitingToCount() {
  const result = await t.db.execute(sql`
    select 1 from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock' and query like '%problem_assignments%'`);
  return rowsOf(result).length > 0;
}
