import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  type CoordinationUnitRow,
  coordinationRequestEvents,
  coordinationRequests,
  type OrganisationRow,
} from '../../db/schema/index.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let mirror: OrganisationRow;
let labour: OrganisationRow;
let fisheries: OrganisationRow;
let centreAdmin: Who;
let requester: Who;
let requesterColleague: Who;
let requesterObserver: Who;
let mirrorAdmin: Who;
let officerA: Who;
let officerB: Who;
let labourAdmin: Who;
let labourNonMember: Who;
let fisheriesOfficer: Who;
let outsider: Who;
let inboxA: CoordinationUnitRow;
let inboxB: CoordinationUnitRow;

const VALID_ID = '1-1037-00123-45-8';
const REQUEST = {
  type: 'interpreter',
  urgency: 'critical',
  province: 'TH-85',
  language: 'my',
  peopleCount: 2,
  ageBands: ['18_59'],
  sexes: ['female'],
  nationalities: ['myanmar'],
  needs: 'ล่ามภาษาเมียนมาที่ สภ.เมืองระนอง คืนนี้',
  context: 'ผู้เสียหายสองคนหนีออกจากเรือประมง',
};

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre Test' });
  mirror = await t.buildOrganisation({ nameEn: 'Mirror Test', sector: 'civil_society' });
  labour = await t.buildOrganisation({ nameEn: 'Labour Protection Test' });
  fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Test' });
  const outsiders = await t.buildOrganisation({ nameEn: 'Outsiders Test' });
  centreAdmin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id, displayName: 'Requester' });
  requesterColleague = await t.signedIn({ role: 'member', organisationId: mirror.id });
  requesterObserver = await t.signedIn({ role: 'observer', organisationId: mirror.id });
  mirrorAdmin = await t.signedIn({ role: 'org_admin', organisationId: mirror.id });
  officerA = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Anong' });
  officerB = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Boonmee' });
  labourAdmin = await t.signedIn({ role: 'org_admin', organisationId: labour.id });
  labourNonMember = await t.signedIn({ role: 'member', organisationId: labour.id });
  fisheriesOfficer = await t.signedIn({ role: 'member', organisationId: fisheries.id });
  outsider = await t.signedIn({ role: 'member', organisationId: outsiders.id });
  inboxA = await buildUnit(t.db, {
    organisationId: labour.id,
    memberIds: [officerA.user.id, officerB.user.id],
  });
  inboxB = await buildUnit(t.db, { organisationId: fisheries.id, memberIds: [fisheriesOfficer.user.id] });
});
afterAll(() => t.close());

const post = (who: Who, url: string, body: unknown) => t.request('POST', url, { cookie: who.cookie, body });
const get = (who: Who, url: string) => t.request('GET', url, { cookie: who.cookie });
const move = (who: Who, id: string, body: Record<string, unknown>) =>
  post(who, `/api/v1/coordination/requests/${id}/transitions`, body);

