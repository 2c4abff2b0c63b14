import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  auditEvents,
  forumCheckins,
  forumEvents,
  forumRegistrations,
  forumSurveySubmissions,
  organisations,
} from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { attend, buildForumEvent, buildRegistration, checkIn } from './forum-feedback.factories.ts';
import { purgeForumPersonalData } from './retention.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PERSONAL = {
  phone: '081-555-0199',
  dietaryNotes: 'แพ้อาหารทะเล (retention-test)',
  guestName: 'นางสาวทดสอบ เก็บรักษา',
  email: 'guest-retention@example.test',
};

/** The tables (of the whole database) where a value still appears: a purged value must appear in none. */
async function tablesContaining(value: string) {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [row] = rowsOf<{ n: number | string }>(
      await t.db.execute(
        sql`select count(*) as n from ${sql.identifier(table_name)} x where x::text ilike ${`%${value}%`}`,
      ),
    );
    if (Number(row!.n) > 0) hits.push(table_name);
  }
  return hits;
}

/** Attendance per organisation and sector, as a report would count it. */
const attendance = (eventId: string) =>
  t.db
    .select({
      organisationId: forumRegistrations.organisationId,
      sector: forumRegistrations.sector,
      n: count(),
    })
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .where(eq(forumCheckins.eventId, eventId))
    .groupBy(forumRegistrations.organisationId, forumRegistrations.sector)
    .orderBy(forumRegistrations.organisationId);

describe('retention of registrants’ personal data', () => {
  it('blanks it a year after the event, keeps attendance per organisation and sector, and audits it once', async () => {
    const fisheries = await t.buildOrganisation({ sector: 'government' });
    const mirror = await t.buildOrganisation({ sector: 'civil_society' });
    const endsAt = new Date(t.clock.now().getTime() - HOUR_MS);
    const event = await buildForumEvent(t.db, { startsAt: new Date(endsAt.getTime() - 3 * HOUR_MS), endsAt });
    const member = await t.buildUser({ organisationId: fisheries.id });
    await attend(t.db, event, member, { phone: '089-000-1111', dietaryNotes: 'มังสวิรัติ (retention-test)' });
    const guest = await buildRegistration(t.db, {
      eventId: event.id,
      organisationId: mirror.id,
      sector: 'civil_society',
      ...PERSONAL,
    });
    await checkIn(t.db, guest, event.startsAt);
    await t.db.insert(forumSurveySubmissions).values({ eventId: event.id, userId: member.id });
    const before = await attendance(event.id);
    expect(before.reduce((n, r) => n + r.n, 0)).toBe(2);

    // A day short of the year: nothing happens.
    t.clock.advance(364 * DAY_MS);
    expect(await purgeForumPersonalData(t.deps)).toBe(0);
    expect(await tablesContaining(PERSONAL.phone)).toEqual(['forum_registrations']);

    t.clock.advance(2 * DAY_MS);
    const [a, b] = await Promise.all([purgeForumPersonalData(t.deps), purgeForumPersonalData(t.deps)]);
    expect(a + b).toBe(1);

    for (const value of [...Object.values(PERSONAL), '089-000-1111', 'มังสวิรัติ (retention-test)'])
      expect(await tablesContaining(value)).toEqual([]);
    expect(await attendance(event.id)).toEqual(before);
    const registrations = await t.db
      .select()
      .from(forumRegistrations)
      .where(eq(forumRegistrations.eventId, event.id));
    for (const r of registrations) {
      expect(r).toMatchObject({
        phone: null,
        dietaryNotes: null,
        guestName: null,
        email: null,
        state: 'confirmed',
      });
      expect(r.personalDataPurgedAt).toEqual(t.clock.now());
    }
    const [row] = await t.db.select().from(forumEvents).where(eq(forumEvents.id, event.id));
    expect(row!.personalDataPurgedAt).toEqual(t.clock.now());
    expect(
      await t.db.select().from(forumSurveySubmissions).where(eq(forumSurveySubmissions.eventId, event.id)),
    ).toEqual([]);
    expect((await t.db.select().from(organisations).where(eq(organisations.id, mirror.id)))[0]?.sector).toBe(
      'civil_society',
    );

    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'forum_feedback.personal_data_purged'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityId: event.id,
      changes: { registrations: 2, surveySubmissions: 1 },
    });
    expect(await purgeForumPersonalData(t.deps)).toBe(0);
  });

  it('follows the configured period', async () => {
    const endsAt = new Date(t.clock.now().getTime() - 31 * DAY_MS);
    const event = await buildForumEvent(t.db, { startsAt: new Date(endsAt.getTime() - HOUR_MS), endsAt });
    await buildRegistration(t.db, { eventId: event.id, phone: '02-000-0000' });
    const config = { ...t.deps.config, retention: { ...t.deps.config.retention, forumRegistrantsDays: 30 } };
    expect(await purgeForumPersonalData({ ...t.deps, config })).toBe(1);
    const purged = await t.db
      .select()
      .from(forumRegistrations)
      .where(isNotNull(forumRegistrations.personalDataPurgedAt));
    expect(purged.some((r) => r.eventId === event.id && r.phone === null)).toBe(true);
  });
});
