import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS as DAY, MINUTE_MS as MINUTE } from '../../../common/time.ts';
import { bangkokDay, defaultDeadline } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import {
  auditEvents,
  type OrganisationRow,
  problemPrivacyChecks,
  problemSupports,
  problems,
} from '../../db/schema/index.ts';
import { buildPerson } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { support, withdrawSupport } from './problems.service.ts';

let t: TestApp;
type Who = { user: Awaited<ReturnType<TestApp['buildUser']>>; cookie: string };
let centre: OrganisationRow;
let mirror: OrganisationRow;
let fisheries: OrganisationRow;
let labour: OrganisationRow;
let admin: Who;
let reporter: Who;
let reporterColleague: Who;
let fisheriesAdmin: Who;
let fisheriesMember: Who;
let labourMember: Who;
let observer: Who;

const VALID_ID = '1-1037-00123-45-8';

beforeAll(async () => {
  t = await buildTestApp();
  centre = await t.buildOrganisation({ nameEn: 'The Centre', sector: 'government' });
  mirror = await t.buildOrganisation({
    nameTh: 'มูลนิธิกระจกเงาทดสอบ',
    nameEn: 'Mirror Test',
    sector: 'civil_society',
  });
  fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Test', sector: 'government' });
  labour = await t.buildOrganisation({ nameEn: 'Labour Test', sector: 'government' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  reporter = await t.signedIn({ role: 'member', organisationId: mirror.id, displayName: 'Reporter Person' });
  reporterColleague = await t.signedIn({ role: 'org_admin', organisationId: mirror.id });
  fisheriesAdmin = await t.signedIn({ role: 'org_admin', organisationId: fisheries.id });
  fisheriesMember = await t.signedIn({ role: 'member', organisationId: fisheries.id });
  labourMember = await t.signedIn({ role: 'member', organisationId: labour.id });
  observer = await t.signedIn({ role: 'observer', organisationId: labour.id });
});
afterAll(() => t.close());

/** After the clock jumps past the sessions' expiry, everyone signs in again. */
async function signInAgain() {
  for (const who of [
    admin,
    reporter,
    reporterColleague,
    fisheriesAdmin,
    fisheriesMember,
    labourMember,
    observer,
  ])
    who.cookie = await t.login(who.user.email, who.user.password);
}

const raiseBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'problem',
  title: 'ลูกเรือประมงรอการคัดแยกนานเพราะไม่มีล่าม',
  body: 'ที่ท่าเรือระนอง การคัดแยกผู้เสียหายต้องรอล่ามภาษาเมียนมา **หลายวัน**',
  category: 'victim_identification',
  provinces: ['TH-85'],
  sectors: ['government', 'civil_society'],
  proposedSolution: 'บัญชีล่ามกลางที่เรียกได้ภายใน 24 ชั่วโมง',
  source: "Let's Talk TIP ครั้งที่ 3",
  ...overrides,
});

async function raise(by: Who = reporter, overrides: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/problems', { cookie: by.cookie, body: raiseBody(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; [k: string]: any };
}
const get = (url: string, by: Who) => t.request('GET', url, { cookie: by.cookie });
const post = (url: string, by: Who, body?: unknown) => t.request('POST', url, { cookie: by.cookie, body });
const transition = (id: string, by: Who, body: Record<string, unknown>) =>
  post(`/api/v1/problems/${id}/transitions`, by, body);
const assign = (id: string, organisationIds: string[], lead = organisationIds[0]) =>
  post(`/api/v1/problems/${id}/assign`, admin, { organisationIds, leadOrganisationId: lead });

async function count(table: 'problems' | 'audit_events' | 'problem_events' | 'problem_comments') {
  const [row] = (await t.deps.database.query(`select count(*)::int as n from ${table}`)) as { n: number }[];
  return row!.n;
}

describe('raising a problem', () => {
  it('lets a member raise a problem for their organisation, following it and on the timeline', async () => {
    const p = await raise();
    expect(p).toMatchObject({
      type: 'problem',
      state: 'submitted',
      category: 'victim_identification',
      provinces: ['TH-85'],
      reporterOrganisation: { id: mirror.id },
      reporter: { id: reporter.user.id, displayName: 'Reporter Person' },
      mine: true,
      following: true,
      supportCount: 0,
      permissions: {
        support: false,
        comment: true,
        answer: false,
        assign: false,
        transitions: ['withdrawn'],
      },
    });
    const timeline = await get(`/api/v1/problems/${p.id}/timeline`, labourMember);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.created'), eq(auditEvents.entityId, p.id)));
    expect(audit!.actorOrganisationId).toBe(mirror.id);
  });

  it('refuses observers (read only) and writes nothing', async () => {
    const before = await count('problems');
    const res = await post('/api/v1/problems', observer, raiseBody());
    expect(res.status).toBe(403);
    expect(await count('problems')).toBe(before);
    expect((await get('/api/v1/problems', observer)).status).toBe(200);
  });

  it('refuses oversized text with 400 or 413 and writes nothing', async () => {
    const before = await Promise.all([count('problems'), count('audit_events')]);
    const long = await post('/api/v1/problems', reporter, raiseBody({ title: 'ก'.repeat(201) }));
    expect(long.status).toBe(400);
    expect(long.body.error.details.map((d: { field: string }) => d.field)).toContain('body.title');
    const huge = await post('/api/v1/problems', reporter, raiseBody({ body: 'ก'.repeat(30_000) }));
    expect(huge.status).toBe(413);
    const tooLongBody = await post('/api/v1/problems', reporter, raiseBody({ body: 'a'.repeat(10_001) }));
    expect(tooLongBody.status).toBe(400);
    expect(await Promise.all([count('problems'), count('audit_events')])).toEqual(before);
  });
});