async function createRequest(unit = inboxA, overrides: Record<string, unknown> = {}) {
  const res = await post(requester, '/api/v1/coordination/requests', {
    ...REQUEST,
    receivingUnitId: unit.id,
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; state: string };
}

/** What a refused request must leave unchanged: the request row, its timeline and the audit log. */
async function footprint(id: string) {
  const [row] = await t.db.select().from(coordinationRequests).where(eq(coordinationRequests.id, id));
  const [events] = await t.db
    .select({ n: count() })
    .from(coordinationRequestEvents)
    .where(eq(coordinationRequestEvents.requestId, id));
  const [audits] = await t.db.select({ n: count() }).from(auditEvents);
  return { row, events: events!.n, audits: audits!.n };
}

async function refusedUnchanged(id: string, send: () => Promise<{ status: number; body: any }>) {
  const before = await footprint(id);
  const res = await send();
  expect(await footprint(id)).toEqual(before);
  return res;
}

describe('a request from the NGO worker to an agency unit', () => {
  it('goes submitted → acknowledged → accepted → in progress ⇄ awaiting info → done, each move on the timeline and audited', async () => {
    const created = await createRequest();
    expect(created.state).toBe('submitted');
    const steps: [Who, Record<string, unknown>][] = [
      [officerA, { to: 'acknowledged' }],
      [officerB, { to: 'accepted' }],
      [officerA, { to: 'in_progress' }],
      [officerA, { to: 'awaiting_info', reason: 'ขอชื่อเรือและท่าเทียบเรือ' }],
      [requesterColleague, { to: 'in_progress' }],
      [officerB, { to: 'done', outcome: 'successful' }],
    ];
    for (const [who, body] of steps) {
      const res = await move(who, created.id, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.state).toBe(body.to);
    }
    const detail = await get(requester, `/api/v1/coordination/requests/${created.id}`);
    expect(detail.body).toMatchObject({
      state: 'done',
      stateReason: null,
      outcome: 'successful',
      acknowledgedBy: { displayName: 'Officer Anong' },
      transitions: [],
    });
    expect(detail.body.closedAt).not.toBeNull();
    expect(
      detail.body.events.map((e: { kind: string; data: { to?: string } }) => e.data.to ?? e.kind),
    ).toEqual(['created', 'acknowledged', 'accepted', 'in_progress', 'awaiting_info', 'in_progress', 'done']);
    const audits = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'coordination.request_created',
      ...Array(6).fill('coordination.request_state_changed'),
    ]);
  });

  it('shows each side the moves it may make next', async () => {
    const { id } = await createRequest();
    expect((await get(officerA, `/api/v1/coordination/requests/${id}`)).body.transitions).toEqual([
      'acknowledged',
    ]);
    expect((await get(requester, `/api/v1/coordination/requests/${id}`)).body.transitions).toEqual([
      'cancelled',
    ]);
    expect((await get(requesterObserver, `/api/v1/coordination/requests/${id}`)).body.transitions).toEqual(
      [],
    );
    expect((await get(centreAdmin, `/api/v1/coordination/requests/${id}`)).body.transitions).toEqual([]);
  });

  it('lets the requesting organisation cancel with a reason, and closes it', async () => {
    const { id } = await createRequest();
    const noReason = await refusedUnchanged(id, () => move(requester, id, { to: 'cancelled' }));
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'REASON_REQUIRED']);
    const res = await move(mirrorAdmin, id, { to: 'cancelled', reason: 'ได้ล่ามจากในพื้นที่แล้ว' });
    expect([res.status, res.body.state, res.body.stateReason]).toEqual([
      200,
      'cancelled',
      'ได้ล่ามจากในพื้นที่แล้ว',
    ]);
    const again = await refusedUnchanged(id, () => move(officerA, id, { to: 'acknowledged' }));
    expect([again.status, again.body.error.code, again.body.error.details.allowed]).toEqual([
      409,
      'INVALID_TRANSITION',
      [],
    ]);
  });
});

