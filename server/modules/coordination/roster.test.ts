import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, type CoordinationUnitRow } from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let head: Who;
let anong: Who;
let boonmee: Who;
let colleagueOutside: Who;
let unit: CoordinationUnitRow;

beforeAll(async () => {
  t = await buildTestApp();
  const labour = await t.buildOrganisation({ nameEn: 'Labour Protection Test' });
  head = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Head Chai' });
  anong = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Anong' });
  boonmee = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Boonmee' });
  colleagueOutside = await t.signedIn({ role: 'member', organisationId: labour.id });
  unit = await buildUnit(t.db, {
    organisationId: labour.id,
    memberIds: [anong.user.id, boonmee.user.id],
    heads: [head.user.id],
  });
});
afterAll(() => t.close());

const url = (path = '') => `/api/v1/coordination/units/${unit.id}${path}`;

describe('a unit roster', () => {
  it('shows who is on call now and the night layer as a gap by day, and lets a head swap a night', async () => {
    // The test clock is Thursday 26 Nov 2026, 10:00 in Bangkok.
    const primary = await t.request('POST', url('/roster/layers'), {
      cookie: head.cookie,
      body: {
        level: 'primary',
        name: 'เวรหลัก',
        rotation: 'daily',
        handoverTime: '08:30',
        startsOn: '2026-11-26',
        memberIds: [anong.user.id, boonmee.user.id],
        restriction: null,
      },
    });
    expect(primary.status).toBe(201);
    const night = await t.request('POST', url('/roster/layers'), {
      cookie: head.cookie,
      body: {
        level: 'backup',
        name: 'เวรสำรองกลางคืน',
        rotation: 'daily',
        handoverTime: '18:00',
        startsOn: '2026-11-26',
        memberIds: [boonmee.user.id],
        restriction: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '08:30' },
      },
    });
    const now = await t.request('GET', url('/on-call'), { cookie: anong.cookie });
    expect(
      now.body.layers.map(
        (l: { person: { displayName: string } | null; gap: string | null }) => l.person?.displayName ?? l.gap,
      ),
    ).toEqual(['Anong', 'outside_hours']);

    const nightLayerId = night.body.layers[1].id;
    const swap = await t.request('POST', url('/roster/overrides'), {
      cookie: head.cookie,
      body: {
        layerId: nightLayerId,
        userId: anong.user.id,
        startsAt: '2026-11-26T18:00:00+07:00',
        endsAt: '2026-11-27T08:30:00+07:00',
      },
    });
    expect(swap.status).toBe(201);
    const tonight = await t.request('GET', url('/on-call?at=2026-11-26T23:00:00%2B07:00'), {
      cookie: boonmee.cookie,
    });
    expect(tonight.body.layers[1]).toMatchObject({ person: { displayName: 'Anong' }, source: 'override' });
    const tomorrow = await t.request('GET', url('/on-call?at=2026-11-27T23:00:00%2B07:00'), {
      cookie: boonmee.cookie,
    });
    expect(
      tomorrow.body.layers.map((l: { person: { displayName: string } }) => l.person.displayName),
    ).toEqual(['Boonmee', 'Boonmee']);

    const week = await t.request('GET', url('/roster?days=7'), { cookie: anong.cookie });
    expect(week.body.canEdit).toBe(false);
    expect(week.body.overrides).toHaveLength(1);
    expect(
      week.body.shifts[nightLayerId].some((s: { gap: string | null }) => s.gap === 'outside_hours'),
    ).toBe(true);

    const audits = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, unit.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'coordination.roster_layer_created',
      'coordination.roster_layer_created',
      'coordination.roster_override_created',
    ]);
  });

  it('refuses someone outside the unit on the roster and writes nothing', async () => {
    const before = await t.request('GET', url('/roster'), { cookie: head.cookie });
    const res = await t.request('POST', url('/roster/layers'), {
      cookie: head.cookie,
      body: {
        level: 'primary',
        name: 'เวรหลัก 2',
        rotation: 'weekly',
        handoverTime: '08:30',
        startsOn: '2026-11-26',
        memberIds: [colleagueOutside.user.id],
        restriction: null,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('NOT_A_UNIT_MEMBER');
    const after = await t.request('GET', url('/roster'), { cookie: head.cookie });
    expect(after.body.layers).toHaveLength(before.body.layers.length);
  });

  it('refuses an override that ends before it starts', async () => {
    const roster = await t.request('GET', url('/roster'), { cookie: head.cookie });
    const res = await t.request('POST', url('/roster/overrides'), {
      cookie: head.cookie,
      body: {
        layerId: roster.body.layers[0].id,
        userId: anong.user.id,
        startsAt: '2026-11-27T08:30:00+07:00',
        endsAt: '2026-11-26T18:00:00+07:00',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('OVERRIDE_EMPTY');
  });
});
