import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.signedIn({ role: 'admin' });
});
afterAll(() => t.close());

const get = (url: string) => t.request('GET', url, { cookie: admin.cookie });
const patch = (id: string, body: Record<string, unknown>) =>
  t.request('PATCH', `/api/v1/organizations/${id}`, { cookie: admin.cookie, body });

describe('English fields of an organisation', () => {
  it('saves an English abbreviation and English "working with us" texts beside the Thai ones', async () => {
    const org = await buildOrganisation(t.db, {
      nameTh: 'กรมประมงทดสอบ',
      nameEn: 'Test Department of Fisheries',
      abbreviation: 'กปท.',
      officeHours: 'จันทร์–ศุกร์ 08:30–16:30 น.',
    });
    const res = await patch(org.id, {
      version: 1,
      abbreviationEn: 'TDOF',
      officeHoursEn: 'Mon–Fri 08:30–16:30',
      afterHoursContactEn: 'PIPO centre hotline',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ abbreviation: 'กปท.', abbreviationEn: 'TDOF' });
    expect(res.body.workingWithUs.officeHours).toEqual({
      th: 'จันทร์–ศุกร์ 08:30–16:30 น.',
      en: 'Mon–Fri 08:30–16:30',
    });
    expect(res.body.workingWithUs.afterHoursContact).toEqual({ th: null, en: 'PIPO centre hotline' });
    expect(res.body.history[0].changes).toMatchObject({
      abbreviationEn: { from: null, to: 'TDOF' },
      officeHoursEn: { from: null, to: 'Mon–Fri 08:30–16:30' },
    });

    const listed = await get(`/api/v1/organizations?q=${encodeURIComponent('TDOF')}`);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: org.id, abbreviationEn: 'TDOF' })]);
  });

  it('gives the finder and the province contact sheet the English office hours too', async () => {
    const org = await buildOrganisation(t.db, {
      services: ['shelter'],
      coverage: ['TH-85'],
      officeHours: 'ทุกวัน',
      officeHoursEn: 'Every day',
      afterHoursContact: 'สายด่วน',
    });
    const finder = await get('/api/v1/directory/finder?service=shelter&province=TH-85');
    const found = finder.body.items.find(
      (r: { organisation: { id: string } }) => r.organisation.id === org.id,
    );
    expect(found).toMatchObject({
      officeHours: 'ทุกวัน',
      officeHoursEn: 'Every day',
      afterHoursContactEn: null,
    });
    const sheet = await get('/api/v1/directory/provinces/TH-85/contact-sheet');
    const entry = sheet.body.items.find(
      (e: { organisation: { id: string } }) => e.organisation.id === org.id,
    );
    expect(entry).toMatchObject({ officeHoursEn: 'Every day', afterHoursContact: 'สายด่วน' });
  });

  it('refuses an English text over its limit with a 400 naming the field, and changes nothing', async () => {
    const org = await buildOrganisation(t.db);
    const res = await patch(org.id, { version: 1, abbreviationEn: 'X'.repeat(51), officeHoursEn: 'ok' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('abbreviationEn');
    const after = await get(`/api/v1/organizations/${org.id}`);
    expect(after.body).toMatchObject({ version: 1, abbreviationEn: null });
    expect(after.body.workingWithUs.officeHours.en).toBeNull();
  });
});

describe('English job titles', () => {
  it('saves a person’s English position beside the Thai one, and refuses one too long', async () => {
    const org = await buildOrganisation(t.db);
    const created = await t.request('POST', '/api/v1/people', {
      cookie: admin.cookie,
      body: {
        organisationId: org.id,
        nameTh: 'ทดสอบ ตำแหน่ง',
        position: 'นักสังคมสงเคราะห์',
        positionEn: 'Social worker',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ position: 'นักสังคมสงเคราะห์', positionEn: 'Social worker' });
    const detail = await get(`/api/v1/organizations/${org.id}`);
    expect(detail.body.people[0]).toMatchObject({ positionEn: 'Social worker' });

    const tooLong = await t.request('PATCH', `/api/v1/people/${created.body.id}`, {
      cookie: admin.cookie,
      body: { version: created.body.version, positionEn: 'x'.repeat(201) },
    });
    expect(tooLong.status).toBe(400);
    const after = await get(`/api/v1/people/${created.body.id}`);
    expect(after.body).toMatchObject({ positionEn: 'Social worker', version: created.body.version });
  });
});
