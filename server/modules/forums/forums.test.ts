import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildForumEvent, buildForumRegistration } from './forums.factories.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
let mirror: Awaited<ReturnType<TestApp['signedIn']>>;
let fisheries: { id: string };
beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'The Centre', sector: 'government' });
  fisheries = await t.buildOrganisation({
    nameTh: 'กรมประมง',
    nameEn: 'Department of Fisheries',
    sector: 'government',
  });
  const ngo = await t.buildOrganisation({ nameEn: 'Mirror Foundation', sector: 'civil_society' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  mirror = await t.signedIn({ role: 'member', organisationId: ngo.id });
});
afterAll(() => t.close());

const inHours = (h: number) => new Date(t.clock.now().getTime() + h * HOUR_MS).toISOString();

describe('convening an event', () => {
  it('creates a numbered draft only the Centre sees, then publishes it to everyone', async () => {
    const created = await t.request('POST', '/api/v1/forums/events', {
      cookie: admin.cookie,
      body: {
        titleTh: "Let's Talk TIP ครั้งที่ 2",
        titleEn: "Let's Talk TIP #2",
        format: 'hybrid',
        provinceCode: 'TH-10',
        venueTh: 'สโมสรตำรวจ',
        onlineUrl: 'https://meet.example.test/ltt2',
        startsAt: inHours(200),
        endsAt: inHours(203),
        chairTh: 'ผบ.ตร.',
        hostOrganisationIds: [fisheries.id],
        capacity: 120,
        reservedForHosts: 10,
        perOrganisationCap: 3,
        registrationMode: 'open',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', version: 1, hosts: [{ id: fisheries.id }] });
    const id = created.body.id;
    expect((await t.request('GET', `/api/v1/forums/events/${id}`, { cookie: mirror.cookie })).status).toBe(
      404,
    );
    const list = await t.request('GET', '/api/v1/forums/events', { cookie: mirror.cookie });
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(id);

    const published = await t.request('POST', `/api/v1/forums/events/${id}/publish`, {
      cookie: admin.cookie,
      body: { version: 1 },
    });
    expect(published.body).toMatchObject({ state: 'published', version: 2 });
    const seen = await t.request('GET', `/api/v1/forums/events/${id}`, { cookie: mirror.cookie });
    expect(seen.status).toBe(200);
    expect(seen.body.can).toMatchObject({ manage: false, register: true });
    // The online link exists, but is not shown to someone who has not registered.
    expect([seen.body.hasOnlineLink, seen.body.onlineUrl]).toEqual([true, null]);
  });

  it('refuses an event that ends before it starts, or reserves more than its capacity, and writes nothing', async () => {
    const before = await t.request('GET', '/api/v1/forums/events?limit=100', { cookie: admin.cookie });
    for (const body of [
      { startsAt: inHours(10), endsAt: inHours(9), capacity: 10, reservedForHosts: 0 },
      { startsAt: inHours(10), endsAt: inHours(12), capacity: 10, reservedForHosts: 11 },
    ]) {
      const res = await t.request('POST', '/api/v1/forums/events', {
        cookie: admin.cookie,
        body: {
          titleTh: 'ทดสอบ',
          titleEn: 'Test',
          format: 'online',
          hostOrganisationIds: [],
          perOrganisationCap: 3,
          registrationMode: 'open',
          ...body,
        },
      });
      expect(res.status).toBe(400);
    }
    const after = await t.request('GET', '/api/v1/forums/events?limit=100', { cookie: admin.cookie });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });
});

describe('the online link', () => {
  it('shows to a confirmed registrant from exactly 10 minutes before the start, never to others', async () => {
    const e = await buildForumEvent(t.db, t.clock.now(), {
      startsAt: new Date(t.clock.now().getTime() + HOUR_MS),
    });
    await buildForumRegistration(t.db, t.clock.now(), {
      eventId: e.id,
      userId: mirror.user.id,
      organisationId: mirror.user.organisationId,
    });
    const other = await t.signedIn({ role: 'member', organisationId: fisheries.id });
    const start = t.clock.now();
    const seenAt = async (cookie: string) =>
      (await t.request('GET', `/api/v1/forums/events/${e.id}`, { cookie })).body.onlineUrl;
    try {
      t.clock.advance(50 * MINUTE_MS - 1000); // 10 min 1 s before
      // Sessions idle out in 30 minutes: sign in again.
      const registrant = await t.login(mirror.user.email, mirror.user.password);
      const bystander = await t.login(other.user.email, other.user.password);
      expect(await seenAt(registrant)).toBeNull();
      t.clock.advance(1000); // exactly 10 minutes before
      expect(await seenAt(registrant)).toBe('https://meet.example.test/lets-talk-tip');
      expect(await seenAt(bystander)).toBeNull();
      const list = await t.request('GET', '/api/v1/forums/events', { cookie: registrant });
      expect(JSON.stringify(list.body)).not.toContain('meet.example.test');
    } finally {
      t.clock.advance(start.getTime() - t.clock.now().getTime());
    }
  });
});

describe('the agenda', () => {
  it('is a tree of timed items with a presenting organisation and linked problems', async () => {
    const e = await buildForumEvent(t.db, t.clock.now());
    const problem = await buildProblem(t.db, {
      reporterUserId: mirror.user.id,
      reporterOrganisationId: mirror.user.organisationId,
      anonymous: true,
    });
    const base = `/api/v1/forums/events/${e.id}/agenda`;
    const top = await t.request('POST', base, {
      cookie: admin.cookie,
      body: {
        titleTh: 'ปัญหาอุปสรรคภาคประมง',
        titleEn: 'Fisheries constraints',
        startsAt: e.startsAt.toISOString(),
        durationMinutes: 45,
        presentingOrganisationId: fisheries.id,
        problemIds: [problem.id],
      },
    });
    expect(top.status).toBe(201);
    const parentId = top.body.agenda[0].id;
    const sub = await t.request('POST', base, {
      cookie: admin.cookie,
      body: { parentId, titleTh: 'ล่ามภาษาเมียนมา', titleEn: 'Myanmar interpreters', durationMinutes: 15 },
    });
    const subId = sub.body.agenda[0].children[0].id;
    const tooDeep = await t.request('POST', base, {
      cookie: admin.cookie,
      body: { parentId: subId, titleTh: 'ลึกเกินไป', titleEn: 'Too deep' },
    });
    expect(tooDeep.status).toBe(400);
    const view = await t.request('GET', `/api/v1/forums/events/${e.id}`, { cookie: mirror.cookie });
    expect(view.body.agenda).toHaveLength(1);
    const item = view.body.agenda[0];
    expect(item).toMatchObject({
      durationMinutes: 45,
      presentingOrganisation: { id: fisheries.id },
      children: [{ titleEn: 'Myanmar interpreters' }],
    });
    // An anonymous problem's link shows its title and state, never who raised it.
    expect(item.problems).toEqual([{ id: problem.id, title: problem.title, state: problem.state }]);
    const removed = await t.request('DELETE', `${base}/${parentId}`, { cookie: admin.cookie });
    expect(removed.body.agenda).toEqual([]);
  });
});

describe('the calendar feed', () => {
  it('serves the series to a calendar app by token, and 404 once revoked or unknown', async () => {
    const e = await buildForumEvent(t.db, t.clock.now());
    const made = await t.request('POST', '/api/v1/me/forum-feeds', { cookie: mirror.cookie });
    expect(made.status).toBe(201);
    const path = new URL(made.body.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    const uids = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toContain(`forum-event-${e.id}@tipnet`);
    expect(feed.body).not.toContain('meet.example.test');
    const listed = await t.request('GET', '/api/v1/me/forum-feeds', { cookie: mirror.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(path.split('/').at(-1)!);
    await t.request('DELETE', `/api/v1/me/forum-feeds/${made.body.id}`, { cookie: mirror.cookie });
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/forums/feed/not-a-token' })).statusCode).toBe(
      404,
    );
  });
});
