/**
 * The review's sections read through period indexes (migration 0035) and count in the database; the
 * reference copies in ./reference/ scan every row as the first version did. On random data — dates over
 * three years, problems in every state, assignments made at different times, answers before and after
 * assignment, organisations in and out of coverage — both must give the same review, to the cell, for
 * the Centre and for a member, in every kind of period.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORGANISATION_TYPE_CODES,
  PROVINCES,
  SERVICE_CODES,
  SERVICE_LANGUAGE_CODES,
} from '../../../common/directory-taxonomies.ts';
import { PROBLEM_CATEGORIES, type ProblemState } from '../../../common/problems-taxonomy.ts';
import { parsePeriod, previousPeriod } from '../../../common/report-periods.ts';
import type { ReportTable } from '../../../common/reports-api.ts';
import { SECTORS } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import {
  type OrganisationRow,
  people,
  problemAnswers,
  problemAssignments,
  problemSupports,
  problems,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { coverageSection } from './coverage.section.ts';
import { networkSection } from './network.section.ts';
import { partnersSection } from './partners.section.ts';
import { problemsSection } from './problems.section.ts';
import { coverageSection as referenceCoverage } from './reference/coverage.section.ts';
import { networkSection as referenceNetwork } from './reference/network.section.ts';
import { partnersSection as referencePartners } from './reference/partners.section.ts';
import { problemsSection as referenceProblems } from './reference/problems.section.ts';
import type { ReportSectionDefinition, SectionContext } from './sections.ts';

/** mulberry32: the same random network on every run, so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
  const sample = <T>(list: readonly T[], n: number) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, sample, chance: (p: number) => next() < p };
}

const PAIRS: [ReportSectionDefinition, ReportSectionDefinition][] = [
  [networkSection, referenceNetwork],
  [coverageSection, referenceCoverage],
  [problemsSection, referenceProblems],
  [partnersSection, referencePartners],
];
const PERIODS = [
  'fiscal-2570',
  'fiscal-2569',
  'year-2569',
  'year-2568',
  'quarter-2569-4',
  'quarter-2569-2',
  'month-2569-11',
  'month-2569-3',
  'range-2024-01-01-2026-12-31',
];
const STATES: ProblemState[] = [
  'submitted',
  'under_review',
  'assigned',
  'in_progress',
  'resolved',
  'not_feasible',
  'duplicate',
  'withdrawn',
];

let t: TestApp;
let orgs: OrganisationRow[];
let now: Date;

beforeAll(async () => {
  t = await buildTestApp();
  now = t.clock.now();
  const r = random(15);
  const at = (daysBackMax: number, daysBackMin = 0) =>
    new Date(now.getTime() - r.int(daysBackMin * 24, daysBackMax * 24) * 3_600_000 - r.int(0, 3599) * 1000);
  const later = (from: Date, days: number) =>
    new Date(Math.min(now.getTime() - 60_000, from.getTime() + r.next() * days * DAY_MS));

  orgs = [];
  for (let i = 0; i < 24; i++) {
    const nationwide = r.chance(0.1);
    orgs.push(
      await t.buildOrganisation({
        sector: r.pick(SECTORS),
        type: r.chance(0.2) ? null : r.pick(ORGANISATION_TYPE_CODES),
        createdAt: at(1200),
        lastReviewedAt: r.chance(0.3) ? null : at(400),
        services: r.sample(SERVICE_CODES, r.int(0, 5)) as never,
        languages: r.sample(SERVICE_LANGUAGE_CODES, r.int(0, 4)) as never,
        coverage: (nationwide
          ? ['nationwide']
          : r.chance(0.1)
            ? []
            : r.sample(PROVINCES, r.int(1, 6)).map((p) => p.code)) as never,
      }),
    );
  }
  const members = [];
  for (const o of orgs) members.push(await t.buildUser({ organisationId: o.id }));

  await t.db.insert(people).values(
    Array.from({ length: 150 }, (_, i) => {
      const created = at(1200);
      const active = r.chance(0.8);
      return {
        id: randomUUID(),
        organisationId: r.pick(orgs).id,
        nameTh: `บุคคล ${i}`,
        active,
        createdAt: created,
        updatedAt: active ? created : later(created, 400),
      };
    }),
  );

  for (let i = 0; i < 260; i++) {
    const reporter = r.pick(members);
    const createdAt = at(1100);
    const state = r.pick(STATES);
    const assigned = ['assigned', 'in_progress', 'resolved', 'not_feasible'].includes(state)
      ? r.sample(orgs, r.int(1, 3))
      : [];
    const assignedAt = assigned.map(() => later(createdAt, 30));
    const answers = assigned.length
      ? Array.from({ length: r.int(0, 4) }, () => ({
          // Mostly an assigned organisation, sometimes another (the Centre), sometimes before assignment.
          organisationId: r.chance(0.85) ? r.pick(assigned).id : r.pick(orgs).id,
          createdAt: later(createdAt, 200),
        }))
      : [];
    const firstAnsweredAt = answers.length
      ? new Date(Math.min(...answers.map((a) => a.createdAt.getTime())))
      : null;
    const closed = ['resolved', 'not_feasible', 'duplicate', 'withdrawn'].includes(state);
    const id = randomUUID();
    await t.db.insert(problems).values({
      id,
      type: r.chance(0.3) ? 'recommendation' : 'problem',
      title: `ปัญหา ${i}`,
      body: 'รายละเอียด',
      category: r.pick(PROBLEM_CATEGORIES).code,
      sectors: r.sample(SECTORS, r.int(0, 3)),
      reporterUserId: reporter.id,
      reporterOrganisationId: reporter.organisationId,
      state,
      leadOrganisationId: assigned[0]?.id ?? null,
      assignedAt: assignedAt[0] ?? null,
      firstAnsweredAt,
      closedAt: closed ? later(createdAt, 300) : null,
      dueAt: r.chance(0.5) ? new Date(createdAt.getTime() + r.int(1, 400) * DAY_MS) : null,
      createdAt,
      updatedAt: createdAt,
    });
    if (assigned.length)
      await t.db.insert(problemAssignments).values(
        assigned.map((o, j) => ({
          id: randomUUID(),
          problemId: id,
          organisationId: o.id,
          lead: j === 0,
          assignedBy: reporter.id,
          assignedAt: assignedAt[j]!,
        })),
      );
    if (answers.length)
      await t.db.insert(problemAnswers).values(
        answers.map((a) => ({
          id: randomUUID(),
          problemId: id,
          organisationId: a.organisationId,
          authorUserId: reporter.id,
          bodyTh: 'คำตอบ',
          createdAt: a.createdAt,
        })),
      );
    const supporters = r.sample(orgs, r.int(0, 4));
    if (supporters.length)
      await t.db.insert(problemSupports).values(
        supporters.map((o) => ({
          id: randomUUID(),
          problemId: id,
          organisationId: o.id,
          userId: reporter.id,
          createdAt: later(createdAt, 90),
        })),
      );
  }

  // What the write paths do after the fact, which the kept counts must follow: a problem reassigned
  // (its assignments deleted and made again, after answers), answers removed or moved, supports
  // withdrawn or moved to the problem a duplicate points at.
  const assignments = await t.db.select().from(problemAssignments);
  for (const a of r.sample(assignments, 15)) {
    await t.db.delete(problemAssignments).where(eq(problemAssignments.id, a.id));
    await t.db.insert(problemAssignments).values({ ...a, id: randomUUID(), assignedAt: at(300) });
  }
  const answers = await t.db.select().from(problemAnswers);
  for (const a of r.sample(answers, 20)) {
    if (r.chance(0.5)) await t.db.delete(problemAnswers).where(eq(problemAnswers.id, a.id));
    else
      await t.db
        .update(problemAnswers)
        .set({ createdAt: at(900) })
        .where(eq(problemAnswers.id, a.id));
  }
  const supports = await t.db.select().from(problemSupports);
  for (const s of r.sample(supports, 20)) {
    if (r.chance(0.5)) await t.db.delete(problemSupports).where(eq(problemSupports.id, s.id));
    else
      await t.db
        .update(problemSupports)
        .set({ createdAt: at(900) })
        .where(eq(problemSupports.id, s.id));
  }

  const units = [];
  for (const o of r.sample(orgs, 4)) units.push(await buildUnit(t.db, { organisationId: o.id }));
  for (let i = 0; i < 12; i++)
    await buildCoordinationRequest(t.db, {
      requestingOrganisationId: r.pick(orgs).id,
      receivingUnitId: r.pick(units).id,
      createdAt: at(700),
    });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const actor = (o: OrganisationRow, role: Actor['role']): Actor => ({
  userId: randomUUID(),
  organisationId: o.id,
  role,
  sessionId: 'test',
  mustEnrolTotp: false,
});

function context(code: string, viewer: Actor, centre: boolean): SectionContext {
  const period = parsePeriod(code)!;
  return { db: t.db, viewer, period, previous: previousPeriod(period), now, centre };
}

describe('the indexed review against the reference scans', () => {
  it.each(PERIODS)('gives the same sections in %s, to the Centre and to members', async (code) => {
    const viewers: [Actor, boolean][] = [
      [actor(orgs[0]!, 'admin'), true],
      ...orgs.slice(1, 4).map((o): [Actor, boolean] => [actor(o, 'member'), false]),
    ];
    for (const [viewer, centre] of viewers)
      for (const [shipped, reference] of PAIRS) {
        const ctx = context(code, viewer, centre);
        const [got, want] = await Promise.all([shipped.compute(ctx), reference.compute(ctx)]);
        expect(got, `${shipped.id}, ${centre ? 'Centre' : 'member'}`).toEqual(want);
      }
  });

  it.each(PERIODS)(
    "cuts the Centre's agencies to the dashboard's first rows as in the whole table, in %s",
    async (code) => {
      const ctx = context(code, actor(orgs[0]!, 'admin'), true);
      const agenciesOf = (section: { tables: ReportTable[] }) =>
        section.tables.find((x) => x.key === 'agencies')!;
      const whole = agenciesOf(await referenceProblems.compute(ctx));
      const n = whole.rows.length;
      // Small cuts fall among agencies assigned as many (ties broken by name); the large ones reach the
      // agencies assigned nothing, which only the whole table orders.
      for (const rows of [1, 2, 3, 5, 8, n - 1, n, n + 1].filter((k) => k > 0)) {
        const cut = agenciesOf(await problemsSection.compute({ ...ctx, rowsPerTable: rows }));
        expect(cut.rows, `first ${rows} of ${n}`).toEqual(whole.rows.slice(0, rows));
        expect(cut.rowsInFull ?? cut.rows.length, `first ${rows} of ${n}`).toBe(n);
        expect(cut.totals, `first ${rows} of ${n}`).toEqual(whole.totals);
      }
    },
  );

  it('has data enough to compare: links, answers, overdue work', async () => {
    const ctx = context('range-2024-01-01-2026-12-31', actor(orgs[0]!, 'admin'), true);
    const agencies = (await problemsSection.compute(ctx)).tables.find((x) => x.key === 'agencies')!;
    expect(agencies.rows.length).toBeGreaterThan(10);
    expect(agencies.rows.some((row) => typeof row.values[2] === 'number')).toBe(true);
    expect(agencies.totals?.[4]).toBeGreaterThan(0);
    const partners = await partnersSection.compute(ctx);
    expect(partners.tables.find((x) => x.key === 'strongest_links')!.rows.length).toBe(20);
  });
});
