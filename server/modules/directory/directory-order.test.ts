import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let member: { cookie: string };
// Leading vowels (เ ไ โ) file under the consonant after them; Thai names come before Latin ones.
const THAI_NAMES = [
  'เอเชียทดสอบ',
  'โครงการทดสอบ',
  'HUG ทดสอบ',
  'กองทุนทดสอบ',
  'ไก่ทดสอบ',
  'ขวัญทดสอบ',
  'มูลนิธิทดสอบ',
];

beforeAll(async () => {
  t = await buildTestApp();
  member = await t.signedIn({ role: 'member' });
  // English names in the reverse order, so a list sorted by English name is visibly wrong in Thai.
  for (const [i, nameTh] of THAI_NAMES.entries())
    await buildOrganisation(t.db, {
      nameTh,
      nameEn: `Order test ${String.fromCharCode(90 - i)}`,
      sector: 'academic',
    });
});
afterAll(() => t.close());

async function allPages(lang: string) {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({
      sector: 'academic',
      limit: '2',
      lang,
      ...(cursor ? { cursor } : {}),
    });
    const res = await t.request('GET', `/api/v1/organizations?${query}`, { cookie: member.cookie });
    expect(res.status).toBe(200);
    names.push(
      ...res.body.items.map((o: { nameTh: string; nameEn: string }) => (lang === 'th' ? o.nameTh : o.nameEn)),
    );
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

describe('directory order', () => {
  it('lists Thai names in Thai dictionary order in the Thai UI, page after page', async () => {
    expect(await allPages('th')).toEqual([...THAI_NAMES].sort(new Intl.Collator('th').compare));
  });

  it('lists English names alphabetically in the English UI', async () => {
    const names = await allPages('en');
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(THAI_NAMES.length);
  });
});
