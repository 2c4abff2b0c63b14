import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildOrganisation, buildPerson } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Cookie = { cookie: string };
let as: { admin: Cookie; member: Cookie; observer: Cookie };
let local: Awaited<ReturnType<typeof buildOrganisation>>;
let nationwide: Awaited<ReturnType<typeof buildOrganisation>>;
let elsewhere: Awaited<ReturnType<typeof buildOrganisation>>;
let focalPerson: Awaited<ReturnType<typeof buildPerson>>;

// Mae Hong Son: no other test file's organisations work there.
const SHEET = '/api/v1/directory/provinces/TH-58/contact-sheet';

beforeAll(async () => {
  t = await buildTestApp();
  const now = t.clock.now();
  local = await buildOrganisation(t.db, {
    nameTh: 'บ้านพักแม่ฮ่องสอน (ทดสอบ)',
    nameEn: 'Zeta Mae Hong Son Shelter',
    coverage: ['TH-58'],
    services: ['shelter'],
    address: 'ถนนขุนลุมประพาส อำเภอเมือง',
    officeHours: 'จันทร์–ศุกร์ 08:30–16:30',
    afterHoursContact: 'โทรสายด่วน',
    createdAt: now,
  });
  nationwide = await buildOrganisation(t.db, {
    nameEn: 'Alpha Nationwide Legal Aid',
    coverage: ['nationwide'],
    services: ['legal_aid'],
    createdAt: now,
  });
  elsewhere = await buildOrganisation(t.db, {
    nameEn: 'Beta Bangkok Only',
    coverage: ['TH-10'],
    createdAt: now,
  });

  await buildContact(t.db, { organisationId: local.id, type: 'hotline_24h', value: '053-000-111' });
  await buildContact(t.db, {
    organisationId: local.id,
    type: 'phone_mobile',
    value: '08-5858-5858',
    visibility: 'centre_only',
  });
  await buildPerson(t.db, { organisationId: local.id, nameTh: 'กมล ไม่ใช่ผู้ประสานงาน (ตัวอย่าง/Demo)' });
  focalPerson = await buildPerson(t.db, {
    organisationId: local.id,
    nameTh: 'สุนีย์ ผู้ประสานงาน (ตัวอย่าง/Demo)',
    phones: [{ type: 'phone_mobile', value: '08-1234-5858' }],
    email: 'sunee@example.test',
    lineId: 'sunee-mhs',
    visibility: { phones: 'all_members', email: 'all_members', lineId: 'centre_only' },
    focalTopics: ['shelter'],
  });
  await buildPerson(t.db, {
    organisationId: local.id,
    nameTh: 'ผู้ที่ลาออกแล้ว (ตัวอย่าง/Demo)',
    active: false,
  });

  as = {
    admin: await t.signedIn({ role: 'admin' }),
    member: await t.signedIn({ role: 'member' }),
    observer: await t.signedIn({ role: 'observer' }),
  };
});
afterAll(() => t.close());

const get = (url: string, who: Cookie) => t.request('GET', url, { cookie: who.cookie });
type Entry = {
  organisation: { id: string; nameEn: string };
  coverage: string;
  contacts: { value: string }[];
  people: {
    nameTh: string;
    phones: { value: string }[];
    email: string | null;
    lineId: string | null;
    hidden: string[];
    focalTopics: string[];
  }[];
};
const entryOf = (body: { items: Entry[] }, id: string) => body.items.find((i) => i.organisation.id === id)!;

describe('the province contact sheet', () => {
  it('lists the organisations working in the province first, then nationwide ones, and no others', async () => {
    const res = await get(SHEET, as.member);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ province: 'TH-58', generatedAt: t.clock.now().toISOString() });
    const ids = res.body.items.map((i: Entry) => i.organisation.id);
    expect(ids[0]).toBe(local.id);
    expect(ids).toContain(nationwide.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(res.body.total).toBe(ids.length);
    expect(entryOf(res.body, local.id)).toMatchObject({
      coverage: 'province',
      address: 'ถนนขุนลุมประพาส อำเภอเมือง',
      officeHours: 'จันทร์–ศุกร์ 08:30–16:30',
      afterHoursContact: 'โทรสายด่วน',
    });
    expect(entryOf(res.body, nationwide.id).coverage).toBe('nationwide');
  });

  it('applies the list filters, so a sheet can be for one service', async () => {
    const res = await get(`${SHEET}?service=legal_aid`, as.member);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Entry) => i.organisation.id)).toEqual([nationwide.id]);
  });

  it('lists active people only, focal points first', async () => {
    const people = entryOf((await get(SHEET, as.member)).body, local.id).people;
    expect(people.map((p) => p.nameTh)).toEqual([
      'สุนีย์ ผู้ประสานงาน (ตัวอย่าง/Demo)',
      'กมล ไม่ใช่ผู้ประสานงาน (ตัวอย่าง/Demo)',
    ]);
    expect(people[0]!.focalTopics).toEqual(['shelter']);
  });

  it('never shows observers personal phone numbers, email or LINE, nor "Centre only" numbers', async () => {
    const res = await get(SHEET, as.observer);
    expect(res.status).toBe(200);
    const entry = entryOf(res.body, local.id);
    expect(entry.contacts.map((c) => c.value)).toEqual(['053-000-111']);
    const focal = entry.people.find((p) => p.nameTh === focalPerson.nameTh)!;
    expect(focal).toMatchObject({ phones: [], email: null, lineId: null });
    expect(focal.hidden.sort()).toEqual(['email', 'lineId', 'phones']);
    expect(JSON.stringify(res.body)).not.toContain('5858');
  });

  it('shows members the personal fields open to all members, but not "Centre only" ones', async () => {
    const entry = entryOf((await get(SHEET, as.member)).body, local.id);
    expect(entry.contacts.map((c) => c.value)).toEqual(['053-000-111']);
    const focal = entry.people.find((p) => p.nameTh === focalPerson.nameTh)!;
    expect(focal).toMatchObject({
      phones: [{ value: '08-1234-5858' }],
      email: 'sunee@example.test',
      lineId: null,
      hidden: ['lineId'],
    });
  });

  it('shows admins everything, "Centre only" fields included', async () => {
    const entry = entryOf((await get(SHEET, as.admin)).body, local.id);
    expect(entry.contacts.map((c) => c.value)).toEqual(['053-000-111', '08-5858-5858']);
    expect(entry.people.find((p) => p.nameTh === focalPerson.nameTh)).toMatchObject({
      lineId: 'sunee-mhs',
      hidden: [],
    });
  });

  it.each([
    ['/api/v1/directory/provinces/TH-99/contact-sheet', 'params.code'],
    ['/api/v1/directory/provinces/nationwide/contact-sheet', 'params.code'],
    ['/api/v1/directory/provinces/bangkok/contact-sheet', 'params.code'],
    [`${SHEET}?service=teleportation`, 'querystring.service'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await get(url, as.member);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('refuses a province in the query: the path names it', async () => {
    const res = await get(`${SHEET}?province=TH-10`, as.member);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('province');
  });

  it('answers 401 to anyone not signed in', async () => {
    expect((await t.request('GET', SHEET)).status).toBe(401);
  });

  it('is described in the OpenAPI document, with the province as a path parameter', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = doc.paths['/api/v1/directory/provinces/{code}/contact-sheet']?.get;
    expect(operation.parameters.map((p: { name: string; in: string }) => `${p.in}.${p.name}`)).toContain(
      'path.code',
    );
    expect(operation.responses['200']).toBeDefined();
  });
});
