import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSection, ReportTable, ReviewView } from '../../../common/reports-api.ts';
import { DAY_MS as DAY } from '../../../common/time.ts';
import { coordinationRequestEvents, type OrganisationRow, problemAnswers } from '../../db/schema/index.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { derivable } from '../../test/suppression-kit.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { review } from './reports.service.ts';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['signedIn']>>;
let labourMember: { cookie: string };
let fisheries: OrganisationRow;
let labour: OrganisationRow;
let mirror: OrganisationRow;

const section = (view: ReviewView, id: string) => view.sections.find((s) => s.id === id) as ReportSection;
const table = (s: ReportSection, key: string) => s.tables.find((x) => x.key === key) as ReportTable;
const figure = (s: ReportSection, key: string) => s.figures.find((f) => f.key === key)!;
const row = (tb: ReportTable, code: string) => tb.rows.find((r) => r.code === code);
async function get(cookie: string, period?: string) {
  const res = await t.request('GET', `/api/v1/reports/review${period ? `?period=${period}` : ''}`, {
    cookie,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as ReviewView;
}

/** A problem raised on `at`, assigned to `to` at once and answered by it `answerAfter` days later. */
async function raised(
  reporter: OrganisationRow,
  at: Date,
  o: { category?: string; to?: OrganisationRow; answerAfter?: number } = {},
) {
  const answeredAt =
    o.to && o.answerAfter !== undefined ? new Date(at.getTime() + o.answerAfter * DAY) : null;
  const p = await buildProblem(t.db, {
    reporterOrganisationId: reporter.id,
    createdAt: at,
    category: (o.category ?? 'victim_identification') as never,
    sectors: ['government'],
    assignedTo: o.to ? [o.to.id] : [],
    firstAnsweredAt: answeredAt,
  });
  if (answeredAt)
    await t.db.insert(problemAnswers).values({
      id: randomUUID(),
      problemId: p.id,
      organisationId: o.to!.id,
      authorUserId: p.reporterUserId,
      bodyTh: 'คำตอบทางการ',
      createdAt: answeredAt,
    });
  return p;
}

beforeAll(async () => {
  t = await buildTestApp();
  const now = t.clock.now(); // 26 Nov 2026: fiscal 2570
  const centre = await t.buildOrganisation({
    nameEn: 'Centre',
    sector: 'government',
    createdAt: new Date('2024-06-01T03:00:00Z'),
  });
  fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Dept', sector: 'government' });
  labour = await t.buildOrganisation({ nameEn: 'Labour Dept', sector: 'government' });
  mirror = await t.buildOrganisation({ nameEn: 'Mirror', sector: 'civil_society' });
  // Interpretation: Ranong has one provider, Songkhla two, Chiang Mai one whose entry is stale.
  await t.buildOrganisation({
    nameEn: 'Port Interpreters',
    services: ['interpretation'],
    languages: ['th', 'my'],
    coverage: ['TH-85', 'TH-90'],
    createdAt: new Date(now.getTime() - 30 * DAY),
  });
  await t.buildOrganisation({ services: ['interpretation'], languages: ['my'], coverage: ['TH-90'] });
  await t.buildOrganisation({
    services: ['interpretation'],
    languages: ['shn'],
    coverage: ['TH-50'],
    createdAt: new Date(now.getTime() - 400 * DAY),
    lastReviewedAt: new Date(now.getTime() - 300 * DAY),
  });
  admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  labourMember = await t.signedIn({ role: 'member', organisationId: labour.id });

  const thisYear = new Date(now.getTime() - 20 * DAY);
  // Two shelter problems from Mirror alone: a small count from one organisation.
  await raised(mirror, thisYear, { category: 'shelter_protection' });
  await raised(mirror, thisYear, { category: 'shelter_protection' });
  // Six identification problems from two organisations; Fisheries answers in 2 and 4 days, Labour in 10.
  await raised(labour, thisYear, { to: fisheries, answerAfter: 2 });
  await raised(labour, thisYear, { to: fisheries, answerAfter: 4 });
  await raised(labour, thisYear, { to: labour, answerAfter: 10 });
  await raised(fisheries, thisYear, { to: labour });
  await raised(fisheries, thisYear);
  await raised(fisheries, thisYear);
  // Fiscal 2569: one problem.
  await raised(mirror, new Date('2026-03-01T03:00:00Z'));
});
afterAll(() => t.close());

describe('GET /api/v1/reports/review', () => {
  it('opens on the current fiscal year and compares it with the one before', async () => {
    const view = await get(admin.cookie);
    expect(view.period.code).toBe('fiscal-2570');
    expect(view.period.label.th).toBe('ปีงบประมาณ 2570');
    expect(view.previous.code).toBe('fiscal-2569');
    expect(view.scope).toBe('network');
    expect(view.sections.map((s) => s.id)).toEqual([
      'network',
      'coverage',
      'problems',
      'coordination',
      'forums',
      'partners',
    ]);
    const problems = section(view, 'problems');
    expect(figure(problems, 'raised')).toMatchObject({ value: 8, previous: 1 });
    expect(figure(problems, 'answered')).toMatchObject({ value: 3, previous: 0 });
  });

  it('gives the Centre every agency with median and 90th percentile days to first answer', async () => {
    const problems = section(await get(admin.cookie, 'fiscal-2570'), 'problems');
    const agencies = table(problems, 'agencies');
    expect(row(agencies, fisheries.id)?.values).toEqual([2, 2, 3, 3.8, 0]);
    expect(row(agencies, labour.id)?.values).toEqual([2, 1, 10, 10, 0]);
    const categories = table(problems, 'by_category');
    expect(row(categories, 'shelter_protection')?.values).toEqual([2, 0, 0]);
    expect(categories.totals).toEqual([8, 3, 0]);
  });

  it("sends the dashboard each table's first rows with the whole table's count and totals", async () => {
    const whole = await get(admin.cookie, 'fiscal-2570');
    // A table shorter than the dashboard's cut goes whole, without a count.
    expect(whole.sections.flatMap((s) => s.tables).some((tb) => tb.rowsInFull !== undefined)).toBe(false);
    const { user } = admin;
    const actor = { userId: user.id, organisationId: user.organisationId, role: user.role };
    const cut = await review(
      t.db,
      { ...actor, sessionId: 'test', mustEnrolTotp: false },
      t.clock.now(),
      'fiscal-2570',
      { rowsPerTable: 1 },
    );
    const agencies = table(section(whole, 'problems'), 'agencies');
    const firstOnly = table(section(cut, 'problems'), 'agencies');
    expect(agencies.rows.length).toBeGreaterThan(1);
    expect(firstOnly.rows).toEqual(agencies.rows.slice(0, 1));
    expect(firstOnly.rowsInFull).toBe(agencies.rows.length);
    expect(firstOnly.totals).toEqual(agencies.totals);
  });

  it('shows an organisation its own row against the network median, and "< 5" for one organisation\'s few', async () => {
    const view = await get(labourMember.cookie, 'fiscal-2570');
    expect(view.scope).toBe('organisation');
    const problems = section(view, 'problems');
    const agencies = table(problems, 'agencies');
    expect(agencies.rows.map((r) => r.code)).toEqual([labour.id, 'network_median']);
    // Two agencies: their median less Labour's own row would be Fisheries' figures, so none is shown.
    expect(agencies.rows[1]!.values).toEqual([null, null, null, null, null]);
    expect(JSON.stringify(view)).not.toContain('Fisheries Dept');
    const categories = table(problems, 'by_category');
    expect(row(categories, 'shelter_protection')?.values).toEqual(['< 5', 0, 0]);
    // Raised: 8 in all, so the 6 beside the "< 5" is withheld too, or 8 − 6 would give it away.
    expect(row(categories, 'victim_identification')?.values[0]).toBe('x');
    expect(categories.totals?.[0]).toBe(8);
    expect(problems.method.en).toContain('"x" are withheld');
  });

  it('lets no organisation work a "< 5" out of any total by subtraction', async () => {
    const view = await get(labourMember.cookie, 'fiscal-2570');
    const tables = view.sections.flatMap((s) => s.tables);
    expect(tables.some((tb) => tb.rows.some((r) => r.values.includes('< 5')))).toBe(true);
    for (const tb of tables) expect(derivable(tb), tb.key).toEqual([]);
  });

  it('flags Ranong × interpretation as served by a single provider, and a stale single provider apart', async () => {
    const coverage = section(await get(admin.cookie, 'year-2569'), 'coverage');
    const services = coverage.matrices.find((m) => m.key === 'services')!;
    const at = (province: string, code: string) =>
      services.status[services.provinces.indexOf(province)]![
        services.columns.findIndex((c) => c.code === code)
      ];
    expect(at('TH-85', 'interpretation')).toBe('single');
    expect(at('TH-90', 'interpretation')).toBe('covered');
    expect(at('TH-50', 'interpretation')).toBe('single_stale');
    expect(at('TH-10', 'interpretation')).toBe('none');
    expect(services.provinces).toHaveLength(77);
    expect(row(table(coverage, 'single_service'), 'TH-85:interpretation')?.values).toEqual([0]);
    expect(row(table(coverage, 'single_language'), 'TH-85:my')).toBeDefined();
    expect(row(table(coverage, 'single_language'), 'TH-90:my')).toBeUndefined();
  });

  it('counts the network by sector with who joined in the period', async () => {
    const network = section(await get(admin.cookie, 'fiscal-2570'), 'network');
    expect(figure(network, 'organisations').value).toBeGreaterThanOrEqual(7);
    const sectors = table(network, 'by_sector');
    expect(row(sectors, 'government')?.values[0]).toBeGreaterThanOrEqual(3);
    expect(figure(network, 'not_reviewed').value).toBeGreaterThanOrEqual(0);
  });

  it('refuses a period it does not know, and strangers', async () => {
    const bad = await t.request('GET', '/api/v1/reports/review?period=fiscal-70', { cookie: admin.cookie });
    expect(bad.status).toBe(400);
    expect((await t.request('GET', '/api/v1/reports/review')).status).toBe(401);
  });
});

describe('coordination and who works with whom (fiscal 2568)', () => {
  const at = new Date('2025-03-03T02:00:00Z');
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
  /** A request made at `at` and acknowledged by the receiving unit `ackAfter` minutes later. */
  async function request(from: OrganisationRow, unitId: string, o: { type?: string; ackAfter: number }) {
    const r = await buildCoordinationRequest(t.db, {
      requestingOrganisationId: from.id,
      receivingUnitId: unitId,
      type: (o.type ?? 'interpreter') as never,
      province: 'TH-85',
      createdAt: at,
    });
    await t.db.insert(coordinationRequestEvents).values({
      requestId: r.id,
      at: minutes(o.ackAfter),
      kind: 'state_changed',
      actorUserId: null,
      actorOrganisationId: null,
      unitId,
      data: { from: 'submitted', to: 'acknowledged' },
    });
  }

  beforeAll(async () => {
    const fisheriesUnit = await buildUnit(t.db, { organisationId: fisheries.id });
    const labourUnit = await buildUnit(t.db, { organisationId: labour.id });
    // Labour asks Fisheries three times (acknowledged in 10, 20 and 30 minutes); Mirror asks Labour once.
    for (const ackAfter of [10, 20, 30]) await request(labour, fisheriesUnit.id, { ackAfter });
    await request(mirror, labourUnit.id, { type: 'shelter_placement', ackAfter: 60 });
    // Fisheries and Labour were both assigned one problem.
    await buildProblem(t.db, { createdAt: at, assignedTo: [fisheries.id, labour.id] });
  });

  it("gives the Centre requests per urgency, type and province and each receiver's answer times", async () => {
    const view = await get(admin.cookie, 'fiscal-2568');
    const coordination = section(view, 'coordination');
    expect(figure(coordination, 'requests')).toMatchObject({ value: 4, previous: 0 });
    expect(figure(coordination, 'acknowledge_median').value).toBe(40);
    expect(row(table(coordination, 'by_type'), 'interpreter')?.values).toEqual([3, 0, 0]);
    expect(row(table(coordination, 'by_province'), 'TH-85')?.values[0]).toBe(4);
    const answers = table(coordination, 'answers');
    expect(row(answers, fisheries.id)?.values.slice(0, 3)).toEqual([3, 20, null]);
    expect(row(answers, labour.id)?.values.slice(0, 3)).toEqual([1, 60, null]);
    // The same figures as the coordination module's own metrics for those days.
    const metrics = await t.request(
      'GET',
      '/api/v1/coordination/metrics?groupBy=organisation&from=2024-10-01&to=2025-09-30',
      { cookie: admin.cookie },
    );
    const fisheriesMetrics = (
      metrics.body as { items: { organisation: { id: string }; breachRate: number }[] }
    ).items.find((m) => m.organisation.id === fisheries.id)!;
    expect(row(answers, fisheries.id)?.values[3]).toBe(Math.round(fisheriesMetrics.breachRate * 1000) / 10);
  });

  it('shows an organisation only its own answers, the median, and "< 5" for one requester\'s few', async () => {
    const coordination = section(await get(labourMember.cookie, 'fiscal-2568'), 'coordination');
    const answers = table(coordination, 'answers');
    expect(answers.rows.map((r) => r.code)).toEqual([labour.id, 'network_median']);
    // Two receiving organisations: the median would give the other's figures back, so none is shown.
    expect(answers.rows[1]!.values.every((v) => v === null)).toBe(true);
    expect(row(table(coordination, 'by_type'), 'shelter_placement')?.values[0]).toBe('< 5');
    expect(JSON.stringify(coordination)).not.toContain('Fisheries Dept');
  });

  it('lists the strongest links and the isolated organisations for the Centre', async () => {
    const partners = section(await get(admin.cookie, 'fiscal-2568'), 'partners');
    expect(figure(partners, 'links').value).toBe(2);
    const strongest = table(partners, 'strongest_links');
    expect(strongest.rows[0]?.values).toEqual([1, 3, 4]);
    expect(strongest.rows[0]?.label.en).toMatch(/Fisheries Dept ↔ Labour Dept|Labour Dept ↔ Fisheries Dept/);
    expect(strongest.rows[1]?.values).toEqual([0, 1, 1]);
    // Drawn too: a point for each organisation in those links, a line for each link, as thick as its work.
    const [graph] = partners.graphs ?? [];
    const linked = new Set(strongest.rows.flatMap((row) => row.code.split(':')));
    expect(new Set(graph?.nodes.map((node) => node.code))).toEqual(linked);
    expect(graph?.edges.map((edge) => edge.weight)).toEqual([4, 1]);
    const isolated = table(partners, 'isolated');
    expect(isolated.rows.some((r) => r.label.en === 'Centre')).toBe(true);
    expect(isolated.rows.some((r) => r.code === mirror.id)).toBe(false);
  });

  it('tells an organisation how many partners it had, never who worked with whom', async () => {
    const partners = section(await get(labourMember.cookie, 'fiscal-2568'), 'partners');
    expect(partners.tables).toEqual([]);
    expect(partners.graphs ?? []).toEqual([]);
    expect(figure(partners, 'own_partners').value).toBe(2);
    expect(figure(partners, 'median_partners').value).toBe(1);
    const text = JSON.stringify(partners);
    for (const other of ['Fisheries Dept', fisheries.id, 'Mirror', mirror.id])
      expect(text).not.toContain(other);
  });
});

describe('GET /api/v1/reports/review.xlsx', () => {
  it('gives one sheet per section with Thai headers, numbers as numbers and the same totals as the API', async () => {
    const view = await get(admin.cookie, 'fiscal-2570');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/review.xlsx?period=fiscal-2570&lang=th',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('tipnet-review-fiscal-2570.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'เครือข่าย',
      'ช่องว่างการให้บริการ',
      'ปัญหาอุปสรรคและข้อเสนอแนะ',
      'การประสานงาน',
      "เวที Let's Talk TIP",
      'ใครทำงานร่วมกับใคร',
    ]);
    const values = (sheet: ExcelJS.Worksheet) =>
      // Dense, row n at index n: getSheetValues leaves holes where rows are empty.
      Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const problems = values(book.getWorksheet('ปัญหาอุปสรรคและข้อเสนอแนะ')!);
    expect(problems[2]).toEqual(['ช่วงเวลา', 'ปีงบประมาณ 2570']);
    // "จัดทำเมื่อ" in the Buddhist Era.
    expect(String(problems[4]?.[1])).toMatch(/\/2569 /);
    const apiCategories = table(section(view, 'problems'), 'by_category');
    const header = problems.findIndex((r) => r[0] === 'หมวดหมู่');
    expect(problems[header]).toEqual(['หมวดหมู่', 'เสนอเข้ามา', 'ได้รับคำตอบทางการครั้งแรก', 'แก้ไขแล้ว']);
    const totals = problems.slice(header).find((r) => r[0] === 'รวม');
    expect(totals?.slice(1)).toEqual(apiCategories.totals);
    const raisedRow = problems.find((r) => r[0] === 'เรื่องที่เสนอเข้ามา');
    expect(raisedRow).toEqual(['เรื่องที่เสนอเข้ามา', 8, 1]);
    expect(typeof raisedRow?.[1]).toBe('number');
  });

  it('keeps the suppression of the view it was made from', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/review.xlsx?period=fiscal-2570&lang=en',
      headers: { cookie: labourMember.cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const rows = book.getWorksheet('Problems and recommendations')!.getSheetValues();
    const shelter = rows.find((r) => Array.isArray(r) && r[1] === 'Shelter and protection') as unknown[];
    expect(shelter.slice(2)).toEqual(['< 5', 0, 0]);
    expect(JSON.stringify(rows)).not.toContain('Fisheries Dept');
  });
});
