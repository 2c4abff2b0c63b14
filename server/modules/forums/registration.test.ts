import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import {
  auditEvents,
  type EmailAttachment,
  forumEvents,
  forumRegistrations,
  outboxEmails,
} from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildForumEvent } from './forums.factories.ts';
import { expirePromotions } from './registration.service.ts';

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'The Centre', sector: 'government' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
});
afterAll(() => t.close());

const url = (eventId: string, tail = '') => `/api/v1/forums/events/${eventId}${tail}`;
const register = (eventId: string, cookie: string, body: object = { privacyAccepted: true }) =>
  t.request('POST', url(eventId, '/registration'), { cookie, body });

async function member(overrides: { organisationId?: string; language?: 'th' | 'en' } = {}) {
  const organisationId =
    overrides.organisationId ?? (await t.buildOrganisation({ sector: 'civil_society' })).id;
  return t.signedIn({ role: 'member', organisationId, language: overrides.language ?? 'th' });
}

const event = (o: Parameters<typeof buildForumEvent>[2] = {}) => buildForumEvent(t.db, t.clock.now(), o);

async function stateOf(eventId: string, userId: string) {
  const [row] = await t.db
    .select()
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.userId, userId)));
  return row;
}

/** A registrant's emails of one kind (emails of one test share a timestamp, so kinds, not order). */
async function emailsTo(address: string, kind?: string) {
  const rows = await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, address));
  return kind ? rows.filter((r) => r.kind === kind) : rows;
}

function parseIcs(attachment: EmailAttachment) {
  if (!('contentBase64' in attachment)) throw new Error(`${attachment.filename} is drawn when sent`);
  const base64 = attachment.contentBase64;
  const comp = new ICAL.Component(ICAL.parse(Buffer.from(base64, 'base64').toString('utf8')));
  const vevent = comp.getFirstSubcomponent('vevent')!;
  return {
    method: comp.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    text: Buffer.from(base64, 'base64').toString('utf8'),
  };
}