describe('privacy check', () => {
  it('answers 422 with the findings, records the warning, and stores no problem', async () => {
    const before = await count('problems');
    const res = await post(
      '/api/v1/problems',
      reporter,
      raiseBody({ body: `ผู้เสียหายเลขบัตร ${VALID_ID} โทร 081-234-5678` }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PRIVACY_WARNING');
    expect(res.body.error.details.findings).toEqual([
      { kind: 'thai_national_id', field: 'body', start: 18, end: 35 },
      { kind: 'phone_number', field: 'body', start: 40, end: 52 },
    ]);
    expect(await count('problems')).toBe(before);
    const [check] = await t.db
      .select()
      .from(problemPrivacyChecks)
      .where(eq(problemPrivacyChecks.id, res.body.error.details.privacyCheckId));
    expect(check).toMatchObject({ outcome: 'warned', target: 'problem', userId: reporter.user.id });
    expect(JSON.stringify(check!.findings)).not.toContain('1037');
  });

  it('does not warn about an ID with a wrong check digit', async () => {
    await raise(reporter, { body: 'เลขอ้างอิงเอกสาร 1-1037-00123-45-7 ในสำนวน' });
  });

  it('stores the text when the writer confirms, recording the choice for the Centre only', async () => {
    const first = await post('/api/v1/problems', reporter, raiseBody({ title: 'ผู้เสียหาย AA1234567' }));
    expect(first.status).toBe(422);
    const p = await raise(reporter, {
      title: 'ผู้เสียหาย AA1234567',
      acknowledgePrivacyWarnings: true,
      privacyCheckId: first.body.error.details.privacyCheckId,
    });
    const checks = await t.db
      .select()
      .from(problemPrivacyChecks)
      .where(eq(problemPrivacyChecks.problemId, p.id));
    expect(checks.map((c) => c.outcome).sort()).toEqual(['acknowledged', 'acknowledged']);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.created'), eq(auditEvents.entityId, p.id)));
    expect(audit!.changes).toMatchObject({
      privacyAcknowledged: true,
      privacyWarnings: [{ field: 'title', kind: 'passport_number' }],
    });
    const kinds = async (who: Who) =>
      (await get(`/api/v1/problems/${p.id}/timeline`, who)).body.items.map((e: { kind: string }) => e.kind);
    expect(await kinds(admin)).toEqual(['raised', 'privacy_warning_acknowledged']);
    expect(await kinds(labourMember)).toEqual(['raised']);
  });

  it('records that the writer removed the data when they resubmit without it', async () => {
    const first = await post('/api/v1/problems', reporter, raiseBody({ body: 'โทร +66 81 234 5678' }));
    const privacyCheckId = first.body.error.details.privacyCheckId;
    const p = await raise(reporter, { body: 'ติดต่อผ่านมูลนิธิ', privacyCheckId });
    const [check] = await t.db
      .select()
      .from(problemPrivacyChecks)
      .where(eq(problemPrivacyChecks.id, privacyCheckId));
    expect(check).toMatchObject({ outcome: 'removed', problemId: p.id });
  });

  it('checks comments and answers too', async () => {
    const p = await raise();
    const res = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: `พาสปอร์ต MB123456` });
    expect(res.status).toBe(422);
    expect(res.body.error.details.findings[0].kind).toBe('passport_number');
    expect(
      (
        await t.request('POST', '/api/v1/problems/privacy-check', {
          cookie: observer.cookie,
          body: { fields: { comment: `เลขบัตร ${VALID_ID}` } },
        })
      ).body.findings,
    ).toEqual([{ kind: 'thai_national_id', field: 'comment', start: 8, end: 25 }]);
  });
});

describe('anonymous reporters', () => {
  let p: { id: string };
  beforeAll(async () => {
    p = await raise(reporter, {
      title: 'แรงงานในแก๊งสแกมเมอร์ถูกส่งกลับโดยไม่ผ่านการคัดแยก',
      category: 'online_scam_compounds',
      anonymous: true,
    });
    await post(`/api/v1/problems/${p.id}/comments`, reporterColleague, { body: 'เพิ่มเติมจากผู้แจ้ง' });
    await post(`/api/v1/problems/${p.id}/support`, labourMember, { context: 'พบที่แม่สอดเช่นกัน' });
    await assign(p.id, [fisheries.id, mirror.id], fisheries.id);
  });

  /** Everything a non-admin of another organisation can read about the problem. */
  async function everythingSeenBy(who: Who) {
    const urls = [
      `/api/v1/problems/${p.id}`,
      `/api/v1/problems/${p.id}/timeline`,
      `/api/v1/problems/${p.id}/comments`,
      '/api/v1/problems?limit=100',
      '/api/v1/problems?q=สแกมเมอร์',
      `/api/v1/problems?q=${encodeURIComponent('Mirror Test')}`,
      `/api/v1/problems?assignedOrganisationId=${fisheries.id}`,
    ];
    return Promise.all(urls.map(async (url) => ({ url, res: await get(url, who) })));
  }

  it('hides the organisation and the person from other organisations in every view', async () => {
    for (const who of [labourMember, fisheriesAdmin, observer]) {
      for (const { url, res } of await everythingSeenBy(who)) {
        expect(res.status, url).toBe(200);
        const text = JSON.stringify(res.body);
        // Mirror is also an assignee here, so only its reporter role must not show: no reporter fields.
        if (!url.includes('/comments') && !url.includes('/timeline')) {
          const items = res.body.items ?? [res.body];
          for (const item of items.filter((i: { id: string }) => i.id === p.id)) {
            expect(item.reporterOrganisation, url).toBeNull();
            expect(item.reporter ?? null, url).toBeNull();
            expect(item.anonymous).toBe(true);
          }
        }
        expect(text, url).not.toContain(reporter.user.id);
        expect(text, url).not.toContain(reporter.user.displayName);
        expect(text, url).not.toContain(reporterColleague.user.id);
      }
    }
  });

  it('shows comments and timeline entries by the reporting organisation as "the reporter"', async () => {
    const comments = await get(`/api/v1/problems/${p.id}/comments`, labourMember);
    expect(comments.body.items[0]).toMatchObject({
      author: null,
      authorOrganisation: null,
      byReporter: true,
    });
    const timeline = await get(`/api/v1/problems/${p.id}/timeline`, labourMember);
    const raised = timeline.body.items.find((e: { kind: string }) => e.kind === 'raised');
    expect(raised).toMatchObject({ actor: null, actorOrganisation: null, data: { byReporter: true } });
    const supported = timeline.body.items.find((e: { kind: string }) => e.kind === 'supported');
    expect(supported.actorOrganisation.id).toBe(labour.id);
    expect(supported.actor).toEqual({ id: labourMember.user.id, displayName: labourMember.user.displayName });
  });

  it('does not find it by the reporting organisation name', async () => {
    const res = await get(`/api/v1/problems?q=${encodeURIComponent('กระจกเงาทดสอบ')}`, labourMember);
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
  });

  it('shows the reporter to the Centre and to the reporting organisation itself', async () => {
    for (const who of [admin, reporterColleague]) {
      const res = await get(`/api/v1/problems/${p.id}`, who);
      expect(res.body.reporterOrganisation.id).toBe(mirror.id);
      expect(res.body.reporter.id).toBe(reporter.user.id);
      const comments = await get(`/api/v1/problems/${p.id}/comments`, who);
      expect(comments.body.items[0].authorOrganisation.id).toBe(mirror.id);
    }
  });

  it('keeps the audit log (which names the organisation) to the Centre', async () => {
    for (const who of [labourMember, fisheriesAdmin, reporter]) {
      expect((await get(`/api/v1/audit-events?entityType=problem`, who)).status).toBe(403);
    }
    const org = await get(`/api/v1/organizations/${mirror.id}`, labourMember);
    expect(org.status).toBe(200);
    expect(JSON.stringify(org.body.history)).not.toContain(p.id);
    const audit = await get(`/api/v1/audit-events?entityType=problem&limit=100`, admin);
    const created = audit.body.items.find(
      (e: { entityId: string; action: string }) => e.entityId === p.id && e.action === 'problem.created',
    );
    expect(created.actorOrganisation.id).toBe(mirror.id);
  });
});

