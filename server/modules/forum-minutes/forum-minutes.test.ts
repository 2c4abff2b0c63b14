import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sector } from '../../../common/taxonomies.ts';
import { forumActions, forumDecisions, forumMinutes } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { buildAgendaItem, buildCheckin, buildForumEvent } from './forum-minutes.factories.ts';

let t: TestApp;
let centre: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  centre = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

/** An event attended by `attending`' people, with two agenda items. */
async function forum(attending: { id: string; sector: Sector }[]) {
  const event = await buildForumEvent(t.db);
  const topics = [
    await buildAgendaItem(t.db, event.id, { titleTh: 'ปัญหาล่ามในศูนย์ PIPO', position: 0 }),
    await buildAgendaItem(t.db, event.id, { titleTh: 'การส่งต่อผู้เสียหาย', position: 1 }),
  ];
  for (const org of attending)
    await buildCheckin(t.db, event.id, { organisationId: org.id, sector: org.sector });
  return { eventId: event.id, topics, url: `/api/v1/forums/events/${event.id}/minutes` };
}

const as = (cookie: string) => ({
  get: (url: string) => t.request('GET', url, { cookie }),
  put: (url: string, body: unknown) => t.request('PUT', url, { cookie, body }),
  post: (url: string, body?: unknown) => t.request('POST', url, { cookie, body }),
});

