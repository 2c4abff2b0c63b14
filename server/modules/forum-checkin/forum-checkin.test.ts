import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, forumCheckins, forumRegistrations } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildForumEvent, buildRegistration } from './forum-checkin.factories.ts';

let t: TestApp;
let host: Awaited<ReturnType<TestApp['buildOrganisation']>>;
let staff: Awaited<ReturnType<TestApp['signedIn']>>;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;

beforeAll(async () => {
  t = await buildTestApp();
  host = await t.buildOrganisation({ nameEn: 'Mirror Foundation', sector: 'civil_society' });
  staff = await t.signedIn({ role: 'member', organisationId: host.id, displayName: 'Door Staff' });
  admin = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const newEvent = (overrides: Parameters<typeof buildForumEvent>[1] = {}) =>
  buildForumEvent(t.db, { hostOrganisationIds: [host.id], startsAt: t.clock.now(), ...overrides });

async function attendee(eventId: string, state: 'confirmed' | 'waitlisted' | 'withdrawn' = 'confirmed') {
  const org = await t.buildOrganisation({ nameEn: 'Department of Fisheries', sector: 'government' });
  const user = await t.buildUser({ organisationId: org.id, displayName: 'Malee Fisher (fictional)' });
  const registration = await buildRegistration(t.db, { eventId, userId: user.id, state });
  return { org, user, registration };
}

const scan = (eventId: string, ticketCode: string, clientScanId = randomUUID(), cookie = staff.cookie) =>
  t.request('POST', `/api/v1/forums/events/${eventId}/checkins`, {
    cookie,
    body: { ticketCode, clientScanId, scannedAt: t.clock.now().toISOString() },
  });

const checkinsOf = (registrationId: string) =>
  t.db.select().from(forumCheckins).where(eq(forumCheckins.registrationId, registrationId));

async function lastAudit(action: string) {
  const [row] = await t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe('scanning a QR ticket at the door', () => {
  it('checks a confirmed registrant in and shows the staff their name, organisation and sector only', async () => {
    const event = await newEvent();
    const { registration, org } = await attendee(event.id);
    const res = await scan(event.id, registration.ticketCode);
    expect(res.status).toBe(201);
    expect(res.body.outcome).toBe('checked_in');
    expect(res.body.person).toEqual({
      registrationId: registration.id,
      name: 'Malee Fisher (fictional)',
      organisation: expect.objectContaining({ id: org.id, nameEn: 'Department of Fisheries' }),
      guestOrganisationName: null,
      sector: 'government',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/@|phone|dietary|ticket/i);
    expect(res.body.checkin.by.displayName).toBe('Door Staff');
    expect(await lastAudit('forum_checkin.checked_in')).toMatchObject({ entityId: registration.id });
  });

  it('records a queued scan sent twice (same clientScanId) once, and answers it as checked in both times', async () => {
    const event = await newEvent();
    const { registration } = await attendee(event.id);
    const clientScanId = randomUUID();
    expect((await scan(event.id, registration.ticketCode, clientScanId)).status).toBe(201);
    const again = await scan(event.id, registration.ticketCode, clientScanId);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('checked_in');
    expect(await checkinsOf(registration.id)).toHaveLength(1);
  });

  it('answers a reused ticket "already checked in at … by …" and audits the duplicate', async () => {
    const event = await newEvent();
    const { registration } = await attendee(event.id);
    const first = await scan(event.id, registration.ticketCode);
    t.clock.advance(5 * 60_000);
    const other = await t.signedIn({ role: 'member', organisationId: host.id });
    const res = await scan(event.id, registration.ticketCode, randomUUID(), other.cookie);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('duplicate');
    expect(res.body.checkin.scannedAt).toBe(first.body.checkin.scannedAt);
    expect(res.body.checkin.by.displayName).toBe('Door Staff');
    expect(await checkinsOf(registration.id)).toHaveLength(1);
    const audit = await lastAudit('forum_checkin.duplicate');
    expect(audit).toMatchObject({ entityId: registration.id, actorUserId: other.user.id });
  });

  it('refuses a forged code with 404 TICKET_UNKNOWN, and audits the attempt without the code', async () => {
    const event = await newEvent();
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    const res = await scan(event.id, forged);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('TICKET_UNKNOWN');
    const audit = await lastAudit('forum_checkin.refused');
    expect(audit).toMatchObject({ entityId: event.id, actorUserId: staff.user.id });
    expect(audit!.changes).toEqual({ reason: 'TICKET_UNKNOWN' });
    expect(JSON.stringify(audit)).not.toContain(forged);
  });

  it("refuses another event's ticket, naming that event", async () => {
    const event = await newEvent();
    const earlier = await newEvent();
    const { registration } = await attendee(earlier.id);
    const res = await scan(event.id, registration.ticketCode);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TICKET_FOR_OTHER_EVENT');
    expect(res.body.error.details.event).toEqual({
      id: earlier.id,
      number: earlier.number,
      titleTh: earlier.titleTh,
      titleEn: earlier.titleEn,
    });
    expect(await checkinsOf(registration.id)).toHaveLength(0);
    expect((await lastAudit('forum_checkin.refused'))!.changes).toMatchObject({
      reason: 'TICKET_FOR_OTHER_EVENT',
      otherEventId: earlier.id,
    });
  });

  it.each(['waitlisted', 'withdrawn'] as const)(
    'refuses a %s registration, naming its state',
    async (state) => {
      const event = await newEvent();
      const { registration } = await attendee(event.id, state);
      const res = await scan(event.id, registration.ticketCode);
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'REGISTRATION_NOT_CONFIRMED', details: { state } });
      expect(await checkinsOf(registration.id)).toHaveLength(0);
    },
  );

  it('refuses check-ins at a cancelled event (409) and hides a draft from all but the Centre (404)', async () => {
    const cancelled = await newEvent({ state: 'cancelled' });
    const { registration } = await attendee(cancelled.id);
    const res = await scan(cancelled.id, registration.ticketCode);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EVENT_NOT_OPEN_FOR_CHECKIN');
    const draft = await newEvent({ state: 'draft' });
    expect((await scan(draft.id, registration.ticketCode)).status).toBe(404);
    expect((await scan(draft.id, registration.ticketCode, randomUUID(), admin.cookie)).status).toBe(409);
  });

  it('lets only the Centre and the host organisations check people in', async () => {
    const event = await newEvent();
    const { registration, user } = await attendee(event.id);
    const outsider = await t.signedIn({ role: 'org_admin' });
    expect((await scan(event.id, registration.ticketCode, randomUUID(), outsider.cookie)).status).toBe(403);
    const hostObserver = await t.signedIn({ role: 'observer', organisationId: host.id });
    expect((await scan(event.id, registration.ticketCode, randomUUID(), hostObserver.cookie)).status).toBe(
      403,
    );
    const self = await t.login(user.email, user.password);
    expect((await scan(event.id, registration.ticketCode, randomUUID(), self)).status).toBe(403);
    expect(await checkinsOf(registration.id)).toHaveLength(0);
    expect((await scan(event.id, registration.ticketCode, randomUUID(), admin.cookie)).status).toBe(201);
  });

  it('answers 400 to an event id that is not a uuid and to a code that is not a ticket', async () => {
    const bad = await t.request('POST', '/api/v1/forums/events/not-a-uuid/checkins', {
      cookie: staff.cookie,
      body: {
        ticketCode: 'AAAAAAAAAAAA',
        clientScanId: randomUUID(),
        scannedAt: t.clock.now().toISOString(),
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('params.eventId');
    const event = await newEvent();
    const res = await scan(event.id, "x' or 1=1 --");
    expect(res.status).toBe(400);
  });
});

describe('walk-ins', () => {
  const walkIn = (eventId: string, body: Record<string, unknown>, cookie = staff.cookie) =>
    t.request('POST', `/api/v1/forums/events/${eventId}/walk-ins`, {
      cookie,
      body: { clientScanId: randomUUID(), scannedAt: t.clock.now().toISOString(), ...body },
    });

  it('admits a guest with a written organisation: a confirmed place and a check-in at once', async () => {
    const event = await newEvent();
    const res = await walkIn(event.id, {
      guestName: 'Somsak Guest (fictional)',
      guestOrganisationName: 'ชมรมเรือประมงพื้นบ้าน',
    });
    expect(res.status).toBe(201);
    expect(res.body.person).toMatchObject({
      name: 'Somsak Guest (fictional)',
      organisation: null,
      guestOrganisationName: 'ชมรมเรือประมงพื้นบ้าน',
      sector: null,
    });
    expect(res.body.checkin.method).toBe('walk_in');
    const [registration] = await t.db
      .select()
      .from(forumRegistrations)
      .where(eq(forumRegistrations.id, res.body.person.registrationId));
    expect(registration).toMatchObject({ state: 'confirmed', userId: null });
  });

  it('admits a member found in the directory, confirming their waitlisted registration', async () => {
    const event = await newEvent();
    const { user, registration } = await attendee(event.id, 'waitlisted');
    const found = await t.request('GET', `/api/v1/forums/events/${event.id}/walk-ins/people?q=Malee`, {
      cookie: staff.cookie,
    });
    expect(found.body.items).toContainEqual(
      expect.objectContaining({ userId: user.id, registrationState: 'waitlisted', checkedIn: false }),
    );
    expect(JSON.stringify(found.body)).not.toContain(user.email);
    const res = await walkIn(event.id, { userId: user.id });
    expect(res.status).toBe(201);
    expect(res.body.person.registrationId).toBe(registration.id);
    const [row] = await t.db
      .select()
      .from(forumRegistrations)
      .where(eq(forumRegistrations.id, registration.id));
    expect(row!.state).toBe('confirmed');
  });

  it('refuses a walk-in past capacity with 409 EVENT_FULL, writing nothing, until the staff confirm', async () => {
    const event = await newEvent({ capacity: 1, reservedForHosts: 0 });
    await attendee(event.id);
    const guest = { guestName: 'Late Guest (fictional)', organisationId: host.id };
    const full = await walkIn(event.id, guest);
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'EVENT_FULL', details: { capacity: 1, confirmed: 1 } });
    const confirmed = () =>
      t.db
        .select()
        .from(forumRegistrations)
        .where(and(eq(forumRegistrations.eventId, event.id), eq(forumRegistrations.state, 'confirmed')));
    expect(await confirmed()).toHaveLength(1);
    const admitted = await walkIn(event.id, { ...guest, overCapacity: true });
    expect(admitted.status).toBe(201);
    expect(admitted.body.person.sector).toBe('civil_society');
    expect(await confirmed()).toHaveLength(2);
    expect((await lastAudit('forum_checkin.checked_in'))!.changes).toMatchObject({
      method: 'walk_in',
      guest: true,
      overCapacity: true,
    });
  });

  it('refuses a walk-in that names both a member and a guest, or a guest without an organisation', async () => {
    const event = await newEvent();
    const { user } = await attendee(event.id);
    expect((await walkIn(event.id, { userId: user.id, guestName: 'Both' })).body.error.code).toBe(
      'WALK_IN_WHO',
    );
    expect((await walkIn(event.id, { guestName: 'Nobody' })).body.error.code).toBe('WALK_IN_ORGANISATION');
  });
});

describe('live attendance', () => {
  it('counts checked-in against registered, by sector and by organisation', async () => {
    const event = await newEvent();
    const a = await attendee(event.id);
    await attendee(event.id);
    const ngo = await t.buildOrganisation({ nameEn: 'Stella Maris', sector: 'civil_society' });
    const ngoUser = await t.buildUser({ organisationId: ngo.id });
    const ngoReg = await buildRegistration(t.db, { eventId: event.id, userId: ngoUser.id });
    await attendee(event.id, 'waitlisted'); // not counted: no confirmed place
    await scan(event.id, a.registration.ticketCode);
    await scan(event.id, ngoReg.ticketCode);
    const res = await t.request('GET', `/api/v1/forums/events/${event.id}/attendance`, {
      cookie: staff.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ registered: 3, checkedIn: 2, walkIns: 0 });
    expect(res.body.bySector).toEqual(
      expect.arrayContaining([
        { sector: 'government', registered: 2, checkedIn: 1 },
        { sector: 'civil_society', registered: 1, checkedIn: 1 },
      ]),
    );
    const stella = res.body.byOrganisation.find((o: any) => o.organisation?.id === ngo.id);
    expect(stella).toMatchObject({ registered: 1, checkedIn: 1 });
    expect(res.body.recent.map((r: any) => r.registrationId).sort()).toEqual(
      [a.registration.id, ngoReg.id].sort(),
    );
  });
});