/** What a route hands the services for `who`, to call a service directly. */
const serviceContext = ({ user }: Who) => ({
  actor: {
    userId: user.id,
    organisationId: user.organisationId,
    role: user.role,
    sessionId: 'test',
    mustEnrolTotp: false,
  },
  ip: null,
  userAgent: null,
  now: t.clock.now(),
});

/** The test database, with `before` run just before each transaction and `after` just after its commit. */
const aroundTransactions = (hooks: { before?: () => Promise<unknown>; after?: () => Promise<unknown> }) =>
  new Proxy(t.db, {
    get: (db, key) =>
      key === 'transaction'
        ? async (work: Parameters<Db['transaction']>[0]) => {
            await hooks.before?.();
            const result = await db.transaction(work);
            await hooks.after?.();
            return result;
          }
        : Reflect.get(db, key),
  });

describe('supports ("we face this too")', () => {
  it('is once per organisation: a second support answers 200 with the same single support', async () => {
    const p = await raise();
    const first = await post(`/api/v1/problems/${p.id}/support`, fisheriesMember, { context: 'พบที่สงขลาด้วย' });
    expect(first.status).toBe(201);
    t.clock.advance(1000);
    const again = await post(`/api/v1/problems/${p.id}/support`, fisheriesAdmin, { context: 'อีกครั้ง' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.body).toMatchObject({ supportCount: 1, support: { context: 'พบที่สงขลาด้วย' } });
    await post(`/api/v1/problems/${p.id}/support`, labourMember, {});
    const detail = await get(`/api/v1/problems/${p.id}`, observer);
    expect(detail.body.supporters).toMatchObject({ count: 2, sectors: { government: 2 } });
    expect(
      detail.body.supporters.organisations.map((s: { organisation: { id: string } }) => s.organisation.id),
    ).toEqual([fisheries.id, labour.id]);
    const rows = await t.db.select().from(problemSupports).where(eq(problemSupports.problemId, p.id));
    expect(rows).toHaveLength(2);
  });

  it("refuses the reporting organisation's own support with a clear code", async () => {
    const p = await raise();
    const res = await post(`/api/v1/problems/${p.id}/support`, reporterColleague, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OWN_PROBLEM');
  });

  it('answers a support with itself even when it is withdrawn the moment it is written', async () => {
    const p = await raise();
    const ctx = serviceContext(labourMember);
    // The withdrawal lands after the support's transaction commits and before anything read after it,
    // as a second device's can: the answer must still be the support that was made.
    const withdrawnOnCommit = aroundTransactions({ after: () => withdrawSupport(t.db, ctx, p.id) });
    expect(await support(withdrawnOnCommit, ctx, p.id, {})).toMatchObject({
      created: true,
      supportCount: 1,
      support: { organisation: { id: labour.id } },
    });
    const detail = await get(`/api/v1/problems/${p.id}`, observer);
    expect(detail.body.supporters.count).toBe(0);
  });

  it('makes a support again when the one it found is withdrawn just before it writes', async () => {
    const p = await raise();
    const ctx = serviceContext(labourMember);
    // The support is there when the request looks, and withdrawn before its transaction starts.
    const withdrawnFirst = aroundTransactions({ before: () => withdrawSupport(t.db, ctx, p.id) });
    await support(t.db, ctx, p.id, {});
    expect(await support(withdrawnFirst, ctx, p.id, { context: 'ยังเจออยู่' })).toMatchObject({
      created: true,
      supportCount: 1,
      support: { context: 'ยังเจออยู่' },
    });
    // Text that would have needed the privacy warning is sent back to go through it.
    await expect(
      support(withdrawnFirst, ctx, p.id, { context: `ผู้เสียหายเลขบัตร ${VALID_ID}` }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'SUPPORT_CHANGED' });
  });

  it('withdraws a support and lists problems my organisation supports', async () => {
    const p = await raise();
    await post(`/api/v1/problems/${p.id}/support`, labourMember, {});
    const mine = await get('/api/v1/problems?supportedByMyOrganisation=true&limit=100', labourMember);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(
      mine.body.items.every((i: { supportedByMyOrganisation: boolean }) => i.supportedByMyOrganisation),
    ).toBe(true);
    const res = await t.request('DELETE', `/api/v1/problems/${p.id}/support`, {
      cookie: labourMember.cookie,
    });
    expect(res.body).toEqual({ supportCount: 0 });
  });
});

describe('comments', () => {
  it('threads replies, resolves mentions the author may make and ignores the rest', async () => {
    const p = await raise();
    const stranger = await t.buildUser({ organisationId: labour.id, displayName: 'Hidden Stranger' });
    const listed = await t.buildUser({ organisationId: labour.id, displayName: 'Listed Officer' });
    await buildPerson(t.db, { organisationId: labour.id, userId: listed.id, nameTh: 'เจ้าหน้าที่ในทำเนียบ' });
    const root = await post(`/api/v1/problems/${p.id}/comments`, fisheriesMember, { body: 'ความเห็นแรก' });
    t.clock.advance(1000);
    const reply = await post(`/api/v1/problems/${p.id}/comments`, fisheriesAdmin, {
      body: `ตอบ @[เพื่อน](user:${fisheriesMember.user.id}) @[x](user:${stranger.id}) @[y](user:${listed.id}) @[กรม](org:${labour.id}) @[z](org:00000000-0000-4000-8000-000000000000)`,
      parentId: root.body.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.mentions).toEqual([
      { type: 'user', id: fisheriesMember.user.id, name: fisheriesMember.user.displayName },
      { type: 'user', id: listed.id, name: 'Listed Officer' },
      { type: 'organisation', id: labour.id, name: labour.nameTh },
    ]);
    t.clock.advance(1000);
    const replyToReply = await post(`/api/v1/problems/${p.id}/comments`, labourMember, {
      body: 'ตอบต่อ',
      parentId: reply.body.id,
    });
    t.clock.advance(1000);
    expect(replyToReply.body.parentId).toBe(root.body.id);
    const list = await get(`/api/v1/problems/${p.id}/comments?limit=2`, observer);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([root.body.id, reply.body.id]);
    const next = await get(
      `/api/v1/problems/${p.id}/comments?limit=2&cursor=${list.body.nextCursor}`,
      observer,
    );
    expect(next.body.items.map((c: { id: string }) => c.id)).toEqual([replyToReply.body.id]);
    expect((await get(`/api/v1/problems/${p.id}`, observer)).body.commentCount).toBe(3);
  });

  it('lets authors edit for 15 minutes, marked as edited; then 409 EDIT_WINDOW_CLOSED', async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ร่างแรก' });
    expect(c.body.editableUntil).toEqual(expect.any(String));
    t.clock.advance(14 * MINUTE);
    const url = `/api/v1/problems/${p.id}/comments/${c.body.id}`;
    const edited = await t.request('PATCH', url, { cookie: labourMember.cookie, body: { body: 'แก้แล้ว' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'แก้แล้ว', editedAt: t.clock.now().toISOString() });
    const other = await t.request('PATCH', url, {
      cookie: fisheriesMember.cookie,
      body: { body: 'ไม่ใช่ของฉัน' },
    });
    expect(other.status).toBe(403);
    t.clock.advance(2 * MINUTE);
    const late = await t.request('PATCH', url, { cookie: labourMember.cookie, body: { body: 'สายไป' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('EDIT_WINDOW_CLOSED');
    expect((await get(`/api/v1/problems/${p.id}/comments`, labourMember)).body.items[0]).toMatchObject({
      body: 'แก้แล้ว',
      editableUntil: null,
    });
  });

  it('lets the Centre hide a comment with a reason (audited); members see only the reason', async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, {
      body: 'ชื่อจริงของผู้เสียหายคือ ...',
    });
    const report = await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/report`, fisheriesMember, {
      reason: 'เปิดเผยตัวตนผู้เสียหาย',
    });
    expect(report.status).toBe(201);
    const again = await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/report`, fisheriesMember, {
      reason: 'ซ้ำ',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(report.body.id);
    expect((await get(`/api/v1/problems/${p.id}/comments`, admin)).body.items[0].reportCount).toBe(1);
    const memberHides = await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/hide`, fisheriesAdmin, {
      reason: 'x',
    });
    expect(memberHides.status).toBe(403);
    const hidden = await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/hide`, admin, {
      reason: 'มีข้อมูลระบุตัวผู้เสียหาย',
    });
    expect(hidden.status).toBe(200);
    const seen = (await get(`/api/v1/problems/${p.id}/comments`, observer)).body.items[0];
    expect(seen).toMatchObject({ body: null, hidden: { reason: 'มีข้อมูลระบุตัวผู้เสียหาย' }, reportCount: null });
    expect((await get(`/api/v1/problems/${p.id}/comments`, admin)).body.items[0].body).toContain('ชื่อจริง');
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.comment_hidden'), eq(auditEvents.entityId, c.body.id)));
    expect(audit!.changes).toMatchObject({ reason: 'มีข้อมูลระบุตัวผู้เสียหาย' });
  });

  it('refuses observers and replies to comments of another problem', async () => {
    const p = await raise();
    const q = await raise();
    const c = await post(`/api/v1/problems/${q.id}/comments`, labourMember, { body: 'ที่อื่น' });
    expect((await post(`/api/v1/problems/${p.id}/comments`, observer, { body: 'อ่านอย่างเดียว' })).status).toBe(
      403,
    );
    const res = await post(`/api/v1/problems/${p.id}/comments`, labourMember, {
      body: 'ตอบ',
      parentId: c.body.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('PARENT_NOT_FOUND');
  });
});

describe("the Centre's loop", () => {
  it('answers 409 naming the allowed moves for an invalid transition, and writes nothing', async () => {
    const p = await raise();
    const before = await count('audit_events');
    const res = await transition(p.id, admin, { to: 'resolved' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: {
        from: 'submitted',
        to: 'resolved',
        allowed: ['under_review', 'assigned', 'not_feasible', 'duplicate'],
      },
    });
    expect(await count('audit_events')).toBe(before);
  });

  it('enforces who may make each move', async () => {
    const p = await raise();
    expect((await transition(p.id, labourMember, { to: 'under_review' })).status).toBe(403);
    expect((await transition(p.id, reporter, { to: 'under_review' })).status).toBe(403);
    expect((await transition(p.id, admin, { to: 'under_review' })).status).toBe(200);
    expect((await transition(p.id, admin, { to: 'withdrawn' })).status).toBe(403);
    expect((await transition(p.id, admin, { to: 'assigned' })).body.error.code).toBe('ASSIGNMENT_REQUIRED');
  });

  it('requires a reason for not feasible', async () => {
    const p = await raise();
    const res = await transition(p.id, admin, { to: 'not_feasible' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('REASON_REQUIRED');
    const ok = await transition(p.id, admin, { to: 'not_feasible', reason: 'อยู่นอกอำนาจหน้าที่ของเครือข่าย' });
    expect(ok.body).toMatchObject({ state: 'not_feasible', stateReason: 'อยู่นอกอำนาจหน้าที่ของเครือข่าย' });
  });

  it('lets the reporter withdraw before assignment only', async () => {
    const p = await raise();
    expect((await transition(p.id, reporter, { to: 'withdrawn' })).body.state).toBe('withdrawn');
    const q = await raise();
    await assign(q.id, [fisheries.id]);
    const late = await transition(q.id, reporter, { to: 'withdrawn' });
    expect(late.status).toBe(409);
    expect(late.body.error.details.allowed).toEqual([]);
  });

  it('assigns several organisations with one lead and starts the first-answer deadline', async () => {
    const p = await raise();
    const bad = await assign(p.id, [fisheries.id], labour.id);
    expect(bad.body.error.code).toBe('LEAD_NOT_ASSIGNED');
    const res = await assign(p.id, [labour.id, fisheries.id], fisheries.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'assigned',
      leadOrganisation: { id: fisheries.id },
      dueAt: defaultDeadline(t.clock.now(), 14).toISOString(),
      overdue: false,
    });
    expect(
      res.body.assignments.map((a: { lead: boolean; organisation: { id: string } }) => [
        a.organisation.id,
        a.lead,
      ]),
    ).toEqual([
      [fisheries.id, true],
      [labour.id, false],
    ]);
    const assigned = await get('/api/v1/problems?view=assigned&limit=100', labourMember);
    expect(assigned.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
  });

  it('takes the deadline the Centre sets, for the deadline job, the board and the audit log', async () => {
    const p = await raise();
    const inDays = (days: number) =>
      `${bangkokDay(new Date(t.clock.now().getTime() + days * DAY))}T16:30:00+07:00`;
    const chosen = inDays(8);
    const res = await post(`/api/v1/problems/${p.id}/assign`, admin, {
      organisationIds: [fisheries.id],
      leadOrganisationId: fisheries.id,
      firstAnswerDueAt: chosen,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const due = new Date(chosen).toISOString();
    expect(res.body).toMatchObject({ dueAt: due, deadlines: { firstAnswerDueAt: due } });
    const [row] = await t.db.select().from(problems).where(eq(problems.id, p.id));
    expect(row!.dueAt!.toISOString()).toBe(due);
    const timeline = await get(`/api/v1/problems/${p.id}/timeline`, reporter);
    const assigned = timeline.body.items.find((e: { kind: string }) => e.kind === 'assigned');
    expect(assigned.data.firstAnswerDueAt).toBe(due);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'problem.assigned'), eq(auditEvents.entityId, p.id)));
    expect(audit!.changes).toMatchObject({ firstAnswerDueAt: { from: null, to: due } });

    // Reassigning with another date moves the running deadline.
    const later = inDays(20);
    const moved = await post(`/api/v1/problems/${p.id}/assign`, admin, {
      organisationIds: [fisheries.id, labour.id],
      leadOrganisationId: fisheries.id,
      firstAnswerDueAt: later,
    });
    expect(moved.body.dueAt).toBe(new Date(later).toISOString());
  });

  it('refuses a deadline in the past, too far ahead or malformed with 400, changing nothing', async () => {
    const p = await raise();
    const now = t.clock.now().getTime();
    const before = { audit: await count('audit_events'), events: await count('problem_events') };
    for (const firstAnswerDueAt of [
      new Date(now - MINUTE).toISOString(),
      new Date(now).toISOString(),
      new Date(now + 366 * DAY).toISOString(),
      '2026-12-18',
      'next friday',
    ]) {
      const res = await post(`/api/v1/problems/${p.id}/assign`, admin, {
        organisationIds: [fisheries.id],
        leadOrganisationId: fisheries.id,
        firstAnswerDueAt,
      });
      expect(res.status, firstAnswerDueAt).toBe(400);
      expect(JSON.stringify(res.body.error.details)).toContain('body.firstAnswerDueAt');
    }
    expect((await get(`/api/v1/problems/${p.id}`, admin)).body).toMatchObject({
      state: 'submitted',
      dueAt: null,
      assignments: [],
    });
    expect({ audit: await count('audit_events'), events: await count('problem_events') }).toEqual(before);
  });

  it('offers no new first-answer deadline once the first answer was given (409)', async () => {
    const p = await raise();
    await assign(p.id, [fisheries.id]);
    await post(`/api/v1/problems/${p.id}/answers`, fisheriesAdmin, { bodyTh: 'รับเรื่องแล้ว' });
    const res = await post(`/api/v1/problems/${p.id}/assign`, admin, {
      organisationIds: [fisheries.id],
      leadOrganisationId: fisheries.id,
      firstAnswerDueAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('FIRST_ANSWER_GIVEN');
  });

  it('takes official answers only from assigned organisations or the Centre', async () => {
    const p = await raise(reporter, { body: 'ไม่มีงบค่าล่ามในจังหวัดชายแดน' });
    await assign(p.id, [fisheries.id]);
    const stranger = await post(`/api/v1/problems/${p.id}/answers`, labourMember, { bodyTh: 'ไม่ใช่หน้าที่' });
    expect(stranger.status).toBe(403);
    const answered = await post(`/api/v1/problems/${p.id}/answers`, fisheriesMember, {
      bodyTh: 'กรมประมงจัดสรรงบล่ามเพิ่มเติมแล้ว',
      bodyEn: 'The Department has allocated an interpreter budget',
    });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ organisation: { id: fisheries.id }, bodyEn: expect.any(String) });
    const detail = await get(`/api/v1/problems/${p.id}`, observer);
    expect(detail.body.answers).toHaveLength(1);
    expect(detail.body.deadlines.firstAnsweredAt).toBe(t.clock.now().toISOString());
    expect(detail.body.dueAt).toBeNull();
    const found = await get(`/api/v1/problems?q=${encodeURIComponent('งบล่ามเพิ่มเติม')}`, observer);
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const noThai = await post(`/api/v1/problems/${p.id}/answers`, fisheriesMember, {
      bodyEn: 'English only',
    });
    expect(noThai.status).toBe(400);
    expect((await post(`/api/v1/problems/${p.id}/answers`, admin, { bodyTh: 'ศูนย์ฯ ติดตามอยู่' })).status).toBe(
      201,
    );
  });

  it('runs the whole loop and asks for progress updates while in progress', async () => {
    const p = await raise();
    await transition(p.id, admin, { to: 'under_review' });
    await assign(p.id, [fisheries.id]);
    const working = await transition(p.id, fisheriesAdmin, { to: 'in_progress' });
    expect(working.status).toBe(200);
    expect(working.body.dueAt).toBe(defaultDeadline(t.clock.now(), 14).toISOString());
    await post(`/api/v1/problems/${p.id}/answers`, fisheriesAdmin, { bodyTh: 'เริ่มดำเนินการแล้ว' });
    expect((await get(`/api/v1/problems/${p.id}`, admin)).body.dueAt).toBe(
      new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
    );
    expect((await transition(p.id, fisheriesAdmin, { to: 'resolved' })).status).toBe(403);
    const resolved = await transition(p.id, admin, { to: 'resolved', reason: 'จัดล่ามประจำท่าเรือแล้ว' });
    expect(resolved.body).toMatchObject({ state: 'resolved', dueAt: null, permissions: { transitions: [] } });
    const kinds = (await get(`/api/v1/problems/${p.id}/timeline`, reporter)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toEqual([
      'raised',
      'state_changed',
      'assigned',
      'state_changed',
      'answered',
      'state_changed',
    ]);
  });

  it('moves supports of a duplicate to the original, once per organisation', async () => {
    const original = await raise();
    const dup = await raise(fisheriesMember, { title: 'ไม่มีล่ามที่ท่าเรือ' });
    await post(`/api/v1/problems/${original.id}/support`, labourMember, {});
    await post(`/api/v1/problems/${dup.id}/support`, labourMember, {});
    await post(`/api/v1/problems/${dup.id}/support`, reporter, {}); // the original's own reporter
    const other = await t.buildOrganisation({ sector: 'international' });
    const intl = await t.signedIn({ organisationId: other.id });
    await post(`/api/v1/problems/${dup.id}/support`, intl, {});
    const missing = await transition(dup.id, admin, { to: 'duplicate' });
    expect(missing.body.error.code).toBe('DUPLICATE_OF_REQUIRED');
    const nowhere = await transition(dup.id, admin, {
      to: 'duplicate',
      duplicateOfId: '00000000-0000-4000-8000-000000000000',
    });
    expect(nowhere.status).toBe(400);
    expect((await get(`/api/v1/problems/${dup.id}`, admin)).body).toMatchObject({
      state: 'submitted',
      supportCount: 3,
    });
    const res = await transition(dup.id, admin, { to: 'duplicate', duplicateOfId: original.id });
    expect(res.body).toMatchObject({ state: 'duplicate', duplicateOf: { id: original.id }, supportCount: 0 });
    const o = await get(`/api/v1/problems/${original.id}`, admin);
    expect(o.body.supportCount).toBe(2);
    expect(
      o.body.supporters.organisations.map((s: { organisation: { id: string } }) => s.organisation.id).sort(),
    ).toEqual([labour.id, other.id].sort());
  });
});

describe('deadline settings and the moderation queue', () => {
  it('uses the deadlines the Centre set for a category at the next assignment', async () => {
    const put = (by: Who, body: unknown) =>
      t.request('PUT', '/api/v1/problems/deadline-settings/budget_resources', { cookie: by.cookie, body });
    expect(
      (await put(fisheriesAdmin, { firstAnswerDays: 7, updateIntervalDays: 10, escalationDays: 3 })).status,
    ).toBe(403);
    expect((await put(admin, { firstAnswerDays: 0, updateIntervalDays: 10, escalationDays: 3 })).status).toBe(
      400,
    );
    const res = await put(admin, { firstAnswerDays: 7, updateIntervalDays: 10, escalationDays: 3 });
    expect(res.status).toBe(200);
    const list = await get('/api/v1/problems/deadline-settings', observer);
    const budget = list.body.items.find((i: { category: string }) => i.category === 'budget_resources');
    const other = list.body.items.find((i: { category: string }) => i.category === 'other');
    expect(budget).toMatchObject({
      firstAnswerDays: 7,
      updateIntervalDays: 10,
      escalationDays: 3,
      custom: true,
    });
    expect(other).toMatchObject({
      firstAnswerDays: 14,
      updateIntervalDays: 30,
      escalationDays: 14,
      custom: false,
    });
    const p = await raise(reporter, { category: 'budget_resources' });
    const assigned = await assign(p.id, [labour.id]);
    expect(assigned.body.dueAt).toBe(defaultDeadline(t.clock.now(), 7).toISOString());
    await put(admin, { firstAnswerDays: 14, updateIntervalDays: 30, escalationDays: 14 });
  });

  it('refuses deadline settings that are not whole days from 1 to 365, and audits a change', async () => {
    const url = '/api/v1/problems/deadline-settings/laws_regulations';
    const put = (body: unknown) => t.request('PUT', url, { cookie: admin.cookie, body });
    const good = { firstAnswerDays: 10, updateIntervalDays: 20, escalationDays: 5 };
    const audits = await count('audit_events');
    for (const bad of [
      { ...good, firstAnswerDays: 366 },
      { ...good, updateIntervalDays: 1.5 },
      { ...good, escalationDays: -3 },
      { ...good, firstAnswerDays: '10' },
      { firstAnswerDays: 10, updateIntervalDays: 20 },
    ]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await t.request('PUT', url, { cookie: reporter.cookie, body: good })).status).toBe(403);
    expect(await count('audit_events')).toBe(audits);
    const list = await get('/api/v1/problems/deadline-settings', admin);
    expect(
      list.body.items.find((i: { category: string }) => i.category === 'laws_regulations'),
    ).toMatchObject({
      firstAnswerDays: 14,
      custom: false,
    });

    expect((await put(good)).status).toBe(200);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'problem.deadlines_updated'),
          eq(auditEvents.entityId, 'laws_regulations'),
        ),
      );
    expect(audit!.changes).toMatchObject({ firstAnswerDays: { from: 14, to: 10 } });
    await put({ firstAnswerDays: 14, updateIntervalDays: 30, escalationDays: 14 });
  });

  it('lists reported comments for the Centre until the comment is hidden', async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ข้อความที่ควรตรวจ' });
    await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/report`, fisheriesMember, {
      reason: 'ไม่เหมาะสม',
    });
    const open = await get('/api/v1/problems/comment-reports?limit=100', admin);
    const report = open.body.items.find((r: { comment: { id: string } }) => r.comment.id === c.body.id);
    expect(report).toMatchObject({
      problem: { id: p.id },
      comment: {
        body: 'ข้อความที่ควรตรวจ',
        hidden: false,
        author: { id: labourMember.user.id, organisation: { id: labour.id } },
      },
      reporter: { id: fisheriesMember.user.id, organisation: { id: fisheries.id } },
      reason: 'ไม่เหมาะสม',
      resolvedAt: null,
    });
    await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/hide`, admin, { reason: 'ไม่เหมาะสม' });
    const after = await get('/api/v1/problems/comment-reports?limit=100', admin);
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(report.id);
    const closed = await get('/api/v1/problems/comment-reports?open=false&limit=100', admin);
    expect(closed.body.items.map((r: { id: string }) => r.id)).toContain(report.id);
    expect((await get('/api/v1/problems/comment-reports', fisheriesAdmin)).status).toBe(403);
  });

  it("dismisses only that comment's open reports, with one audit event and the comment left as it was", async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ความเห็นที่ถูกรายงานผิด' });
    const other = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'อีกความเห็นหนึ่ง' });
    for (const by of [fisheriesMember, fisheriesAdmin])
      await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/report`, by, { reason: 'น่าจะมีชื่อผู้เสียหาย' });
    await post(`/api/v1/problems/${p.id}/comments/${other.body.id}/report`, fisheriesMember, {
      reason: 'ไม่สุภาพ',
    });
    const url = `/api/v1/problems/${p.id}/comments/${c.body.id}/reports/dismiss`;
    const reportsOf = async (open: boolean, commentId: string) =>
      (await get(`/api/v1/problems/comment-reports?open=${open}&limit=100`, admin)).body.items.filter(
        (r: { comment: { id: string } }) => r.comment.id === commentId,
      );

    const auditBefore = await count('audit_events');
    const timelineBefore = await count('problem_events');
    const res = await post(url, admin, { note: '  ตรวจแล้ว ไม่มีข้อมูลระบุตัวบุคคล  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ commentId: c.body.id, dismissed: 2 });
    expect(await count('audit_events')).toBe(auditBefore + 1);
    expect(await count('problem_events')).toBe(timelineBefore);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'problem.comment_reports_dismissed'), eq(auditEvents.entityId, c.body.id)),
      );
    expect(audit).toMatchObject({ actorUserId: admin.user.id, entityType: 'problem_comment' });
    expect(audit!.changes).toMatchObject({ problemId: p.id, note: 'ตรวจแล้ว ไม่มีข้อมูลระบุตัวบุคคล' });
    expect((audit!.changes as { reportIds: string[] }).reportIds).toHaveLength(2);

    expect(await reportsOf(true, c.body.id)).toEqual([]);
    const closed = await reportsOf(false, c.body.id);
    expect(closed).toHaveLength(2);
    for (const r of closed)
      expect(r).toMatchObject({ resolvedAt: t.clock.now().toISOString(), comment: { hidden: false } });
    expect(await reportsOf(true, other.body.id)).toHaveLength(1);
    const seen = (await get(`/api/v1/problems/${p.id}/comments`, observer)).body.items.find(
      (x: { id: string }) => x.id === c.body.id,
    );
    expect(seen).toMatchObject({ body: 'ความเห็นที่ถูกรายงานผิด', hidden: null });

    // Again (another admin a moment later): nothing open, nothing written.
    const again = await post(url, admin, {});
    expect(again.body).toEqual({ commentId: c.body.id, dismissed: 0 });
    expect(await count('audit_events')).toBe(auditBefore + 1);
  });

  it('takes a new report of a comment once the earlier one was dealt with, and only one open at a time', async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ความเห็นที่แก้ไขภายหลัง' });
    const url = `/api/v1/problems/${p.id}/comments/${c.body.id}/report`;
    const first = await post(url, fisheriesMember, { reason: 'ไม่สุภาพ' });
    expect(first.status).toBe(201);
    expect((await post(url, fisheriesMember, { reason: 'ซ้ำ' })).body.id).toBe(first.body.id);
    await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/reports/dismiss`, admin, {});

    const second = await post(url, fisheriesMember, { reason: 'มีข้อมูลผู้เสียหายแล้ว' });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const open = await get('/api/v1/problems/comment-reports?limit=100', admin);
    expect(open.body.items.map((r: { id: string }) => r.id)).toContain(second.body.id);
    expect((await post(url, fisheriesMember, { reason: 'ซ้ำ' })).body.id).toBe(second.body.id);
  });

  it('refuses to dismiss reports for members, bad bodies and unknown comments, writing nothing', async () => {
    const p = await raise();
    const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ความเห็น' });
    await post(`/api/v1/problems/${p.id}/comments/${c.body.id}/report`, fisheriesMember, {
      reason: 'ไม่เหมาะสม',
    });
    const q = await raise();
    const url = `/api/v1/problems/${p.id}/comments/${c.body.id}/reports/dismiss`;
    const before = await count('audit_events');
    for (const who of [fisheriesMember, fisheriesAdmin, reporter, observer])
      expect((await post(url, who, {})).status).toBe(403);
    for (const body of [{ note: 'x'.repeat(501) }, { note: 42 }, { reason: 'ผิดช่อง' }, undefined]) {
      const res = await post(url, admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await post(`/api/v1/problems/${q.id}/comments/${c.body.id}/reports/dismiss`, admin, {})).status,
    ).toBe(404);
    expect(
      (await post(`/api/v1/problems/${p.id}/comments/${unknown}/reports/dismiss`, admin, {})).status,
    ).toBe(404);
    expect(
      (await post(`/api/v1/problems/${unknown}/comments/${c.body.id}/reports/dismiss`, admin, {})).status,
    ).toBe(404);
    expect(await count('audit_events')).toBe(before);
    const open = (await get('/api/v1/problems/comment-reports?limit=100', admin)).body.items;
    expect(open.some((r: { comment: { id: string } }) => r.comment.id === c.body.id)).toBe(true);
  });
});