describe('who may move a request', () => {
  it('refuses each side the other side’s moves with 403, and changes nothing', async () => {
    const { id } = await createRequest();
    const requesterAck = await refusedUnchanged(id, () => move(requester, id, { to: 'acknowledged' }));
    expect(requesterAck.status).toBe(403);
    const receiverCancel = await refusedUnchanged(id, () =>
      move(officerA, id, { to: 'cancelled', reason: 'x' }),
    );
    expect(receiverCancel.status).toBe(403);
    const observerCancel = await refusedUnchanged(id, () =>
      move(requesterObserver, id, { to: 'cancelled', reason: 'x' }),
    );
    expect(observerCancel.status).toBe(403);
    const centre = await refusedUnchanged(id, () => move(centreAdmin, id, { to: 'acknowledged' }));
    expect(centre.status).toBe(403);
  });

  it('answers 404 to anyone outside the requesting organisation, the receiving unit and the Centre', async () => {
    const { id } = await createRequest();
    for (const who of [labourNonMember, labourAdmin, fisheriesOfficer, outsider]) {
      expect((await get(who, `/api/v1/coordination/requests/${id}`)).status).toBe(404);
      const res = await refusedUnchanged(id, () => move(who, id, { to: 'acknowledged' }));
      expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
    for (const who of [requester, requesterObserver, officerB, centreAdmin])
      expect((await get(who, `/api/v1/coordination/requests/${id}`)).status).toBe(200);
  });

  it('answers 409 naming the allowed moves to a move that cannot follow', async () => {
    const { id } = await createRequest();
    const res = await refusedUnchanged(id, () => move(officerA, id, { to: 'accepted' }));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'submitted', to: 'accepted', allowed: ['acknowledged'] },
    });
    expect(res.body.error.message).toContain('allowed: acknowledged');
  });

  it('needs a reason to decline and an outcome, with a reason code when not successful, to close', async () => {
    const { id } = await createRequest();
    await move(officerA, id, { to: 'acknowledged' });
    const decline = await refusedUnchanged(id, () => move(officerA, id, { to: 'declined', reason: '  ' }));
    expect([decline.status, decline.body.error.code]).toEqual([400, 'REASON_REQUIRED']);
    await move(officerA, id, { to: 'accepted' });
    await move(officerA, id, { to: 'in_progress' });
    const noOutcome = await refusedUnchanged(id, () => move(officerA, id, { to: 'done' }));
    expect([noOutcome.status, noOutcome.body.error.code]).toEqual([400, 'OUTCOME_REQUIRED']);
    const noCode = await refusedUnchanged(id, () => move(officerA, id, { to: 'done', outcome: 'not' }));
    expect([noCode.status, noCode.body.error.code]).toEqual([400, 'OUTCOME_REASON_REQUIRED']);
    const done = await move(officerA, id, {
      to: 'done',
      outcome: 'not',
      outcomeReason: 'person_unreachable',
    });
    expect(done.body).toMatchObject({ state: 'done', outcome: 'not', outcomeReason: 'person_unreachable' });
  });

  it('declines with the reason kept on the request', async () => {
    const { id } = await createRequest();
    await move(officerA, id, { to: 'acknowledged' });
    const res = await move(officerB, id, { to: 'declined', reason: 'ไม่มีล่ามภาษาเมียนมาในเวรคืนนี้' });
    expect(res.body).toMatchObject({ state: 'declined', stateReason: 'ไม่มีล่ามภาษาเมียนมาในเวรคืนนี้' });
  });
});

