import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, forumAgendaItems, forumDecisions, forumMinutes } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { attend, buildForumEvent, buildRegistration } from './forum-feedback.factories.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TITLE = 'Let’s Talk TIP ครั้งที่ 1: ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
let member: Awaited<ReturnType<TestApp['signedIn']>>;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.signedIn({ role: 'admin' });
  member = await t.signedIn({ role: 'member' });
});
afterAll(() => t.close());

const url = (e: { id: string }, rest = '') => `/api/v1/forum-feedback/events/${e.id}/summary${rest}`;

/** A past forum with two organisations checked in, one only registered, an agenda and decisions. */
async function heldForum() {
  const event = await buildForumEvent(t.db, {
    titleTh: TITLE,
    titleEn: 'Let’s Talk TIP #1: driven by heart, a Thailand free of trafficking',
    startsAt: new Date('2026-11-20T04:00:00Z'),
    endsAt: new Date('2026-11-20T08:00:00Z'),
    chairTh: 'รอง ผบ.ตร. ในฐานะผู้อำนวยการ ศพดส.ตร.',
    chairEn: 'the Deputy Commissioner-General, Director of the Centre',
    venueTh: 'ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ',
  });
  const fisheries = await t.buildOrganisation({
    nameTh: 'กรมประมง',
    nameEn: 'Department of Fisheries',
    sector: 'government',
  });
  const mirror = await t.buildOrganisation({
    nameTh: 'มูลนิธิกระจกเงา',
    nameEn: 'Mirror Foundation',
    sector: 'civil_society',
  });
  const absent = await t.buildOrganisation({ nameTh: 'หน่วยงานที่ไม่มา', nameEn: 'Absent', sector: 'private' });
  for (const org of [fisheries, mirror])
    await attend(t.db, event, await t.buildUser({ organisationId: org.id }), { sector: org.sector });
  await buildRegistration(t.db, { eventId: event.id, organisationId: absent.id, sector: 'private' });
  const now = t.clock.now();
  await t.db.insert(forumAgendaItems).values({
    id: randomUUID(),
    eventId: event.id,
    position: 1,
    titleTh: 'การคัดแยกผู้เสียหายในภาคประมง',
    titleEn: 'Victim identification in fisheries',
    createdAt: now,
  });
  await t.db.insert(forumMinutes).values({ eventId: event.id, state: 'final', updatedAt: now });
  await t.db.insert(forumDecisions).values({
    id: randomUUID(),
    eventId: event.id,
    position: 1,
    textTh: 'จัดทำบัญชีล่ามกลางภายใน 3 เดือน',
    textEn: 'Set up a shared interpreter roster within 3 months',
    createdAt: now,
  });
  return event;
}

describe('the summary the Centre publishes', () => {
  it('is generated from the event: who came by sector, the agenda and the decisions', async () => {
    const event = await heldForum();
    const res = await t.request('POST', url(event, '/generate'), { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'draft', mayEdit: true, publishedAt: null });
    expect(res.body.titleTh).toContain(TITLE);
    expect(res.body.bodyTh).toMatch(/^เมื่อวันที่ 20 พฤศจิกายน 2569 เวลา 11\.00 น\. รอง ผบ\.ตร\./);
    expect(res.body.bodyTh).toContain('ภาครัฐ ได้แก่ กรมประมง ภาคประชาสังคม ได้แก่ มูลนิธิกระจกเงา');
    expect(res.body.bodyTh).not.toContain('หน่วยงานที่ไม่มา'); // registered, never checked in
    expect(res.body.bodyTh).toContain('1) การคัดแยกผู้เสียหายในภาคประมง');
    expect(res.body.bodyTh).toContain('1) จัดทำบัญชีล่ามกลางภายใน 3 เดือน');
    expect(res.body.bodyEn).toContain('Set up a shared interpreter roster within 3 months');
  });

  it('stays with the Centre until published, then every member reads it; edits and publishing are audited', async () => {
    const event = await heldForum();
    await t.request('POST', url(event, '/generate'), { cookie: admin.cookie });
    expect((await t.request('GET', url(event), { cookie: member.cookie })).status).toBe(404);
    expect((await t.request('GET', url(event, '/print'), { cookie: member.cookie })).status).toBe(404);
    expect((await t.request('POST', url(event, '/publish'), { cookie: member.cookie })).status).toBe(403);

    const edited = {
      titleTh: `ศพดส.ตร. จัดเวที “${TITLE}”`,
      titleEn: 'Edited',
      bodyTh: 'เนื้อหาที่แก้ไข',
      bodyEn: 'Edited body',
    };
    expect((await t.request('PUT', url(event), { cookie: admin.cookie, body: edited })).status).toBe(200);
    const published = await t.request('POST', url(event, '/publish'), { cookie: admin.cookie });
    expect(published.body).toMatchObject({ state: 'published', titleTh: edited.titleTh });
    expect(published.body.publishedAt).toBe(t.clock.now().toISOString());

    const read = await t.request('GET', url(event), { cookie: member.cookie });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ state: 'published', bodyTh: 'เนื้อหาที่แก้ไข', mayEdit: false });
    expect((await t.request('POST', url(event, '/publish'), { cookie: admin.cookie })).status).toBe(409);
    const again = await t.request('POST', url(event, '/generate'), { cookie: admin.cookie });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SUMMARY_PUBLISHED');

    const actions = (
      await t.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, event.id))
    ).map((a) => a.action);
    expect(actions).toEqual([
      'forum_feedback.summary_generated',
      'forum_feedback.summary_updated',
      'forum_feedback.summary_published',
    ]);
  });

  it('has no summary for a draft event, even for the Centre', async () => {
    const draft = await buildForumEvent(t.db, { state: 'draft' });
    expect((await t.request('POST', url(draft, '/generate'), { cookie: admin.cookie })).status).toBe(404);
    expect((await t.request('GET', url(draft), { cookie: admin.cookie })).status).toBe(404);
  });

  it('prints as an HTML page with no script and the Thai font inlined', async () => {
    const event = await heldForum();
    await t.request('POST', url(event, '/generate'), { cookie: admin.cookie });
    const res = await t.app.inject({
      method: 'GET',
      url: url(event, '/print?lang=th'),
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(TITLE);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('data:font/woff2;base64,');
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'prints to an A4 PDF whose text holds the Thai title intact',
    async () => {
      const event = await heldForum();
      await t.request('POST', url(event, '/generate'), { cookie: admin.cookie });
      await t.request('POST', url(event, '/publish'), { cookie: admin.cookie });
      const res = await t.app.inject({
        method: 'GET',
        url: url(event, '.pdf?lang=th'),
        headers: { cookie: member.cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.pdf');
      writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain(TITLE);
      const [audit] = await t.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityId, event.id), eq(auditEvents.action, 'forum_feedback.summary_published')),
        );
      expect(audit).toBeDefined();
    },
    60_000,
  );
});