describe('the board', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const scam = await raise(fisheriesMember, {
      type: 'recommendation',
      category: 'online_scam_compounds',
      provinces: ['TH-63'],
      sectors: ['international'],
      title: 'ตั้งศูนย์รับกลับผู้เสียหายจากแก๊งคอลเซ็นเตอร์ที่แม่สอด',
    });
    t.clock.advance(MINUTE);
    const shelter = await raise(reporter, { category: 'shelter_protection', provinces: ['TH-10'] });
    t.clock.advance(MINUTE);
    const overdue = await raise(reporter, { category: 'budget_resources', provinces: ['TH-90'] });
    await assign(overdue.id, [labour.id]);
    await post(`/api/v1/problems/${shelter.id}/support`, labourMember, {});
    await post(`/api/v1/problems/${shelter.id}/support`, fisheriesMember, {});
    await post(`/api/v1/problems/${scam.id}/support`, labourMember, {});
    ids = { scam: scam.id, shelter: shelter.id, overdue: overdue.id };
    t.clock.advance(15 * DAY);
    await signInAgain();
  });

  const idsOf = (res: { body: { items: { id: string }[] } }) =>
    res.body.items.map((i) => i.id).filter((id) => Object.values(ids).includes(id));

  it('filters by type, category, province, sector and overdue', async () => {
    const q = (s: string) => get(`/api/v1/problems?limit=100&${s}`, observer).then(idsOf);
    expect(await q('type=recommendation')).toEqual([ids.scam]);
    expect(await q('category=shelter_protection&category=online_scam_compounds')).toEqual([
      ids.shelter,
      ids.scam,
    ]);
    expect(await q('province=TH-63')).toEqual([ids.scam]);
    expect(await q('sector=international')).toEqual([ids.scam]);
    expect(await q('overdue=true')).toEqual([ids.overdue]);
    const overdue = await get('/api/v1/problems?overdue=true', observer);
    expect(overdue.body.items.find((i: { id: string }) => i.id === ids.overdue).overdue).toBe(true);
  });

  it('sorts by most supported, oldest open and nearest deadline, paging with cursors', async () => {
    const all = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
          `/api/v1/problems?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          observer,
        );
        seen.push(...res.body.items.map((i) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      return seen.filter((id) => Object.values(ids).includes(id));
    };
    expect(await all('most_supported')).toEqual([ids.shelter, ids.scam, ids.overdue]);
    expect(await all('oldest_open')).toEqual([ids.scam, ids.shelter, ids.overdue]);
    expect((await all('nearest_deadline'))[0]).toBe(ids.overdue);
    expect(await all('newest')).toEqual([ids.overdue, ids.shelter, ids.scam]);
  });

  it("gives my organisation's problems and the Centre's triage queue", async () => {
    const mine = await get('/api/v1/problems?view=mine&limit=100', fisheriesAdmin);
    expect(idsOf(mine)).toEqual([ids.scam]);
    const triage = await get('/api/v1/problems?view=triage&limit=100', admin);
    expect(idsOf(triage)).toEqual([ids.overdue, ids.shelter, ids.scam]);
    expect((await get('/api/v1/problems?view=triage', labourMember)).status).toBe(403);
  });

  it('searches Thai titles by words and prefixes', async () => {
    const res = await get(`/api/v1/problems?q=${encodeURIComponent('แก๊งคอลเซ็น')}`, observer);
    expect(idsOf(res)).toEqual([ids.scam]);
  });

  it('finds problems by the everyday words for what they say (พม่า for เมียนมา, Cambodian for กัมพูชา)', async () => {
    const myanmar = await raise(reporter, {
      title: 'แรงงานเมียนมาถูกยึดเอกสารที่โรงงานแปรรูปกุ้ง',
      body: 'นายจ้างเก็บหนังสือเดินทางไว้',
    });
    const cambodian = await raise(reporter, {
      title: 'แรงงานกัมพูชาถูกยึดเอกสารที่โรงงานแปรรูปกุ้ง',
      body: 'นายจ้างเก็บหนังสือเดินทางไว้',
    });
    const found = async (q: string) =>
      (await get(`/api/v1/problems?q=${encodeURIComponent(q)}&limit=100`, observer)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await found('พม่า แปรรูปกุ้ง')).toEqual([myanmar.id]);
    expect(await found('Burmese แปรรูปกุ้ง')).toEqual([myanmar.id]);
    expect(await found('Cambodian แปรรูปกุ้ง')).toEqual([cambodian.id]);
    expect((await found('แปรรูปกุ้ง')).sort()).toEqual([myanmar.id, cambodian.id].sort());
  });

  it('ranks title matches before newer problems that only mention the words, then pages on', async () => {
    const word = 'เรือนจำชั่วคราว';
    const inTitle = await raise(reporter, { title: `ผู้เสียหายถูกกักใน${word}`, body: 'รายละเอียด' });
    t.clock.advance(1000);
    const inBody = await raise(reporter, { title: 'เรื่องอื่น', body: `พบใน${word}เช่นกัน` });
    t.clock.advance(1000);
    const newerInBody = await raise(reporter, { title: 'อีกเรื่อง', body: `ที่${word}อีกแห่ง` });
    const q = `q=${encodeURIComponent(word)}`;
    const found = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
    expect(found(await get(`/api/v1/problems?${q}&limit=100`, observer))).toEqual([
      inTitle.id,
      newerInBody.id,
      inBody.id,
    ]);
    const first = await get(`/api/v1/problems?${q}&limit=2`, observer);
    const second = await get(
      `/api/v1/problems?${q}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      observer,
    );
    expect([...found(first), ...found(second)]).toEqual([inTitle.id, newerInBody.id, inBody.id]);

    // One at a time: across the boundary between the two tiers, nothing repeated or skipped.
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await get(`/api/v1/problems?${q}&limit=1${cursor}`, observer);
      seen.push(...found(res));
      if (!res.body.nextCursor) break;
      cursor = `&cursor=${encodeURIComponent(res.body.nextCursor)}`;
    }
    expect(seen).toEqual([inTitle.id, newerInBody.id, inBody.id]);

    const forged = Buffer.from(
      JSON.stringify({ k: 'rank|2026-01-01T00:00:00.000Z', id: inBody.id }),
    ).toString('base64url');
    const bad = await get(`/api/v1/problems?${q}&cursor=${forged}`, observer);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('XSS payloads', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    'javascript:alert(1)',
    '[link](javascript:alert(1))',
  ];
  it('are stored and returned as plain JSON text, never as HTML', async () => {
    for (const payload of payloads) {
      const p = await raise(reporter, { title: `หัวข้อ ${payload}`, body: payload, source: payload });
      const c = await post(`/api/v1/problems/${p.id}/comments`, labourMember, {
        body: `${payload} @[${payload}](org:${labour.id})`,
      });
      expect(c.status).toBe(201);
      // The name shown is the organisation's, never the typed label (a label with "]" is no mention at all).
      expect(c.body.mentions).toEqual(
        payload.includes(']') ? [] : [{ type: 'organisation', id: labour.id, name: labour.nameTh }],
      );
      const res = await get(`/api/v1/problems/${p.id}`, observer);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toMatchObject({ title: `หัวข้อ ${payload}`, body: payload, source: payload });
      expect(Object.keys(res.body).some((k) => /html/i.test(k))).toBe(false);
    }
  });
});