describe('minutes: draft, share, finalise, reopen', () => {
  it('keeps the draft to the Centre, then lets attending organisations read and comment as themselves', async () => {
    const fisheries = await t.buildOrganisation({ nameEn: 'Department of Fisheries', sector: 'government' });
    const outsider = await t.buildOrganisation({ sector: 'civil_society' });
    const f = await forum([fisheries]);
    const member = await t.signedIn({ role: 'member', organisationId: fisheries.id });
    const stranger = await t.signedIn({ role: 'member', organisationId: outsider.id });

    const saved = await as(centre.cookie).put(f.url, {
      revision: 0,
      summaryTh: 'ที่ประชุมหารือเรื่องล่าม',
      items: [{ agendaItemId: f.topics[0], discussed: true, notes: 'ขาดล่ามภาษาเขมรที่ระนอง' }],
      decisions: [
        { agendaItemId: f.topics[0], textTh: 'ตั้งบัญชีล่ามกลาง', textEn: 'Set up a shared interpreter roster' },
      ],
      actions: [{ titleTh: 'รวบรวมรายชื่อล่าม', ownerOrganisationId: fisheries.id, dueOn: '2027-01-31' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ state: 'draft', version: 1, revision: 1 });
    expect(saved.body.items[0]).toMatchObject({ discussed: true, notes: 'ขาดล่ามภาษาเขมรที่ระนอง' });
    expect((await as(member.cookie).get(f.url)).status).toBe(404);

    const shared = await as(centre.cookie).post(`${f.url}/share`, { revision: 1 });
    expect(shared.body.state).toBe('shared');
    const read = await as(member.cookie).get(f.url);
    expect(read.status).toBe(200);
    expect(read.body.decisions[0].textEn).toBe('Set up a shared interpreter roster');
    expect(read.body.can).toEqual({ edit: false, reopen: false, comment: true });
    expect((await as(stranger.cookie).get(f.url)).status).toBe(404);
    expect((await as(stranger.cookie).post(`${f.url}/comments`, { body: 'ขอแสดงความเห็น' })).status).toBe(404);

    const comment = await as(member.cookie).post(`${f.url}/comments`, { body: 'ขอเพิ่มล่ามภาษาเมียนมา' });
    expect(comment.status).toBe(201);
    expect(comment.body.organisation.id).toBe(fisheries.id);
    const withComment = await as(centre.cookie).get(f.url);
    expect(withComment.body.comments).toMatchObject([{ body: 'ขอเพิ่มล่ามภาษาเมียนมา', version: 1 }]);
  });

  it('records attendance from check-ins, by organisation and by sector', async () => {
    const dof = await t.buildOrganisation({ sector: 'government' });
    const ngo = await t.buildOrganisation({ sector: 'civil_society' });
    const f = await forum([dof, dof, ngo]);
    await buildCheckin(t.db, f.eventId, { organisationId: null, sector: 'private' });
    const res = await as(centre.cookie).get(f.url);
    expect(res.body.attendance.total).toBe(4);
    expect(res.body.attendance.bySector).toEqual([
      { sector: 'government', count: 2 },
      { sector: 'civil_society', count: 1 },
      { sector: 'private', count: 1 },
    ]);
    expect(res.body.attendance.organisations.map((o: any) => [o.organisation.id, o.count])).toEqual([
      [dof.id, 2],
      [ngo.id, 1],
    ]);
  });

  it('freezes each final version, refuses edits to it, and reopens only the latest', async () => {
    const dof = await t.buildOrganisation({ sector: 'government' });
    const f = await forum([dof]);
    const member = await t.signedIn({ role: 'member', organisationId: dof.id });
    const body = (revision: number, decision: string) => ({
      revision,
      items: [],
      decisions: [{ textTh: decision }],
      actions: [],
    });
    await as(centre.cookie).put(f.url, body(0, 'มติฉบับแรก'));
    const final1 = await as(centre.cookie).post(`${f.url}/finalise`, { revision: 1 });
    expect(final1.body).toMatchObject({ state: 'final', version: 1, revision: 2 });
    expect(final1.body.versions.map((v: any) => v.version)).toEqual([1]);
    expect(final1.body.can).toMatchObject({ edit: false, reopen: true });
    expect((await as(member.cookie).get(f.url)).body.can).toMatchObject({ edit: false, reopen: false });

    const edit = await as(centre.cookie).put(f.url, body(2, 'แก้ไขหลังรับรอง'));
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('MINUTES_FINAL');

    const reopened = await as(centre.cookie).post(`${f.url}/reopen`, { revision: 2, version: 1 });
    expect(reopened.body).toMatchObject({ state: 'draft', version: 2 });
    await as(centre.cookie).put(f.url, body(3, 'มติฉบับแก้ไข'));
    // Meanwhile the attending organisation reads the version in force, not the Centre's redraft.
    const meanwhile = await as(member.cookie).get(f.url);
    expect(meanwhile.body).toMatchObject({ state: 'final', version: 1 });
    expect(meanwhile.body.decisions[0].textTh).toBe('มติฉบับแรก');

    await as(centre.cookie).post(`${f.url}/finalise`, { revision: 4 });
    const v1 = await as(member.cookie).get(`${f.url}/versions/1`);
    expect(v1.body).toMatchObject({ version: 1, latest: false });
    expect(v1.body.content.decisions[0].textTh).toBe('มติฉบับแรก');
    const v2 = await as(member.cookie).get(`${f.url}/versions/2`);
    expect(v2.body.content.decisions[0].textTh).toBe('มติฉบับแก้ไข');

    const old = await as(centre.cookie).post(`${f.url}/reopen`, { revision: 5, version: 1 });
    expect(old.status).toBe(409);
    expect(old.body.error.code).toBe('NOT_LATEST_VERSION');
    expect((await as(centre.cookie).get(`${f.url}/versions/3`)).status).toBe(404);
  });

  it('refuses a save made on a stale revision and changes nothing', async () => {
    const f = await forum([]);
    await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [{ textTh: 'มติ ก' }],
      actions: [],
    });
    const stale = await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [{ textTh: 'มติ ข' }],
      actions: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentRevision: 1 } });
    const rows = await t.db.select().from(forumDecisions).where(eq(forumDecisions.eventId, f.eventId));
    expect(rows.map((r) => r.textTh)).toEqual(['มติ ก']);
  });

  it('refuses a responsible person outside the owner organisation, and unknown agenda items', async () => {
    const dof = await t.buildOrganisation({ sector: 'government' });
    const elsewhere = await t.buildUser({ role: 'member' });
    const f = await forum([]);
    const wrong = await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [],
      actions: [{ titleTh: 'งาน', ownerOrganisationId: dof.id, responsibleUserId: elsewhere.id }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('RESPONSIBLE_NOT_IN_ORGANISATION');
    const other = await forum([]);
    const foreign = await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [{ agendaItemId: other.topics[0], discussed: true }],
      decisions: [],
      actions: [],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('UNKNOWN_AGENDA_ITEM');
    const [minutes] = await t.db.select().from(forumMinutes).where(eq(forumMinutes.eventId, f.eventId));
    expect(minutes?.revision ?? 0).toBe(0);
  });

  it('keeps an action of a finalised version: removing it in a redraft is a 409', async () => {
    const dof = await t.buildOrganisation({ sector: 'government' });
    const f = await forum([dof]);
    const saved = await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [],
      actions: [{ titleTh: 'งานที่รับรองแล้ว', ownerOrganisationId: dof.id }],
    });
    await as(centre.cookie).post(`${f.url}/finalise`, { revision: 1 });
    await as(centre.cookie).post(`${f.url}/reopen`, { revision: 2, version: 1 });
    const removed = await as(centre.cookie).put(f.url, {
      revision: 3,
      items: [],
      decisions: [],
      actions: [],
    });
    expect(removed.status).toBe(409);
    expect(removed.body.error.code).toBe('ACTION_PUBLISHED');
    const rows = await t.db.select().from(forumActions).where(eq(forumActions.eventId, f.eventId));
    expect(rows.map((r) => r.id)).toEqual([saved.body.actions[0].id]);
  });
});

