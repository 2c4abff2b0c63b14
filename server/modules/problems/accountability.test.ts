import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountabilityView } from '../../../common/problems-accountability-api.ts';
import { DAY_MS as DAY } from '../../../common/time.ts';
import type { OrganisationRow } from '../../db/schema/index.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = { user: Awaited<ReturnType<TestApp['buildUser']>>; cookie: string };
let fisheries: OrganisationRow;
let labour: OrganisationRow;
let mirror: OrganisationRow;
let admin: Who;
let reporter: Who;
let fisheriesAdmin: Who;
let observer: Who;

const post = async (url: string, by: Who, body?: unknown) => {
  const res = await t.request('POST', url, { cookie: by.cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};
const raise = (overrides: Record<string, unknown>) =>
  post('/api/v1/problems', reporter, {
    type: 'problem',
    body: 'รายละเอียด',
    category: 'victim_identification',
    sectors: ['government'],
    ...overrides,
  });
async function signInAgain() {
  for (const who of [admin, reporter, fisheriesAdmin, observer])
    who.cookie = await t.login(who.user.email, who.user.password);
}

let resolvedId: string;
let lateId: string;
beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre', sector: 'government' });
  mirror = await t.buildOrganisation({
    nameTh: 'กระจกเงาลับ',
    nameEn: 'Secret Mirror',
    sector: 'civil_society',
  });
  fisheries = await t.buildOrganisation({ nameTh: 'ประมงทดสอบ', nameEn: 'Fisheries', sector: 'government' });
  labour = await t.buildOrganisation({ nameEn: 'Labour', sector: 'government' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  reporter = await t.signedIn({ role: 'member', organisationId: mirror.id });
  fisheriesAdmin = await t.signedIn({ role: 'org_admin', organisationId: fisheries.id });
  observer = await t.signedIn({ role: 'observer', organisationId: labour.id });

  // Answered after 2 days and resolved after 10; the other one never answered, so overdue.
  resolvedId = (await raise({ title: 'แก้แล้ว', anonymous: true, sectors: ['government', 'civil_society'] }))
    .id;
  lateId = (await raise({ title: '=HYPERLINK("http://evil.example","คลิก")', category: 'shelter_protection' }))
    .id;
  await raise({ title: 'ยังไม่มอบหมาย', category: 'shelter_protection' });
  for (const id of [resolvedId, lateId])
    await post(`/api/v1/problems/${id}/assign`, admin, {
      organisationIds: [fisheries.id, labour.id],
      leadOrganisationId: fisheries.id,
    });
  t.clock.advance(2 * DAY);
  await signInAgain();
  await post(`/api/v1/problems/${resolvedId}/answers`, fisheriesAdmin, { bodyTh: 'กำลังจัดล่าม' });
  t.clock.advance(8 * DAY);
  await signInAgain();
  await post(`/api/v1/problems/${resolvedId}/transitions`, admin, { to: 'resolved' });
  t.clock.advance(10 * DAY);
  await signInAgain();
});
afterAll(() => t.close());

describe('GET /api/v1/problems/accountability', () => {
  it('counts by state, category and sector, and times answers and resolution per responsible organisation', async () => {
    const res = await t.request('GET', '/api/v1/problems/accountability', { cookie: observer.cookie });
    expect(res.status).toBe(200);
    const view = res.body as AccountabilityView;
    expect(view.totals).toEqual({ problems: 3, open: 2, overdue: 1, resolved: 1 });
    expect(view.byState).toEqual({ assigned: 1, resolved: 1, submitted: 1 });
    expect(view.byCategory).toEqual({ shelter_protection: 2, victim_identification: 1 });
    expect(view.bySector).toEqual({ government: 3, civil_society: 1 });
    const byName = Object.fromEntries(view.organisations.map((o) => [o.organisation.nameEn, o]));
    expect(byName.Fisheries).toMatchObject({
      assigned: 2,
      lead: 2,
      open: 1,
      overdue: 1,
      answered: 1,
      resolved: 1,
      medianDaysToFirstAnswer: 2,
      medianDaysToResolution: 10,
    });
    // Labour never answered: no median rather than a made-up zero.
    expect(byName.Labour).toMatchObject({ assigned: 2, lead: 0, answered: 0, medianDaysToFirstAnswer: null });
    expect(view.overdue).toEqual([
      expect.objectContaining({
        id: lateId,
        leadOrganisation: expect.objectContaining({ id: fisheries.id }),
      }),
    ]);
    // Due at 16:30 Bangkok time 14 days after assignment at 10:00; 20 days on it is 5½ days late.
    expect(view.overdue[0]!.daysOverdue).toBe(5);
  });

  it('never names the anonymous reporter', async () => {
    const res = await t.request('GET', '/api/v1/problems/accountability', { cookie: observer.cookie });
    const json = JSON.stringify(res.body);
    for (const secret of ['Secret Mirror', 'กระจกเงาลับ', mirror.id]) expect(json).not.toContain(secret);
    for (const table of ['organisations', 'overdue']) {
      const csv = await t.request('GET', `/api/v1/problems/accountability.csv?table=${table}`, {
        cookie: observer.cookie,
      });
      expect(csv.raw.body).not.toContain('Secret Mirror');
      expect(csv.raw.body).not.toContain(mirror.id);
    }
  });

  it('exports an Excel-safe CSV: UTF-8 BOM, Thai intact, formulas neutralised', async () => {
    const res = await t.request('GET', '/api/v1/problems/accountability.csv', { cookie: observer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.raw.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF"organisation_th"')).toBe(true);
    expect(body).toContain('"ประมงทดสอบ","Fisheries","2","2","1","1","1","1","2","10"');
    // One table per file: the overdue problems are a file of their own.
    expect(body).not.toContain('overdue_problem');
    const overdue = await t.request('GET', '/api/v1/problems/accountability.csv?table=overdue', {
      cookie: observer.cookie,
    });
    expect(overdue.headers['content-disposition']).toContain('tipnet-problems-overdue.csv');
    const rows = overdue.raw.rawPayload.toString('utf8');
    expect(rows.startsWith('\uFEFF"overdue_problem"')).toBe(true);
    expect(rows).toContain(`"'=HYPERLINK(""http://evil.example"",""คลิก"")"`);
  });

  it('writes Thai headers, labels and Buddhist-Era Bangkok dates for a Thai reader', async () => {
    const byParam = await t.request('GET', '/api/v1/problems/accountability.csv?table=overdue&lang=th', {
      cookie: observer.cookie,
    });
    const byHeader = await t.request('GET', '/api/v1/problems/accountability.csv?table=overdue', {
      cookie: observer.cookie,
      headers: { 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' },
    });
    for (const res of [byParam, byHeader]) {
      const body = res.raw.rawPayload.toString('utf8');
      const [header, row] = body.slice(1).split('\r\n');
      expect(header).toBe(
        '"เรื่องที่เกินกำหนด","หมวดหมู่","สถานะ","หน่วยงานหลัก (ภาษาไทย)","หน่วยงานหลัก (ภาษาอังกฤษ)","กำหนดตอบ","เกินกำหนด (วัน)","รหัส"',
      );
      expect(row).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no ISO UTC instant
      expect(row).toMatch(/"\d{1,2}\/\d{1,2}\/25\d\d \d{2}:\d{2}"/); // a Buddhist-Era year
      expect(row).not.toMatch(/"(assigned|in_progress|under_review)"/); // a label, not the state code
    }
    expect(byParam.raw.body).toBe(byHeader.raw.body);
  });

  it('asks to sign in first', async () => {
    expect((await t.request('GET', '/api/v1/problems/accountability')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/problems/accountability.csv')).status).toBe(401);
  });
});