describe('every change', () => {
  it('writes exactly one audit event and the timeline event in its transaction', async () => {
    const p = await raise();
    const events = async () => {
      const [row] = (await t.deps.database.query(
        `select (select count(*)::int from audit_events) as audit, (select count(*)::int from problem_events where problem_id = '${p.id}') as timeline`,
      )) as { audit: number; timeline: number }[];
      return row!;
    };
    const steps: [() => Promise<unknown>, number][] = [
      [() => post(`/api/v1/problems/${p.id}/support`, labourMember, {}), 1],
      [() => post(`/api/v1/problems/${p.id}/comments`, labourMember, { body: 'ok' }), 1],
      [() => transition(p.id, admin, { to: 'under_review' }), 1],
      [() => assign(p.id, [fisheries.id]), 1],
      [() => post(`/api/v1/problems/${p.id}/answers`, fisheriesMember, { bodyTh: 'ตอบ' }), 1],
      [() => post(`/api/v1/problems/${p.id}/follow`, observer), 0],
    ];
    for (const [step, timeline] of steps) {
      const before = await events();
      await step();
      const after = await events();
      expect(after.audit - before.audit).toBe(1);
      expect(after.timeline - before.timeline).toBe(timeline);
    }
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(problems)
      .where(eq(problems.id, p.id));
    expect(row!.n).toBe(1);
  });
});

describe('OpenAPI', () => {
  it('documents every problems route with its error bodies, including 422 for privacy warnings', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths).filter((p) => p.startsWith('/api/v1/problems'));
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/problems', '/api/v1/problems/{id}/transitions']));
    const create = res.body.paths['/api/v1/problems'].post;
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '413', '422']),
    );
  });
});