describe("actions: the owner organisation's list and moves", () => {
  it('shows the owner its published actions with overdue days, and lets it move them with a note', async () => {
    const dof = await t.buildOrganisation({ sector: 'government' });
    const f = await forum([dof]);
    const officer = await t.signedIn({ role: 'member', organisationId: dof.id });
    const observer = await t.signedIn({ role: 'observer', organisationId: dof.id });
    // The test clock is 26 November 2026 (Bangkok): one action is 6 days late, one due later.
    await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [],
      actions: [
        {
          titleTh: 'งานที่เลยกำหนด',
          ownerOrganisationId: dof.id,
          dueOn: '2026-11-20',
          responsibleUserId: officer.user.id,
        },
        { titleTh: 'งานที่ยังไม่ถึงกำหนด', ownerOrganisationId: dof.id, dueOn: '2027-02-01' },
      ],
    });
    // Not final yet: the owner does not see them.
    expect((await as(officer.cookie).get('/api/v1/forums/actions?filter=all')).body.items).toEqual([]);
    await as(centre.cookie).post(`${f.url}/finalise`, { revision: 1 });

    const open = await as(officer.cookie).get('/api/v1/forums/actions');
    expect(open.body.items.map((a: any) => [a.titleTh, a.daysOverdue])).toEqual([
      ['งานที่เลยกำหนด', 6],
      ['งานที่ยังไม่ถึงกำหนด', 0],
    ]);
    const overdue = await as(officer.cookie).get('/api/v1/forums/actions?filter=overdue');
    expect(overdue.body.items.map((a: any) => a.titleTh)).toEqual(['งานที่เลยกำหนด']);
    const late = overdue.body.items[0];
    expect(late.responsibleUser.id).toBe(officer.user.id);

    const url = `/api/v1/forums/actions/${late.id}/status`;
    expect((await as(observer.cookie).post(url, { status: 'in_progress', note: 'เริ่มแล้ว' })).status).toBe(403);
    const started = await as(officer.cookie).post(url, {
      status: 'in_progress',
      note: 'ประสานกรมการจัดหางานแล้ว',
    });
    expect(started.status).toBe(200);
    expect(started.body.moves.sort()).toEqual(['done', 'open']);
    const drop = await as(officer.cookie).post(url, { status: 'dropped', note: 'ไม่ทำแล้ว' });
    expect(drop.status).toBe(403);
    t.clock.advance(60_000);
    const done = await as(officer.cookie).post(url, { status: 'done', note: 'รวบรวมรายชื่อล่ามครบ 3 ภาษา' });
    expect(done.body.history.map((h: any) => [h.fromStatus, h.toStatus, h.note])).toEqual([
      [null, 'open', null],
      ['open', 'in_progress', 'ประสานกรมการจัดหางานแล้ว'],
      ['in_progress', 'done', 'รวบรวมรายชื่อล่ามครบ 3 ภาษา'],
    ]);
    expect(done.body.daysOverdue).toBe(0);
    expect((await as(officer.cookie).get('/api/v1/forums/actions?filter=overdue')).body.items).toEqual([]);
    const again = await as(officer.cookie).post(url, { status: 'done', note: 'ซ้ำ' });
    expect(again.body.error.code).toBe('SAME_STATUS');
  });

  it("lets the Centre see every organisation's actions, filter by one, and drop one", async () => {
    const a = await t.buildOrganisation({ sector: 'government' });
    const b = await t.buildOrganisation({ sector: 'civil_society' });
    const f = await forum([a, b]);
    await as(centre.cookie).put(f.url, {
      revision: 0,
      items: [],
      decisions: [],
      actions: [
        { titleTh: 'งานของ ก', ownerOrganisationId: a.id },
        { titleTh: 'งานของ ข', ownerOrganisationId: b.id },
      ],
    });
    await as(centre.cookie).post(`${f.url}/finalise`, { revision: 1 });
    const onlyB = await as(centre.cookie).get(`/api/v1/forums/actions?filter=all&organisationId=${b.id}`);
    expect(onlyB.body.items.map((x: any) => x.titleTh)).toEqual(['งานของ ข']);
    const all = await as(centre.cookie).get('/api/v1/forums/actions?filter=all');
    expect(all.body.items.map((x: any) => x.titleTh)).toEqual(
      expect.arrayContaining(['งานของ ก', 'งานของ ข']),
    );

    const memberOfA = await t.signedIn({ role: 'member', organisationId: a.id });
    expect((await as(memberOfA.cookie).get(`/api/v1/forums/actions?organisationId=${b.id}`)).status).toBe(
      403,
    );
    const bAction = onlyB.body.items[0];
    expect((await as(memberOfA.cookie).get(`/api/v1/forums/actions/${bAction.id}`)).status).toBe(404);

    const dropped = await as(centre.cookie).post(`/api/v1/forums/actions/${bAction.id}/status`, {
      status: 'dropped',
      note: 'รวมกับงานของกรมการจัดหางาน',
    });
    expect(dropped.body.status).toBe('dropped');
    const openNow = await as(centre.cookie).get(`/api/v1/forums/actions?organisationId=${b.id}`);
    expect(openNow.body.items).toEqual([]);
  });
});