describe('two officers acknowledging at once', () => {
  it('lets the first win and tells the second who acknowledged', async () => {
    const { id } = await createRequest();
    const [a, b] = await Promise.all([
      move(officerA, id, { to: 'acknowledged' }),
      move(officerB, id, { to: 'acknowledged' }),
    ]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect([winner.status, loser.status]).toEqual([200, 409]);
    expect(loser.body.error.code).toBe('ALREADY_ACKNOWLEDGED');
    expect(loser.body.error.details.acknowledgedBy.displayName).toBe(winner.body.acknowledgedBy.displayName);
    expect(loser.body.error.message).toContain(winner.body.acknowledgedBy.displayName);
    const acks = await t.db
      .select({ n: count() })
      .from(coordinationRequestEvents)
      .where(
        and(eq(coordinationRequestEvents.requestId, id), eq(coordinationRequestEvents.kind, 'state_changed')),
      );
    expect(acks[0]!.n).toBe(1);
  });
});

describe('forwarding', () => {
  it('moves the request to another inbox with a reason; the old unit loses sight of it, the new one acknowledges', async () => {
    const { id } = await createRequest();
    await move(officerA, id, { to: 'acknowledged' });
    const same = await refusedUnchanged(id, () =>
      move(officerA, id, { to: 'forwarded', reason: 'x', forwardToUnitId: inboxA.id }),
    );
    expect([same.status, same.body.error.code]).toEqual([400, 'FORWARD_TO_SAME_INBOX']);
    const noTarget = await refusedUnchanged(id, () => move(officerA, id, { to: 'forwarded', reason: 'x' }));
    expect([noTarget.status, noTarget.body.error.code]).toEqual([400, 'FORWARD_TARGET_REQUIRED']);
    const noReason = await refusedUnchanged(id, () =>
      move(officerA, id, { to: 'forwarded', forwardToUnitId: inboxB.id }),
    );
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'REASON_REQUIRED']);

    const res = await move(officerA, id, {
      to: 'forwarded',
      reason: 'เป็นงานตรวจเรือ',
      forwardToUnitId: inboxB.id,
    });
    expect(res.body).toMatchObject({
      state: 'forwarded',
      receivingUnit: { id: inboxB.id },
      acknowledgedBy: null,
    });
    expect((await get(officerA, `/api/v1/coordination/requests/${id}`)).status).toBe(404);
    expect((await get(requester, `/api/v1/coordination/requests/${id}`)).status).toBe(200);
    const ack = await move(fisheriesOfficer, id, { to: 'acknowledged' });
    expect([ack.status, ack.body.state]).toEqual([200, 'acknowledged']);

    const loop = await refusedUnchanged(id, () =>
      move(fisheriesOfficer, id, { to: 'forwarded', reason: 'คืนเรื่อง', forwardToUnitId: inboxA.id }),
    );
    expect([loop.status, loop.body.error.code]).toEqual([400, 'FORWARD_LOOP']);
  });
});

describe('creating a request', () => {
  it('refuses an unknown or closed unit with 400 and stores nothing', async () => {
    const closed = await buildUnit(t.db, { organisationId: labour.id, active: false });
    for (const receivingUnitId of [closed.id, '00000000-0000-4000-8000-000000000000']) {
      const [before] = await t.db.select({ n: count() }).from(coordinationRequests);
      const res = await post(requester, '/api/v1/coordination/requests', { ...REQUEST, receivingUnitId });
      expect([res.status, res.body.error.code]).toEqual([400, 'UNIT_NOT_FOUND']);
      expect((await t.db.select({ n: count() }).from(coordinationRequests))[0]).toEqual(before);
    }
  });

  it('warns about an ID number in the context and keeps the text only when the writer confirms', async () => {
    const body = { ...REQUEST, receivingUnitId: inboxA.id, context: `บัตรประชาชน ${VALID_ID}` };
    const [before] = await t.db.select({ n: count() }).from(coordinationRequests);
    const warned = await post(requester, '/api/v1/coordination/requests', body);
    expect([warned.status, warned.body.error.code]).toEqual([422, 'PRIVACY_WARNING']);
    expect(warned.body.error.details.findings[0]).toMatchObject({
      field: 'context',
      kind: 'thai_national_id',
    });
    expect((await t.db.select({ n: count() }).from(coordinationRequests))[0]).toEqual(before);

    const kept = await post(requester, '/api/v1/coordination/requests', {
      ...body,
      acknowledgePrivacyWarnings: true,
    });
    expect(kept.status).toBe(201);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, kept.body.id));
    expect(audit!.changes).toMatchObject({ privacyAcknowledged: true });
    expect(JSON.stringify(audit!.changes)).not.toContain('00123');
  });

  it('refuses impossible routing data with 400 naming the field, and stores nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(coordinationRequests);
    for (const [field, value] of [
      ['peopleCount', 0],
      ['province', 'TH-99'],
      ['type', 'rescue_by_helicopter'],
      ['urgency', 'yesterday'],
      ['needs', '   '],
    ] as const) {
      const res = await post(requester, '/api/v1/coordination/requests', {
        ...REQUEST,
        receivingUnitId: inboxA.id,
        [field]: value,
      });
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.error.details)).toContain(`body.${field}`);
    }
    expect((await t.db.select({ n: count() }).from(coordinationRequests))[0]).toEqual(before);
  });

  it('is created once when a dropped connection makes the phone resend it with the same key', async () => {
    const [before] = await t.db.select({ n: count() }).from(coordinationRequests);
    const send = () =>
      t.request('POST', '/api/v1/coordination/requests', {
        cookie: requester.cookie,
        headers: { 'idempotency-key': 'c6a0f3a2-8d3e-4c1e-9a57-0b6f0e2d1c11' },
        body: { ...REQUEST, receivingUnitId: inboxA.id },
      });
    const first = await send();
    const retry = await send();
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await t.db.select({ n: count() }).from(coordinationRequests))[0]!.n).toBe(before!.n + 1);
  });

  it('is refused to observers', async () => {
    const res = await post(requesterObserver, '/api/v1/coordination/requests', {
      ...REQUEST,
      receivingUnitId: inboxA.id,
    });
    expect(res.status).toBe(403);
  });
});

