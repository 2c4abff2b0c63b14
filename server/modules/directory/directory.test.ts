import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS as DAY } from '../../../common/time.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import { buildContact, buildOrganisation, buildPerson } from '../../demo/factories.ts';
import { csvCell, toCsv } from '../../platform/csv.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { sendStaleReminders } from './stale-reminders.ts';
import { STALE_AFTER_MS } from './staleness.ts';

let t: TestApp;
type Cookie = { cookie: string };
let as: { admin: Cookie; orgAdmin: Cookie; member: Cookie; observer: Cookie; strangerAdmin: Cookie };
let shelter: Awaited<ReturnType<typeof buildOrganisation>>;

beforeAll(async () => {
  t = await buildTestApp();
  shelter = await buildOrganisation(t.db, {
    nameTh: 'บ้านพักทดสอบระนอง',
    nameEn: 'Ranong Test Shelter',
    services: ['shelter', 'interpretation'],
    coverage: ['TH-85'],
    languages: ['th', 'my'],
    createdAt: t.clock.now(),
  });
  const stranger = await buildOrganisation(t.db);
  as = {
    admin: await t.signedIn({ role: 'admin' }),
    orgAdmin: await t.signedIn({ role: 'org_admin', organisationId: shelter.id }),
    member: await t.signedIn({ role: 'member' }),
    observer: await t.signedIn({ role: 'observer' }),
    strangerAdmin: await t.signedIn({ role: 'org_admin', organisationId: stranger.id }),
  };
});
afterAll(() => t.close());

const get = (url: string, who: Cookie) => t.request('GET', url, { cookie: who.cookie });

describe('visibility of contacts', () => {
  let personId: string;
  beforeAll(async () => {
    await buildContact(t.db, { organisationId: shelter.id, type: 'hotline_24h', value: '1300' });
    await buildContact(t.db, {
      organisationId: shelter.id,
      type: 'phone_mobile',
      value: '08-1111-2222',
      visibility: 'centre_only',
    });
    personId = (
      await buildPerson(t.db, {
        organisationId: shelter.id,
        nameTh: 'สุดา ตัวอย่าง (ตัวอย่าง/Demo)',
        phones: [{ type: 'phone_mobile', value: '08-9999-0000' }],
        email: 'suda@example.test',
        lineId: 'suda-line',
        visibility: { phones: 'all_members', email: 'all_members', lineId: 'centre_only' },
        focalTopics: ['shelter'],
      })
    ).id;
  });

  const contactValues = async (who: Cookie) =>
    (await get(`/api/v1/organizations/${shelter.id}`, who)).body.contacts.map(
      (c: { value: string }) => c.value,
    );

  it('shows "Centre only" organisation contacts to admins and the organisation’s own admins only', async () => {
    expect(await contactValues(as.admin)).toEqual(['1300', '08-1111-2222']);
    expect(await contactValues(as.orgAdmin)).toEqual(['1300', '08-1111-2222']);
    expect(await contactValues(as.member)).toEqual(['1300']);
    expect(await contactValues(as.observer)).toEqual(['1300']);
    expect(await contactValues(as.strangerAdmin)).toEqual(['1300']);
  });

  it('never shows observers personal phone numbers, email or LINE', async () => {
    const res = await get(`/api/v1/people/${personId}`, as.observer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phones: [],
      email: null,
      lineId: null,
      nameTh: 'สุดา ตัวอย่าง (ตัวอย่าง/Demo)',
    });
    expect(res.body.hidden.sort()).toEqual(['email', 'lineId', 'phones']);
    expect(res.body.visibility).toBeNull();
    const page = await get(`/api/v1/organizations/${shelter.id}`, as.observer);
    expect(JSON.stringify(page.body)).not.toContain('08-9999-0000');
  });

  it('shows members the fields open to all members, and "Centre only" ones to admins', async () => {
    const member = (await get(`/api/v1/people/${personId}`, as.member)).body;
    expect(member).toMatchObject({
      phones: [{ value: '08-9999-0000' }],
      email: 'suda@example.test',
      lineId: null,
    });
    expect(member.hidden).toEqual(['lineId']);
    const admin = (await get(`/api/v1/people/${personId}`, as.admin)).body;
    expect(admin).toMatchObject({ lineId: 'suda-line', hidden: [] });
    expect(admin.visibility).toEqual({ phones: 'all_members', email: 'all_members', lineId: 'centre_only' });
  });

  it('applies the same rules to the CSV exports and the vCard', async () => {
    const observerCsv = (await get('/api/v1/people/export.csv', as.observer)).raw.body;
    expect(observerCsv).toContain('สุดา ตัวอย่าง');
    expect(observerCsv).not.toContain('08-9999-0000');
    expect(observerCsv).not.toContain('suda@example.test');
    const memberCsv = (await get('/api/v1/people/export.csv', as.member)).raw.body;
    expect(memberCsv).toContain('08-9999-0000');
    expect(memberCsv).not.toContain('suda-line');
    expect((await get('/api/v1/people/export.csv', as.admin)).raw.body).toContain('suda-line');

    const orgCsv = (await get('/api/v1/organizations/export.csv', as.member)).raw.body;
    expect(orgCsv).toContain('1300');
    expect(orgCsv).not.toContain('08-1111-2222');
    expect((await get('/api/v1/organizations/export.csv', as.admin)).raw.body).toContain('08-1111-2222');

    const card = await get(`/api/v1/people/${personId}/vcard`, as.observer);
    expect(card.status).toBe(200);
    expect(card.headers['content-type']).toContain('text/vcard');
    expect(card.raw.body).toContain('FN:สุดา ตัวอย่าง (ตัวอย่าง/Demo)');
    expect(card.raw.body).not.toContain('TEL');
    expect((await get(`/api/v1/people/${personId}/vcard`, as.member)).raw.body).toContain(
      'TEL;TYPE=CELL,VOICE:08-9999-0000',
    );
  });

  it('keeps every export of personal contacts out of browser and proxy caches', async () => {
    const exports = [
      `/api/v1/people/${personId}/vcard`,
      '/api/v1/people/export.csv',
      '/api/v1/organizations/export.csv',
      '/api/v1/directory/provinces/TH-85/contact-sheet',
      '/api/v1/problems/accountability.csv',
    ];
    const answers = [];
    for (const url of exports) {
      const res = await get(url, as.member);
      answers.push([url, res.status, res.headers['cache-control']]);
    }
    expect(answers).toEqual(exports.map((url) => [url, 200, 'no-store']));
  });
});