describe('registering for an event', () => {
  it('refuses a registration without accepting the privacy notice, writing nothing', async () => {
    const e = await event();
    const a = await member();
    const res = await register(e.id, a.cookie, { privacyAccepted: false });
    expect(res.status).toBe(400);
    expect(await stateOf(e.id, a.user.id)).toBeUndefined();
  });

  it('confirms with a ticket, and registering twice answers the same registration', async () => {
    const e = await event();
    const a = await member();
    const first = await register(e.id, a.cookie);
    expect(first.status).toBe(201);
    expect(first.body.myRegistration.state).toBe('confirmed');
    const ticket = first.body.myRegistration.ticketCode as string;
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ticket).not.toContain(a.user.id);
    const second = await register(e.id, a.cookie);
    expect(second.status).toBe(200);
    expect(second.body.myRegistration.id).toBe(first.body.myRegistration.id);
    expect(second.body.counts.confirmed).toBe(1);
  });

  it('answers a retried registration with the first answer, and claims a key once across events', async () => {
    const [e1, e2, e3] = [await event(), await event(), await event()];
    const a = await member();
    const send = (eventId: string, key: string) =>
      t.request('POST', url(eventId, '/registration'), {
        cookie: a.cookie,
        body: { privacyAccepted: true },
        headers: { 'idempotency-key': key },
      });
    const key = randomUUID();
    const first = await send(e1.id, key);
    const retry = await send(e1.id, key);
    expect([first.status, retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(retry.raw.body).toBe(first.raw.body);

    // The same key sent at once to two events: one registers; the other, refused, writes nothing. It loses
    // the claim (409), or, when the first was answered before it was read, reuses a key (422).
    const shared = randomUUID();
    const both = await Promise.all([send(e2.id, shared), send(e3.id, shared)]);
    const refused = both.find((r) => r.status !== 201)!;
    expect(both.filter((r) => r.status === 201)).toHaveLength(1);
    expect([
      [409, 'IDEMPOTENCY_KEY_IN_FLIGHT'],
      [422, 'IDEMPOTENCY_KEY_REUSED'],
    ]).toContainEqual([refused.status, refused.body.error.code]);
    const rows = await t.db.select().from(forumRegistrations).where(eq(forumRegistrations.userId, a.user.id));
    expect(rows).toHaveLength(2);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, a.user.id));
    expect(audits.filter((x) => x.action === 'forum.registered')).toHaveLength(2);
    expect(await emailsTo(a.user.email, 'forum_confirmed')).toHaveLength(2);
  });

  it('sends the confirmation in the registrant language with the .ics and the QR ticket', async () => {
    const e = await event();
    const a = await member({ language: 'en' });
    await register(e.id, a.cookie);
    const [mail] = await emailsTo(a.user.email, 'forum_confirmed');
    expect(mail!.subject).toMatch(/^Registration confirmed/);
    const ics = mail!.attachments.find((x) => x.filename.endsWith('.ics'))!;
    const parsed = parseIcs(ics);
    expect(parsed.uid).toBe(`forum-event-${e.id}@tipnet`);
    expect(parsed.sequence).toBe(0);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.start.getTime()).toBe(e.startsAt.getTime());
    expect(parsed.text).not.toContain('meet.example.test'); // the online link never goes in a calendar
    // The ticket is the registration's opaque code, drawn as a QR code when the email is sent.
    const { ticketCode } = (await stateOf(e.id, a.user.id))!;
    expect(mail!.attachments.find((x) => x.filename === 'ticket.png')).toEqual({
      filename: 'ticket.png',
      contentType: 'image/png',
      qrCodeOf: ticketCode,
    });
  });

  it('waitlists past the capacity, in order, and never confirms more than the capacity', async () => {
    const e = await event({ capacity: 2 });
    const people = [await member(), await member(), await member(), await member()];
    const states: string[] = [];
    for (const p of people) states.push((await register(e.id, p.cookie)).body.myRegistration.state);
    expect(states).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    const view = await t.request('GET', url(e.id), { cookie: people[3]!.cookie });
    expect(view.body.myRegistration.waitlistPosition).toBe(2);
    expect(view.body.myRegistration.ticketCode).toBeNull();
    const [waitMail] = await emailsTo(people[2]!.user.email, 'forum_waitlisted');
    expect(waitMail!.subject).toContain('รายชื่อสำรอง');
  });

  it('holds an organisation to its cap: the next one from it waits while others still get places', async () => {
    const e = await event({ capacity: 10, perOrganisationCap: 2 });
    const org = await t.buildOrganisation({ sector: 'private' });
    const same = [
      await member({ organisationId: org.id }),
      await member({ organisationId: org.id }),
      await member({ organisationId: org.id }),
    ];
    const states: string[] = [];
    for (const p of same) states.push((await register(e.id, p.cookie)).body.myRegistration.state);
    expect(states).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect((await register(e.id, (await member()).cookie)).body.myRegistration.state).toBe('confirmed');
  });

  it('keeps reserved places for the host organisations', async () => {
    const host = await t.buildOrganisation({ sector: 'government' });
    const e = await event({
      capacity: 3,
      reservedForHosts: 2,
      perOrganisationCap: 5,
      hostOrganisationIds: [host.id],
    });
    expect((await register(e.id, (await member()).cookie)).body.myRegistration.state).toBe('confirmed');
    expect((await register(e.id, (await member()).cookie)).body.myRegistration.state).toBe('waitlisted');
    const h1 = await register(e.id, (await member({ organisationId: host.id })).cookie);
    const h2 = await register(e.id, (await member({ organisationId: host.id })).cookie);
    const h3 = await register(e.id, (await member({ organisationId: host.id })).cookie);
    expect([h1, h2, h3].map((r) => r.body.myRegistration.state)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
  });

  it('promotes the first on the waitlist when someone withdraws, with a confirm-by time', async () => {
    const e = await event({ capacity: 1 });
    const [a, b, c] = [await member(), await member(), await member()];
    for (const p of [a, b, c]) await register(e.id, p.cookie);
    const res = await t.request('POST', url(e.id, '/registration/withdraw'), { cookie: a.cookie });
    expect(res.status).toBe(200);
    expect(res.body.myRegistration.state).toBe('withdrawn');
    const promoted = await stateOf(e.id, b.user.id);
    expect(promoted!.state).toBe('confirmed');
    // The event is a week away: 48 hours to confirm.
    expect(promoted!.confirmBy!.getTime() - t.clock.now().getTime()).toBe(48 * HOUR_MS);
    expect((await stateOf(e.id, c.user.id))!.state).toBe('waitlisted');
    const [promotion] = await emailsTo(b.user.email, 'forum_promoted');
    expect(promotion!.text).toMatch(/โปรดยืนยันการเข้าร่วมภายใน .*25\d\d/); // Buddhist Era
    // No ticket until confirmed; confirming sends it.
    const before = await t.request('GET', url(e.id), { cookie: b.cookie });
    expect(before.body.can.confirmPromotion).toBe(true);
    expect(before.body.myRegistration.ticketCode).toBeNull();
    const confirmed = await t.request('POST', url(e.id, '/registration/confirm'), { cookie: b.cookie });
    expect(confirmed.body.myRegistration.confirmBy).toBeNull();
    expect(confirmed.body.myRegistration.ticketCode).toBeTruthy();
    const [confirmation] = await emailsTo(b.user.email, 'forum_confirmed');
    expect(confirmation!.attachments.map((a) => a.contentType.split(';')[0])).toEqual([
      'text/calendar',
      'image/png',
    ]);
  });

  it('gives 12 hours to confirm when the event is less than 3 days away', async () => {
    const e = await event({ capacity: 1, startsAt: new Date(t.clock.now().getTime() + 2 * DAY_MS) });
    const [a, b] = [await member(), await member()];
    await register(e.id, a.cookie);
    await register(e.id, b.cookie);
    await t.request('POST', url(e.id, '/registration/withdraw'), { cookie: a.cookie });
    const promoted = await stateOf(e.id, b.user.id);
    expect(promoted!.confirmBy!.getTime() - t.clock.now().getTime()).toBe(12 * HOUR_MS);
  });

  it('passes a lapsed promotion to the next in line, once, however many instances run the job', async () => {
    const e = await event({ capacity: 1 });
    const [a, b, c] = [await member(), await member(), await member()];
    for (const p of [a, b, c]) await register(e.id, p.cookie);
    await t.request('POST', url(e.id, '/registration/withdraw'), { cookie: a.cookie });
    const start = t.clock.now();
    t.clock.advance(48 * HOUR_MS + MINUTE_MS);
    try {
      // Sessions idle out over two days: sign in again.
      const cookie = await t.login(b.user.email, b.user.password);
      const late = await t.request('POST', url(e.id, '/registration/confirm'), { cookie });
      expect(late.status).toBe(409);
      await Promise.all([expirePromotions(t.deps), expirePromotions(t.deps)]);
      const lapsed = await stateOf(e.id, b.user.id);
      expect([lapsed!.state, lapsed!.endReason]).toEqual(['withdrawn', 'offer_expired']);
      const next = await stateOf(e.id, c.user.id);
      expect(next!.state).toBe('confirmed');
      const promotedOnce = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, next!.id));
      expect(promotedOnce.filter((x) => x.action === 'forum.registration_promoted')).toHaveLength(1);
      const audited = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, lapsed!.id));
      expect(audited.filter((x) => x.action === 'forum.promotion_expired')).toHaveLength(1);
    } finally {
      t.clock.advance(start.getTime() - t.clock.now().getTime());
    }
  });

  it('refuses to withdraw after the event with 409 and changes nothing', async () => {
    const e = await event({ startsAt: new Date(t.clock.now().getTime() + HOUR_MS) });
    const a = await member();
    await register(e.id, a.cookie);
    t.clock.advance(5 * HOUR_MS);
    try {
      const cookie = await t.login(a.user.email, a.user.password);
      const res = await t.request('POST', url(e.id, '/registration/withdraw'), { cookie });
      expect([res.status, res.body.error.code]).toEqual([409, 'EVENT_STARTED']);
      expect((await stateOf(e.id, a.user.id))!.state).toBe('confirmed');
    } finally {
      t.clock.advance(-5 * HOUR_MS);
    }
  });

  it('puts open registrations of a moderated event in pending, but invitees straight in', async () => {
    const invitedOrg = await t.buildOrganisation({ sector: 'government' });
    const e = await event({ registrationMode: 'moderated' });
    await t.request('POST', url(e.id, '/invitations'), {
      cookie: admin.cookie,
      body: { kind: 'organisation', organisationId: invitedOrg.id },
    });
    const stranger = await member();
    const invitee = await member({ organisationId: invitedOrg.id });
    expect((await register(e.id, stranger.cookie)).body.myRegistration.state).toBe('pending');
    const inv = await register(e.id, invitee.cookie);
    expect(inv.body.myRegistration).toMatchObject({ state: 'confirmed', invited: true });
    const pending = await stateOf(e.id, stranger.user.id);
    const approved = await t.request('POST', url(e.id, `/registrations/${pending!.id}/approve`), {
      cookie: admin.cookie,
    });
    expect(approved.status).toBe(200);
    expect((await stateOf(e.id, stranger.user.id))!.state).toBe('confirmed');
  });

  it('lets only invitees register for an invite-only event, by sector', async () => {
    const e = await event({ registrationMode: 'invite_only' });
    await t.request('POST', url(e.id, '/invitations'), {
      cookie: admin.cookie,
      body: { kind: 'sector', sector: 'civil_society' },
    });
    const ngo = await member();
    const company = await member({ organisationId: (await t.buildOrganisation({ sector: 'private' })).id });
    expect((await register(e.id, ngo.cookie)).status).toBe(201);
    const refused = await register(e.id, company.cookie);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_INVITED']);
    expect(await stateOf(e.id, company.user.id)).toBeUndefined();
  });

  it('sends every active registrant an update with a raised SEQUENCE when the time changes', async () => {
    const e = await event();
    const [a, b] = [await member(), await member()];
    await register(e.id, a.cookie);
    await register(e.id, b.cookie);
    const startsAt = new Date(e.startsAt.getTime() + HOUR_MS);
    const res = await t.request('PATCH', url(e.id), {
      cookie: admin.cookie,
      body: {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(e.endsAt.getTime() + HOUR_MS).toISOString(),
        version: 1,
      },
    });
    expect(res.status).toBe(200);
    for (const p of [a, b]) {
      const [confirmation] = await emailsTo(p.user.email, 'forum_confirmed');
      const [update] = await emailsTo(p.user.email, 'forum_updated');
      const before = parseIcs(confirmation!.attachments[0]!);
      const after = parseIcs(update!.attachments[0]!);
      expect(after.uid).toBe(before.uid);
      expect(after.sequence).toBe(before.sequence + 1);
      expect(after.start.getTime()).toBe(startsAt.getTime());
    }
    const stale = await t.request('PATCH', url(e.id), {
      cookie: admin.cookie,
      body: { capacity: 40, version: 1 },
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('cancels with METHOD:CANCEL to every registrant and ends their registrations', async () => {
    const e = await event({ capacity: 1 });
    const [a, b] = [await member(), await member()];
    await register(e.id, a.cookie);
    await register(e.id, b.cookie);
    const res = await t.request('POST', url(e.id, '/cancel'), { cookie: admin.cookie, body: { version: 1 } });
    expect(res.body.state).toBe('cancelled');
    for (const p of [a, b]) {
      const [last] = await emailsTo(p.user.email, 'forum_cancelled');
      const ics = parseIcs(last!.attachments[0]!);
      expect([ics.method, ics.sequence]).toEqual(['CANCEL', 1]);
      expect(ics.text).toContain('STATUS:CANCELLED');
      expect((await stateOf(e.id, p.user.id))!.endReason).toBe('event_cancelled');
    }
  });
});

describe('fifty people registering at once', () => {
  it('confirms exactly the capacity and waitlists the rest, in queue order', async () => {
    const e = await event({ capacity: 20, perOrganisationCap: 50 });
    const org = await t.buildOrganisation({ sector: 'civil_society' });
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await member({ organisationId: org.id }));
    const answers = await Promise.all(people.map((p) => register(e.id, p.cookie)));
    expect(answers.map((a) => a.status).every((s) => s === 201)).toBe(true);
    const rows = await t.db.select().from(forumRegistrations).where(eq(forumRegistrations.eventId, e.id));
    expect(rows.filter((r) => r.state === 'confirmed')).toHaveLength(20);
    expect(rows.filter((r) => r.state === 'waitlisted')).toHaveLength(30);
    // FIFO: every confirmed registration queued before every waitlisted one.
    const lastConfirmed = Math.max(...rows.filter((r) => r.state === 'confirmed').map((r) => r.queueNumber));
    const firstWaiting = Math.min(...rows.filter((r) => r.state === 'waitlisted').map((r) => r.queueNumber));
    expect(lastConfirmed).toBeLessThan(firstWaiting);
    // Twice at once from the same person: still one row.
    const again = await Promise.all([register(e.id, people[0]!.cookie), register(e.id, people[0]!.cookie)]);
    expect(again.map((a) => a.status)).toEqual([200, 200]);
    const again2 = await t.db.select().from(forumRegistrations).where(eq(forumRegistrations.eventId, e.id));
    expect(again2).toHaveLength(50);
    // Every ticket is its own random code.
    expect(new Set(rows.map((r) => r.ticketCode)).size).toBe(50);
  }, 180_000);
});

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg')('an edit racing a registration', () => {
  it('is seen by a registration that waited for the event, though it read the event before', async () => {
    const e = await event();
    const person = await member();
    let registering: ReturnType<typeof register> | undefined;
    await t.db.transaction(async (tx) => {
      await tx.select({ id: forumEvents.id }).from(forumEvents).where(eq(forumEvents.id, e.id)).for('update');
      registering = register(e.id, person.cookie);
      // The registration has read the event (open to all) and now waits for its lock.
      for (let i = 0; i < 200 && !(await waitingForTheEvent()); i++) await sleep(25);
      expect(await waitingForTheEvent()).toBe(true);
      await tx
        .update(forumEvents)
        .set({ registrationMode: 'invite_only', version: sql`${forumEvents.version} + 1` })
        .where(eq(forumEvents.id, e.id));
    });
    const answer = await registering!;
    expect([answer.status, answer.body.error.code]).toEqual([403, 'NOT_INVITED']);
    expect(await stateOf(e.id, person.user.id)).toBeUndefined();
  }, 60_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitingForTheEvent() {
  const result = await t.db.execute(sql`
    select 1 from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'
      and query like '%tipnet_forum_lock_for_registration%'`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