describe('inboxes and outgoing lists', () => {
  it("shows a unit's inbox to its members and the Centre only, newest first, page by page", async () => {
    const unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officerA.user.id] });
    const first = await createRequest(unit);
    t.clock.advance(1000);
    const second = await createRequest(unit);
    const page1 = await get(officerA, `/api/v1/coordination/units/${unit.id}/inbox?limit=1`);
    expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([second.id]);
    const page2 = await get(
      officerA,
      `/api/v1/coordination/units/${unit.id}/inbox?limit=1&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await get(centreAdmin, `/api/v1/coordination/units/${unit.id}/inbox`)).body.items).toHaveLength(
      2,
    );
    for (const who of [officerB, labourAdmin, requester])
      expect((await get(who, `/api/v1/coordination/units/${unit.id}/inbox`)).status).toBe(404);
  });

  it("lists the requests one's organisation sent, and no one else's", async () => {
    const { id } = await createRequest();
    const mine = await get(requesterColleague, '/api/v1/coordination/requests?limit=100');
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const theirs = await get(officerA, '/api/v1/coordination/requests?limit=100');
    expect(theirs.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
  });
});

describe('suggested units', () => {
  it('offers units with the service, ranked by the province covered and the language spoken', async () => {
    const org = await t.buildOrganisation({ nameEn: 'Ranking Test' });
    const make = (nameTh: string, o: Partial<CoordinationUnitRow>) =>
      buildUnit(t.db, { organisationId: org.id, nameTh, services: ['interpretation'], ...o });
    const ranong = await make('ก ระนอง เมียนมา', { coverage: ['TH-85'], languages: ['my'] });
    const nationwide = await make('ข ทั่วประเทศ เมียนมา', { coverage: ['nationwide'], languages: ['my'] });
    const ranongThai = await make('ค ระนอง ไทย', { coverage: ['TH-85'], languages: ['th'] });
    const bangkokThai = await make('ง กรุงเทพ ไทย', { coverage: ['TH-10'], languages: ['th'] });
    const shelter = await make('จ สถานคุ้มครอง', {
      services: ['shelter'],
      coverage: ['TH-85'],
      languages: ['my'],
    });
    const closed = await make('ฉ ปิดแล้ว', { coverage: ['TH-85'], languages: ['my'], active: false });
    const res = await get(
      requester,
      '/api/v1/coordination/suggestions?type=interpreter&province=TH-85&language=my',
    );
    const ours = new Set([ranong, nationwide, ranongThai, bangkokThai, shelter, closed].map((u) => u.id));
    const ranked = res.body.items.filter((s: { unit: { id: string } }) => ours.has(s.unit.id));
    expect(ranked.map((s: { unit: { id: string } }) => s.unit.id)).toEqual([
      ranong.id,
      nationwide.id,
      ranongThai.id,
      bangkokThai.id,
    ]);
    expect(ranked[0]).toMatchObject({ score: 4, matches: { service: true, province: true, language: true } });
    expect(ranked[3]).toMatchObject({ score: 0, matches: { province: false, language: false } });
  });
});

describe('units and their members', () => {
  const unitBody = (organisationId: string) => ({
    organisationId,
    nameTh: 'ศูนย์ปฏิบัติการคุ้มครองแรงงาน ระนอง',
    nameEn: 'Labour Protection Operations, Ranong',
    services: ['labour_inspection'],
    coverage: ['TH-85', 'TH-86'],
    languages: ['th', 'my'],
  });

  it("lets an org admin run their own organisation's units and nobody else's", async () => {
    const created = await post(labourAdmin, '/api/v1/coordination/units', unitBody(labour.id));
    expect(created.status).toBe(201);
    expect((await post(labourAdmin, '/api/v1/coordination/units', unitBody(mirror.id))).status).toBe(403);
    expect((await post(officerA, '/api/v1/coordination/units', unitBody(labour.id))).status).toBe(403);
    const edit = await t.request('PATCH', `/api/v1/coordination/units/${created.body.id}`, {
      cookie: mirrorAdmin.cookie,
      body: { active: false },
    });
    expect(edit.status).toBe(404);
    const byCentre = await t.request('PATCH', `/api/v1/coordination/units/${created.body.id}`, {
      cookie: centreAdmin.cookie,
      body: { languages: ['th', 'my', 'km'] },
    });
    expect(byCentre.body.languages).toEqual(['th', 'my', 'km']);
  });

  it("adds only acting users of the unit's organisation, and shows members to that organisation only", async () => {
    const unit = await buildUnit(t.db, { organisationId: labour.id });
    const url = (userId: string) => `/api/v1/coordination/units/${unit.id}/members/${userId}`;
    const foreign = await t.request('PUT', url(requester.user.id), {
      cookie: labourAdmin.cookie,
      body: { role: 'member' },
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([400, 'NOT_IN_ORGANISATION']);
    const observer = await t.buildUser({ role: 'observer', organisationId: labour.id });
    const refused = await t.request('PUT', url(observer.id), {
      cookie: labourAdmin.cookie,
      body: { role: 'member' },
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'NOT_IN_ORGANISATION']);
    const head = await t.request('PUT', url(officerB.user.id), {
      cookie: labourAdmin.cookie,
      body: { role: 'head' },
    });
    expect(head.body.members).toEqual([
      { userId: officerB.user.id, displayName: 'Officer Boonmee', role: 'head' },
    ]);
    const list = async (who: Who) =>
      (await get(who, `/api/v1/coordination/units?organisationId=${labour.id}`)).body.items.find(
        (u: { id: string }) => u.id === unit.id,
      );
    expect((await list(officerA)).members).toHaveLength(1);
    expect((await list(requester)).members).toBeNull();
    const removed = await t.request('DELETE', url(officerB.user.id), { cookie: labourAdmin.cookie });
    expect(removed.body.members).toEqual([]);
    expect((await t.request('DELETE', url(officerB.user.id), { cookie: labourAdmin.cookie })).status).toBe(
      404,
    );
  });
});

describe('the timeline', () => {
  it('is append-only in the database', async () => {
    const r = await buildCoordinationRequest(t.db, { receivingUnitId: inboxA.id });
    await expect(
      t.db
        .update(coordinationRequestEvents)
        .set({ kind: 'rewritten' })
        .where(eq(coordinationRequestEvents.requestId, r.id)),
    ).rejects.toThrow();
    await expect(
      t.db.delete(coordinationRequestEvents).where(inArray(coordinationRequestEvents.requestId, [r.id])),
    ).rejects.toThrow();
  });
});