describe('CSV', () => {
  it('starts with a BOM so Excel reads Thai, and neutralises formula cells', async () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=HYPERLINK("http://x")', '+66 2 000'],
        ['-1', '@SUM(A1)'],
        ['\tx', '\rx'],
        ['ไทย', 'safe "quoted"'],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'+66 2 000"`);
    expect(csv).toContain(`"'-1","'@SUM(A1)"`);
    expect(csv).toContain(`"'\tx","'\rx"`);
    expect(csv).toContain('"ไทย","safe ""quoted"""');
    expect(csvCell(null)).toBe('""');
  });

  it('exports organisations with the BOM, Thai intact, a formula name neutralised', async () => {
    await buildOrganisation(t.db, { nameTh: '=cmd|"/c calc"!A1', nameEn: '@Evil Org', sector: 'private' });
    const res = await get('/api/v1/organizations/export.csv?sector=private', as.member);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('attachment');
    const body = res.raw.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF"name_th"')).toBe(true);
    expect(body).toContain(`"'=cmd|""/c calc""!A1","'@Evil Org"`);
    expect(body).not.toContain('Ranong Test Shelter');
  });

  it('exports in Thai for a Thai reader: Thai headers, labels, Buddhist-Era dates, formulas still neutralised', async () => {
    const verifiedAt = new Date('2026-12-04T20:30:00Z'); // 03:30 on 5 December in Bangkok
    await buildOrganisation(t.db, {
      nameTh: '+มูลนิธิสูตร',
      nameEn: 'Academic CSV Test',
      sector: 'academic',
      services: ['shelter'],
      verifiedAt,
    });
    const res = await get('/api/v1/organizations/export.csv?sector=academic&lang=th', as.member);
    const [header, row] = res.raw.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(header).toMatch(/^"ชื่อภาษาไทย","ชื่อภาษาอังกฤษ","ชื่อย่อ","ชื่อย่อภาษาอังกฤษ","ภาคส่วน"/);
    expect(row).toContain(`"'+มูลนิธิสูตร","Academic CSV Test"`);
    expect(row).toContain('"ภาควิชาการ"');
    expect(row).toContain('"5/12/2569 03:30"');
    expect(row).not.toContain('2026-12-04T20:30:00.000Z');
    expect(row).not.toContain('"shelter"');

    const english = await get('/api/v1/organizations/export.csv?sector=academic', as.member);
    expect(english.raw.body).toContain('"academic"');
    expect(english.raw.body).toContain('2026-12-04T20:30:00.000Z');
  });
});

