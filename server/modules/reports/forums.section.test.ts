/**
 * The review's forums section: events held, who came by sector and organisation, and the action items
 * of the finalised minutes per owner organisation, for the Centre and for a member (fiscal 2570, compared
 * with fiscal 2569; the test clock stands at 26 November 2026).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSection, ReportTable, ReviewView } from '../../../common/reports-api.ts';
import type { OrganisationRow } from '../../db/schema/index.ts';
import { buildForum, buildForumAction, finaliseMinutes, registrants } from '../../test/forum-factories.ts';
import { derivable } from '../../test/suppression-kit.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { reviewHtml, summaryOf } from './pdf/review-html.ts';

let t: TestApp;
let admin: { cookie: string };
let labourMember: { cookie: string };
let fisheries: OrganisationRow;
let labour: OrganisationRow;
let mirror: OrganisationRow;
let ilo: OrganisationRow;

const forums = (view: ReviewView) => view.sections.find((s) => s.id === 'forums') as ReportSection;
const table = (s: ReportSection, key: string) => s.tables.find((x) => x.key === key) as ReportTable;
const figure = (s: ReportSection, key: string) => s.figures.find((f) => f.key === key)!;
const row = (tb: ReportTable, code: string) => tb.rows.find((r) => r.code === code);
async function get(cookie: string, period: string) {
  const res = await t.request('GET', `/api/v1/reports/review?period=${period}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ReviewView;
}
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre', sector: 'government' });
  fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Dept', sector: 'government' });
  labour = await t.buildOrganisation({ nameEn: 'Labour Dept', sector: 'government' });
  mirror = await t.buildOrganisation({ nameEn: 'Mirror Foundation', sector: 'civil_society' });
  ilo = await t.buildOrganisation({ nameEn: 'ILO Bangkok', sector: 'international' });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  labourMember = await t.signedIn({ role: 'member', organisationId: labour.id });
  const db = t.db;

  // Fiscal 2570. #1 in October: Labour 6 in and 1 who did not come, Fisheries 4, Mirror alone for civil
  // society with 3, and 2 guests from outside the directory.
  const first = await buildForum(db, { startsAt: at('2026-10-15T02:00:00Z') });
  await registrants(db, first, { organisationId: labour.id, sector: 'government', count: 6 });
  await registrants(db, first, { organisationId: labour.id, sector: 'government', checkedIn: false });
  await registrants(db, first, { organisationId: fisheries.id, sector: 'government', count: 4 });
  await registrants(db, first, { organisationId: mirror.id, sector: 'civil_society', count: 3 });
  await registrants(db, first, { organisationId: null, sector: null, count: 2 });
  // Waitlisted and withdrawn registrations hold no place: they do not count.
  await registrants(db, first, {
    organisationId: ilo.id,
    sector: 'international',
    state: 'waitlisted',
    checkedIn: false,
  });
  await registrants(db, first, {
    organisationId: ilo.id,
    sector: 'international',
    state: 'withdrawn',
    checkedIn: false,
  });
  // #2 in November, completed: Labour 2, Fisheries 3, the ILO 5.
  const second = await buildForum(db, { startsAt: at('2026-11-10T02:00:00Z'), state: 'completed' });
  await registrants(db, second, { organisationId: labour.id, sector: 'government', count: 2 });
  await registrants(db, second, { organisationId: fisheries.id, sector: 'government', count: 3 });
  await registrants(db, second, { organisationId: ilo.id, sector: 'international', count: 5 });
  // Cancelled and draft events were never held; a published one in December has not been held yet.
  const cancelled = await buildForum(db, { startsAt: at('2026-11-12T02:00:00Z'), state: 'cancelled' });
  await registrants(db, cancelled, { organisationId: labour.id, sector: 'government', count: 10 });
  const draft = await buildForum(db, { startsAt: at('2026-11-01T02:00:00Z'), state: 'draft' });
  await registrants(db, draft, { organisationId: mirror.id, sector: 'civil_society', count: 7 });
  const coming = await buildForum(db, { startsAt: at('2026-12-20T02:00:00Z') });
  await registrants(db, coming, {
    organisationId: labour.id,
    sector: 'government',
    count: 5,
    checkedIn: false,
  });

  // Fiscal 2569: one forum, Labour 3 and Mirror 5.
  const before = await buildForum(db, { startsAt: at('2026-03-10T02:00:00Z') });
  await registrants(db, before, { organisationId: labour.id, sector: 'government', count: 3 });
  await registrants(db, before, { organisationId: mirror.id, sector: 'civil_society', count: 5 });

  // Action items of #1's finalised minutes, due in fiscal 2570.
  const created = at('2026-10-16T03:00:00Z');
  const action = (
    owner: OrganisationRow,
    dueOn: string,
    status?: 'done' | 'in_progress' | 'dropped',
    movedAt?: string,
  ) =>
    buildForumAction(db, first.id, {
      ownerOrganisationId: owner.id,
      dueOn,
      status,
      movedAt: movedAt ? at(movedAt) : undefined,
      createdAt: created,
    });
  const published = [
    await action(labour, '2026-11-01', 'done', '2026-10-30T03:00:00Z'), // on time
    await action(labour, '2026-11-01', 'done', '2026-11-05T03:00:00Z'), // late
    await action(labour, '2026-11-20'), // open, overdue now
    await action(fisheries, '2026-11-15', 'done', '2026-11-15T16:00:00Z'), // 23:00 in Bangkok: on time
    await action(fisheries, '2026-12-31', 'in_progress'), // not due yet
    await action(mirror, '2026-11-10', 'done', '2026-11-10T18:00:00Z'), // 01:00 on the 11th in Bangkok: late
    await action(mirror, '2026-11-12', 'dropped', '2026-11-01T03:00:00Z'), // no longer owed
  ];
  await finaliseMinutes(db, first.id, published, at('2026-10-20T03:00:00Z'));
  // #2's minutes are still a draft: its action is not published and does not count.
  await buildForumAction(db, second.id, {
    ownerOrganisationId: labour.id,
    dueOn: '2026-11-25',
    createdAt: created,
  });
  // Fiscal 2569: Labour's done on time; Fisheries' still open, so overdue now.
  const earlier = at('2026-03-11T03:00:00Z');
  await finaliseMinutes(
    db,
    before.id,
    [
      await buildForumAction(db, before.id, {
        ownerOrganisationId: labour.id,
        dueOn: '2026-06-01',
        status: 'done',
        movedAt: at('2026-05-20T03:00:00Z'),
        createdAt: earlier,
      }),
      await buildForumAction(db, before.id, {
        ownerOrganisationId: fisheries.id,
        dueOn: '2026-07-01',
        createdAt: earlier,
      }),
    ],
    earlier,
  );
});
afterAll(() => t.close());

describe('the forums section, for the Centre', () => {
  it('counts the forums held, who registered and who came, against fiscal 2569', async () => {
    const view = await get(admin.cookie, 'fiscal-2570');
    expect(view.sections.map((s) => s.id)).toEqual([
      'network',
      'coverage',
      'problems',
      'coordination',
      'forums',
      'partners',
    ]);
    const s = forums(view);
    expect(s.title.th).toBe("เวที Let's Talk TIP");
    const figures = Object.fromEntries(s.figures.map((f) => [f.key, [f.value, f.previous]]));
    expect(figures).toEqual({
      events: [2, 1],
      registered: [26, 8],
      attended: [25, 8],
      organisations: [4, 2],
      actions_due: [6, 2],
      actions_on_time: [2, 1],
      actions_overdue: [2, null],
    });
    for (const f of s.figures) {
      expect(f.label.th.length, f.key).toBeGreaterThan(0);
      expect(f.label.en.length, f.key).toBeGreaterThan(0);
    }
    expect(s.method.th).toContain('ยกเลิก');
    expect(s.method.en).toContain('cancelled');
  });

  it('gives attendance by sector and by every organisation, guests apart', async () => {
    const s = forums(await get(admin.cookie, 'fiscal-2570'));
    const sectors = table(s, 'attendance_by_sector');
    expect(sectors.rows.map((r) => [r.code, r.values])).toEqual([
      ['government', [15, 16, 2]],
      ['civil_society', [3, 3, 1]],
      ['international', [5, 5, 1]],
      ['unspecified', [2, 2, 0]],
    ]);
    expect(sectors.totals).toEqual([25, 26, 4]);
    const organisations = table(s, 'attendance_by_organisation');
    expect(organisations.rows.map((r) => [r.label.en, r.values])).toEqual([
      ['Labour Dept', [8, 9, 2]],
      ['Fisheries Dept', [7, 7, 2]],
      ['ILO Bangkok', [5, 5, 1]],
      ['Mirror Foundation', [3, 3, 1]],
      ['Guests from outside the directory', [2, 2, null]],
    ]);
    expect(organisations.totals).toEqual([25, 26, null]);
  });

  it('gives action items due, done on time, done late and overdue per owner organisation', async () => {
    const s = forums(await get(admin.cookie, 'fiscal-2570'));
    const actions = table(s, 'actions_by_owner');
    expect(actions.rows.map((r) => [r.code, r.values])).toEqual([
      [labour.id, [3, 1, 1, 1]],
      [fisheries.id, [2, 1, 0, 0]],
      [mirror.id, [1, 0, 1, 0]],
    ]);
    expect(actions.totals).toEqual([6, 2, 2, 1]);
  });

  it('does not count a cancelled forum, a draft or one not yet held', async () => {
    // November 2026: #2 on the 10th was held; the cancelled one on the 12th and the draft on the 1st were not.
    const s = forums(await get(admin.cookie, 'month-2569-11'));
    expect(figure(s, 'events')).toMatchObject({ value: 1, previous: 1 });
    expect(figure(s, 'attended').value).toBe(10);
    expect(row(table(s, 'attendance_by_organisation'), labour.id)?.values).toEqual([2, 2, 1]);
    expect(row(table(s, 'attendance_by_sector'), 'civil_society')).toBeUndefined();
    // December 2026: the forum on the 20th is still to come.
    const december = forums(await get(admin.cookie, 'month-2569-12'));
    expect(figure(december, 'events').value).toBe(0);
    expect(figure(december, 'registered').value).toBe(0);
    expect(table(december, 'attendance_by_organisation').rows).toEqual([]);
  });

  it('gives the previous period its own tables when asked for it', async () => {
    const s = forums(await get(admin.cookie, 'fiscal-2569'));
    expect(figure(s, 'events')).toMatchObject({ value: 1, previous: 0 });
    const actions = table(s, 'actions_by_owner');
    expect(actions.rows).toHaveLength(2);
    expect(row(actions, labour.id)?.values).toEqual([1, 1, 0, 0]);
    // Still open: overdue now, whichever period it was due in.
    expect(row(actions, fisheries.id)?.values).toEqual([1, 0, 0, 1]);
  });
});

describe('the forums section, for a member', () => {
  it('shows its own rows against the network median and no other organisation', async () => {
    const view = await get(labourMember.cookie, 'fiscal-2570');
    const s = forums(view);
    const organisations = table(s, 'attendance_by_organisation');
    expect(organisations.rows.map((r) => [r.code, r.values])).toEqual([
      [labour.id, [8, 9, 2]],
      // Over Labour, Fisheries, the ILO and Mirror.
      ['network_median', [6, 6, 1.5]],
    ]);
    expect(organisations.totals).toBeNull();
    const actions = table(s, 'actions_by_owner');
    expect(actions.rows.map((r) => [r.code, r.values])).toEqual([
      [labour.id, [3, 1, 1, 1]],
      ['network_median', [2, 1, 1, 0]],
    ]);
    expect(actions.totals).toBeNull();
    const text = JSON.stringify(s);
    for (const other of [
      'Fisheries Dept',
      fisheries.id,
      'Mirror Foundation',
      mirror.id,
      'ILO Bangkok',
      ilo.id,
    ])
      expect(text).not.toContain(other);
  });

  it('shows "< 5" for a small count from one organisation, and nothing a total gives back', async () => {
    const s = forums(await get(labourMember.cookie, 'fiscal-2570'));
    const sectors = table(s, 'attendance_by_sector');
    // Mirror alone came for civil society, with 3; the 2 guests count as one more source.
    expect(row(sectors, 'civil_society')?.values).toEqual(['< 5', '< 5', 1]);
    expect(row(sectors, 'unspecified')?.values).toEqual(['< 5', '< 5', 0]);
    expect(row(sectors, 'government')?.values).toEqual([15, 16, 2]);
    expect(row(sectors, 'international')?.values).toEqual([5, 5, 1]);
    for (const tb of s.tables) expect(derivable(tb), tb.key).toEqual([]);
  });

  it("withholds a network figure that, less its own row, is one other owner's", async () => {
    const s = forums(await get(labourMember.cookie, 'fiscal-2570'));
    const figures = Object.fromEntries(s.figures.map((f) => [f.key, [f.value, f.previous]]));
    expect(figures).toEqual({
      events: [2, 1],
      // Four other sources besides Labour: no one organisation's count can be told apart.
      registered: [26, 8],
      attended: [25, 8],
      organisations: [4, 2],
      // Due: three owners. Done on time: Labour's 1 and Fisheries' 1, which the total less Labour's row
      // would give away; before: Labour's own alone, then Labour's and Fisheries'.
      actions_due: [6, '< 5'],
      actions_on_time: ['< 5', 1],
      actions_overdue: ['< 5', null],
    });
  });

  it('shows no median over fewer than three organisations', async () => {
    const s = forums(await get(labourMember.cookie, 'fiscal-2569'));
    // Labour and Mirror came: a median of two would give Mirror's figures back from Labour's own.
    expect(table(s, 'attendance_by_organisation').rows).toEqual([
      expect.objectContaining({ code: labour.id, values: [3, 3, 1] }),
      expect.objectContaining({ code: 'network_median', values: [null, null, null] }),
    ]);
    // Mirror's 5 are not a small count: both were in the room.
    expect(figure(s, 'attended').value).toBe(8);
  });
});

describe('the forums section in the workbook and the printed review', () => {
  it('has its own sheet with the figures as numbers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/review.xlsx?period=fiscal-2570&lang=en',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.getWorksheet("Let's Talk TIP forums");
    expect(sheet).toBeDefined();
    const rows = Array.from(sheet!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows.find((r) => r[0] === 'Forums held')).toEqual(['Forums held', 2, 1]);
    expect(rows.find((r) => r[0] === 'Labour Dept')).toEqual(['Labour Dept', 8, 9, 2]);
  });

  it('is printed as a section and written into the summary, in Thai and English', async () => {
    const view = await get(admin.cookie, 'fiscal-2570');
    expect(summaryOf(view, 'en')).toContain(
      "2 Let's Talk TIP forums were held, attended by 25 people from 4 organisations; of 6 action items due in the period, 2 were done on time.",
    );
    expect(summaryOf(view, 'th')).toContain("มีการจัดเวที Let's Talk TIP 2 ครั้ง มีผู้เข้าร่วม 25 คนจาก 4 หน่วยงาน");
    const html = reviewHtml(view, 'th');
    expect(html).toContain('การเข้าร่วมเวที แยกตามภาคส่วน');
    expect(html).toContain('งานที่ต้องติดตามจากเวที แยกตามหน่วยงานผู้รับผิดชอบ');
    const december = await get(admin.cookie, 'month-2569-12');
    expect(summaryOf(december, 'en')).toContain('No forum was held in the period.');
  });
});
