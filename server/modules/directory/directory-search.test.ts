import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../db/schema/index.ts';
import { seedDemoNetwork } from '../../demo/seed-demo.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { indexUnindexedOrganisations } from './search-documents.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await buildTestApp();
  await seedDemoNetwork(t.db, { password: 'demo-password-for-tests', now: t.clock.now() });
  cookie = (await t.signedIn({ role: 'member' })).cookie;
});
afterAll(() => t.close());

async function search(q: string, extra = '') {
  const res = await t.request('GET', `/api/v1/organizations?limit=100&q=${encodeURIComponent(q)}${extra}`, {
    cookie,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((o: { nameEn: string }) => o.nameEn) as string[];
}

const CENTRE =
  'Royal Thai Police Centre for the Protection of Children, Women and Families and Anti-Human Trafficking (incl. Fisheries)';
const FISHERIES = 'Department of Fisheries';
const NFAT = 'National Fisheries Association of Thailand';
const STELLA = 'Stella Maris Foundation';
const RAPHA = 'Rapha International';
const MIRROR = 'Mirror Foundation';
const OUR = 'O.U.R. Foundation';
const MSDHS = 'Ministry of Social Development and Human Security';
const OAG = 'Human Trafficking Litigation Office, Office of the Attorney General';
const DOPA = 'Department of Provincial Administration';
const A21 = 'A21';

/** query → organisations that must be among the results (and, with `first`, rank first). */
const CASES: [string, string[], { first?: string; only?: boolean }?][] = [
  ['ประมง', [FISHERIES, NFAT, CENTRE]],
  ['กรมประมง', [FISHERIES], { first: FISHERIES }],
  ['ค้ามนุษย์', [CENTRE, OAG]],
  ['การค้ามนุษย์', [CENTRE]],
  ['ศพดส', [CENTRE], { first: CENTRE }],
  ['ศพดส.ตร.', [CENTRE], { first: CENTRE }],
  ['ศพดส.ตร', [CENTRE], { first: CENTRE }],
  ['ศพดส ตร', [CENTRE], { first: CENTRE }],
  ['ศพดสตร', [CENTRE], { first: CENTRE }],
  ['stella', [STELLA], { first: STELLA }],
  ['Stella Maris', [STELLA], { first: STELLA, only: true }],
  ['สเตลล่า', []],
  ['มูลนิธิ', [MIRROR, STELLA, OUR, RAPHA]],
  ['ราฟา', [RAPHA], { first: RAPHA }],
  ['rapha', [RAPHA], { first: RAPHA }],
  ['พม.', [MSDHS], { first: MSDHS }],
  ['พม', [MSDHS]],
  ['O.U.R.', [OUR], { first: OUR }],
  ['our', [OUR]],
  ['OAG', [OAG], { first: OAG }],
  ['มูลนิธิ stella', [STELLA], { only: true }],
  ['มูลนิธิ ราฟา', [RAPHA], { only: true }],
  ['fisheries ประมง', [FISHERIES, NFAT]],
  ['a21', [A21], { first: A21 }],
  ['เอทเวนตี้', [A21]],
  ['กระจก', [MIRROR], { first: MIRROR }],
  ['กระจกเงา', [MIRROR], { first: MIRROR }],
  ['stel', [STELLA]],
  ['มูลนิ', [MIRROR, STELLA, OUR, RAPHA]],
  ['สมาคมการปร', [NFAT], { first: NFAT }],
  ['mirror found', [MIRROR], { first: MIRROR }],
  ['ทะเบียนราษฎร', [DOPA]],
  ['shelter', [MSDHS, RAPHA]],
  ['ที่พักพิง', [MSDHS, RAPHA]],
  ['ล่าม', [STELLA]],
  ['PIPO', [FISHERIES]],
  ['ตัวอย่าง', [CENTRE, MSDHS]],
  ['Somchai', [CENTRE]],
  // Provinces covered, languages spoken, and the everyday words for them (common/search-synonyms.ts).
  ['ระนอง', [FISHERIES, STELLA]],
  ['Ranong', [FISHERIES, STELLA]],
  ['พม่า', [FISHERIES, STELLA]],
  ['Burmese', [FISHERIES, STELLA]],
  ['เขมร', [STELLA]],
  ['กัมพูชา', [STELLA]],
  ['social development', [MSDHS], { first: MSDHS }],
  ['ล่าม ระนอง', [STELLA], { only: true }],
];

describe('directory search', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(25);
  it.each(CASES)('%s finds %j', async (q, expected, opts = {}) => {
    const found = await search(q);
    for (const name of expected) expect(found, q).toContain(name);
    if (opts.first) expect(found[0], q).toBe(opts.first);
    if (opts.only) expect(found, q).toEqual(expected);
    if (expected.length === 0) expect(found).toEqual([]);
  });

  it('ranks name matches before description matches', async () => {
    // "Fisheries" is in the Centre's name too; the fishing association only mentions "fishing" in its text.
    const found = await search('ประมง');
    expect(found.indexOf(FISHERIES)).toBeLessThan(found.indexOf(MSDHS) === -1 ? 99 : found.indexOf(MSDHS));
    const names = found.slice(0, 3);
    expect(names).toEqual(expect.arrayContaining([FISHERIES, NFAT, CENTRE]));
  });

  it('rebuilds, once, the documents of organisations indexed before names had their own', async () => {
    const legacy = await t.buildOrganisation({ nameEn: 'Zyxwv Legacy Shelter' });
    await t.db
      .update(organisations)
      .set({ nameDocument: sql`''::tsvector` })
      .where(eq(organisations.id, legacy.id));
    expect(await indexUnindexedOrganisations(t.db)).toBe(1);
    expect(await indexUnindexedOrganisations(t.db)).toBe(0);
    expect(await search('zyxwv')).toEqual(['Zyxwv Legacy Shelter']);
  });

  it('combines search with filters', async () => {
    // Songkhla: Stella Maris works there, O.U.R. works nationwide.
    expect((await search('มูลนิธิ', '&province=TH-90')).sort()).toEqual([OUR, STELLA]);
    expect(await search('มูลนิธิ', '&province=TH-90&province=abroad&theme=fisheries_at_sea')).toEqual([STELLA]);
    expect(await search('มูลนิธิ', '&service=shelter')).toEqual([RAPHA]);
  });

  it.each([
    '😀🇹🇭👩‍👩‍👧‍👦',
    'a\u200bb\u200c\u200d\ufeff',
    '\u0301\u0302',
    '\u0E31\u0E34',
    `'"\\`,
    '& | ! : * ( )',
    "'; drop table organisations; --",
    'a:* & !b | (c',
    '<->',
    '%_',
    'ก'.repeat(200),
    'x '.repeat(100),
  ])('answers normally to %j', async (q) => {
    const res = await t.request('GET', `/api/v1/organizations?q=${encodeURIComponent(q)}`, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('refuses a 10,000-character query with 400 naming q', async () => {
    const res = await t.request('GET', `/api/v1/organizations?q=${'ก'.repeat(10_000)}`, { cookie });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('querystring.q');
  });
});