describe('taxonomy validation', () => {
  it.each([
    ['/api/v1/organizations?theme=piracy', 'querystring.theme'],
    ['/api/v1/organizations?province=TH-99', 'querystring.province'],
    ['/api/v1/organizations?language=klingon', 'querystring.language'],
    ['/api/v1/directory/finder?service=teleportation&province=TH-10', 'querystring.service'],
    ['/api/v1/directory/finder?service=shelter&province=Bangkok', 'querystring.province'],
  ])('GET %s → 400 naming %s', async (url, field) => {
    const res = await get(url, as.member);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('refuses an unknown code in a body, naming the field', async () => {
    const res = await t.request('PATCH', `/api/v1/organizations/${shelter.id}`, {
      cookie: as.admin.cookie,
      body: { version: 1, services: ['shelter', 'teleportation'], coverage: ['TH-85'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain('body.services.1');
  });

  it('serves the taxonomies with a version and 77 provinces', async () => {
    const res = await get('/api/v1/taxonomies', as.observer);
    expect(res.status).toBe(200);
    expect(res.body.version).toEqual(expect.any(String));
    expect(res.body.provinces).toHaveLength(77);
    expect(res.body.services.find((s: { code: string }) => s.code === 'shelter')).toMatchObject({
      th: expect.any(String),
      en: 'Shelter',
    });
  });
});

describe('editing an organisation', () => {
  it('takes one of two edits made from the same version and answers the other 409 with the current record', async () => {
    const org = await buildOrganisation(t.db, { createdAt: t.clock.now() });
    const admin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const edit = (officeHours: string) =>
      t.request('PATCH', `/api/v1/organizations/${org.id}`, {
        cookie: admin.cookie,
        body: { version: 1, officeHours },
      });
    const [a, b] = await Promise.all([edit('08:00–16:00'), edit('09:00–17:00')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.body.version).toBe(2);
    expect(lost.body.error.code).toBe('VERSION_CONFLICT');
    expect(lost.body.error.details.currentVersion).toBe(2);
    expect(lost.body.error.details.current.workingWithUs.officeHours.th).toBe(
      won.body.workingWithUs.officeHours.th,
    );
    const now = (await get(`/api/v1/organizations/${org.id}`, as.member)).body;
    expect(now.workingWithUs.officeHours.th).toBe(won.body.workingWithUs.officeHours.th);
  });

  it('shows who changed which field in the history, and makes the change searchable', async () => {
    const org = await buildOrganisation(t.db, { createdAt: t.clock.now() });
    const res = await t.request('PATCH', `/api/v1/organizations/${org.id}`, {
      cookie: as.admin.cookie,
      body: {
        version: 1,
        howToRequestHelp: 'ส่งแบบฟอร์มคำร้องทางอีเมล',
        provinceCode: 'TH-50',
        contacts: [{ type: 'email', value: 'help@example.test' }],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.history[0]).toMatchObject({
      action: 'organisation.updated',
      actor: { displayName: expect.any(String) },
      changes: {
        howToRequestHelp: { from: null, to: 'ส่งแบบฟอร์มคำร้องทางอีเมล' },
        province: { from: null, to: 'TH-50' },
        contacts: {
          from: [],
          to: [{ type: 'email', value: 'help@example.test', label: null, visibility: 'all_members' }],
        },
      },
    });
    const found = await get(`/api/v1/organizations?q=${encodeURIComponent('แบบฟอร์มคำร้อง')}`, as.member);
    expect(found.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
  });

  it('lets an org admin edit only their own organisation', async () => {
    const res = await t.request('PATCH', `/api/v1/organizations/${shelter.id}`, {
      cookie: as.strangerAdmin.cookie,
      body: { version: 1, officeHours: 'never' },
    });
    expect(res.status).toBe(403);
  });
});

describe('the finder', () => {
  it('orders by province coverage, then language, then 24-hour hotline, then verification', async () => {
    const make = (nameEn: string, o: Parameters<typeof buildOrganisation>[1]) =>
      buildOrganisation(t.db, { nameEn, services: ['legal_aid'], createdAt: t.clock.now(), ...o });
    const nationwideBurmese = await make('Finder A nationwide Burmese', {
      coverage: ['nationwide'],
      languages: ['my'],
      verifiedAt: t.clock.now(),
    });
    const localThai = await make('Finder B local Thai', { coverage: ['TH-63'], languages: ['th'] });
    const localBurmese = await make('Finder C local Burmese', { coverage: ['TH-63'], languages: ['my'] });
    const localBurmeseHotline = await make('Finder D local Burmese hotline', {
      coverage: ['TH-63'],
      languages: ['my'],
    });
    await buildContact(t.db, {
      organisationId: localBurmeseHotline.id,
      type: 'hotline_24h',
      value: '02-555-0000',
    });
    const localBurmeseVerified = await make('Finder E local Burmese verified', {
      coverage: ['TH-63'],
      languages: ['my'],
      verifiedAt: t.clock.now(),
    });
    await make('Finder F elsewhere', { coverage: ['TH-10'], languages: ['my'] });
    await make('Finder G other service', { coverage: ['TH-63'], languages: ['my'], services: ['shelter'] });
    const focal = await buildPerson(t.db, {
      organisationId: localBurmeseHotline.id,
      focalTopics: ['legal_aid'],
    });
    await t.request('PATCH', `/api/v1/organizations/${localBurmeseHotline.id}`, {
      cookie: as.admin.cookie,
      body: { version: 1, afterHoursContact: 'โทรสายด่วน' },
    });

    const res = await get('/api/v1/directory/finder?service=legal_aid&province=TH-63&language=my', as.member);
    expect(res.status).toBe(200);
    const names = res.body.items.map((i: { organisation: { nameEn: string } }) => i.organisation.nameEn);
    expect(names).toEqual([
      localBurmeseHotline.nameEn,
      localBurmeseVerified.nameEn,
      localBurmese.nameEn,
      localThai.nameEn,
      nationwideBurmese.nameEn,
    ]);
    const top = res.body.items[0];
    expect(top).toMatchObject({
      coverage: 'province',
      languageMatch: true,
      hotlines: [{ value: '02-555-0000' }],
      afterHoursContact: 'โทรสายด่วน',
      focalPoint: { vacant: false, person: { id: focal.id, phones: [{ value: focal.phones[0]!.value }] } },
    });
    expect(res.body.items.at(-1).coverage).toBe('nationwide');

    // Without a language the same organisations come back, province coverage still first.
    const anyLanguage = await get('/api/v1/directory/finder?service=legal_aid&province=TH-63', as.member);
    expect(anyLanguage.status).toBe(200);
    expect(anyLanguage.body.items).toHaveLength(names.length);
    expect(anyLanguage.body.items.at(-1).coverage).toBe('nationwide');
  });

  it('keeps those serving the population asked, or everyone, in every combination of language and population', async () => {
    const make = (nameEn: string, o: Parameters<typeof buildOrganisation>[1]) =>
      buildOrganisation(t.db, { nameEn, services: ['medical'], createdAt: t.clock.now(), ...o });
    await make('Population A everyone', { coverage: ['TH-71'], languages: ['km'] });
    await make('Population B children', {
      coverage: ['TH-71'],
      languages: ['th'],
      populations: ['children'],
    });
    await make('Population C fishers', {
      coverage: ['TH-71'],
      languages: ['km'],
      populations: ['fishers_seafarers'],
    });
    await make('Population D elsewhere', {
      coverage: ['TH-72'],
      languages: ['km'],
      populations: ['children'],
    });
    const find = async (qs: string) => {
      const res = await get(`/api/v1/directory/finder?service=medical&${qs}`, as.member);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { organisation: { nameEn: string } }) => i.organisation.nameEn);
    };
    // Each shape runs one prepared statement; asking it twice with other values shows the values are bound.
    for (let round = 0; round < 2; round++) {
      expect(await find('province=TH-71')).toEqual([
        'Population A everyone',
        'Population B children',
        'Population C fishers',
      ]);
      expect(await find('province=TH-71&population=children')).toEqual([
        'Population A everyone',
        'Population B children',
      ]);
      expect(await find('province=TH-71&language=km&population=fishers_seafarers')).toEqual([
        'Population A everyone',
        'Population C fishers',
      ]);
      expect(await find('province=TH-71&language=th')).toEqual([
        'Population B children',
        'Population A everyone',
        'Population C fishers',
      ]);
      expect(await find('province=TH-72&population=children')).toEqual(['Population D elsewhere']);
    }
  });
});

describe('people and focal points', () => {
  it('leaves a departed person’s roles vacant until a handover moves them all, keeping the history', async () => {
    const org = await buildOrganisation(t.db, { createdAt: t.clock.now() });
    const admin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const leaving = await buildPerson(t.db, {
      organisationId: org.id,
      focalTopics: ['shelter', 'legal_aid'],
    });
    const successor = await buildPerson(t.db, { organisationId: org.id });

    const left = await t.request('PATCH', `/api/v1/people/${leaving.id}`, {
      cookie: admin.cookie,
      body: { version: 1, active: false },
    });
    expect(left.status).toBe(200);
    const page = (await get(`/api/v1/organizations/${org.id}`, as.member)).body;
    expect(page.focalPoints.map((f: { topic: string; vacant: boolean }) => [f.topic, f.vacant])).toEqual([
      ['legal_aid', true],
      ['shelter', true],
    ]);

    const handover = await t.request('POST', `/api/v1/people/${leaving.id}/handover`, {
      cookie: admin.cookie,
      body: { toPersonId: successor.id },
    });
    expect(handover.status).toBe(200);
    expect(handover.body.topics.sort()).toEqual(['legal_aid', 'shelter']);
    expect(handover.body.from.focalTopics).toEqual([]);
    expect(handover.body.to.focalTopics.map((f: { topic: string }) => f.topic)).toEqual([
      'legal_aid',
      'shelter',
    ]);
    const after = (await get(`/api/v1/organizations/${org.id}`, as.member)).body;
    expect(
      after.focalPoints.every(
        (f: { vacant: boolean; person: { id: string } }) => !f.vacant && f.person.id === successor.id,
      ),
    ).toBe(true);
  });

  it('refuses a handover to someone of another organisation', async () => {
    const org = await buildOrganisation(t.db);
    const from = await buildPerson(t.db, { organisationId: org.id, focalTopics: ['shelter'] });
    const outsider = await buildPerson(t.db);
    const res = await t.request('POST', `/api/v1/people/${from.id}/handover`, {
      cookie: as.admin.cookie,
      body: { toPersonId: outsider.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('body.toPersonId');
  });

  it('creates a person with focal topics and finds them by name', async () => {
    const res = await t.request('POST', '/api/v1/people', {
      cookie: as.orgAdmin.cookie,
      body: {
        organisationId: shelter.id,
        nameTh: 'วิภาวดี ทดสอบ (ตัวอย่าง/Demo)',
        nameEn: 'Wipawadee Test',
        focalTopics: ['interpretation'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.focalTopics.map((f: { topic: string }) => f.topic)).toEqual(['interpretation']);
    const people = await get(`/api/v1/people?q=${encodeURIComponent('วิภา')}`, as.member);
    expect(people.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    const orgs = await get('/api/v1/organizations?q=wipawadee', as.member);
    expect(orgs.body.items.map((o: { id: string }) => o.id)).toEqual([shelter.id]);
  });
});

describe('filters and facets', () => {
  it('counts each filter value as if only the other filters applied', async () => {
    const res = await get(
      '/api/v1/organizations?service=shelter&province=TH-85&facets=1&limit=100',
      as.member,
    );
    expect(res.status).toBe(200);
    const ids = res.body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(shelter.id);
    const { facets } = res.body;
    expect(facets.total).toBe(res.body.items.length);
    expect(facets.service.shelter).toBe(facets.total);
    expect(facets.province['TH-85']).toBe(facets.total);
    expect(facets.service.interpretation).toBeGreaterThanOrEqual(1);
    expect(facets.language.my).toBeGreaterThanOrEqual(1);
  });

  it('filters by 24-hour hotline and verification', async () => {
    const hotline = await get('/api/v1/organizations?hotline24h=true&limit=100', as.member);
    expect(hotline.body.items.length).toBeGreaterThan(0);
    expect(hotline.body.items.every((o: { hasHotline24h: boolean }) => o.hasHotline24h)).toBe(true);
    const verified = await get('/api/v1/organizations?verified=1&limit=100', as.member);
    expect(verified.body.items.every((o: { verifiedAt: string | null }) => o.verifiedAt !== null)).toBe(true);
  });
});

// Last: these move the clock half a year on, past every session's expiry, so they sign in afresh.
describe('stale entries', () => {
  it('marks an entry stale 180 days after its last review, on the injected clock, and a review clears it', async () => {
    const org = await buildOrganisation(t.db, { createdAt: t.clock.now(), lastReviewedAt: t.clock.now() });
    const stale = async () =>
      (await get(`/api/v1/organizations/${org.id}`, await t.signedIn({ role: 'member' }))).body.stale;
    expect(await stale()).toBe(false);
    t.clock.advance(STALE_AFTER_MS - DAY);
    expect(await stale()).toBe(false);
    t.clock.advance(DAY);
    expect(await stale()).toBe(true);
    const member = await t.signedIn({ role: 'member' });
    const list = await get('/api/v1/organizations?stale=true&limit=100&facets=1', member);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(org.id);
    expect(list.body.facets.stale).toBeGreaterThanOrEqual(1);

    const admin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const reviewed = await t.request('POST', `/api/v1/organizations/${org.id}/review`, {
      cookie: admin.cookie,
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.stale).toBe(false);
    expect(reviewed.body.lastReviewedAt).toBe(t.clock.now().toISOString());
    const refused = await t.request('POST', `/api/v1/organizations/${org.id}/review`, {
      cookie: member.cookie,
    });
    expect(refused.status).toBe(403);
  });

  it('emails the org admins once per stale period, in their language', async () => {
    const org = await buildOrganisation(t.db, {
      nameTh: 'องค์กรลืมอัปเดต',
      nameEn: 'Forgetful Org',
      createdAt: t.clock.now(),
    });
    const admin = await t.buildUser({ role: 'org_admin', organisationId: org.id, language: 'th' });
    await t.buildUser({ role: 'member', organisationId: org.id });
    const mailsTo = async () => t.db.select().from(outboxEmails).where(eq(outboxEmails.to, admin.email));

    await sendStaleReminders(t.deps);
    expect(await mailsTo()).toHaveLength(0);
    t.clock.advance(STALE_AFTER_MS + DAY);
    await sendStaleReminders(t.deps);
    const [mail] = await mailsTo();
    expect(mail).toMatchObject({ kind: 'directory_stale' });
    expect(mail!.subject).toContain('องค์กรลืมอัปเดต');
    expect(mail!.text).toContain(`/organisations/${org.id}`);
    t.clock.advance(DAY);
    await sendStaleReminders(t.deps);
    expect(await mailsTo()).toHaveLength(1);
    t.clock.advance(31 * DAY);
    await sendStaleReminders(t.deps);
    expect(await mailsTo()).toHaveLength(2);
  });
});
