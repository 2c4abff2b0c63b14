import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let orgAdmin: { cookie: string };
let organisationId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const org = await buildOrganisation(t.db, { createdAt: t.clock.now() });
  organisationId = org.id;
  orgAdmin = await t.signedIn({ role: 'org_admin', organisationId });
});
afterAll(() => t.close());

const page = async () => (await t.request('GET', `/api/v1/organizations/${organisationId}`, orgAdmin)).body;
const editContacts = async (contacts: unknown[]) =>
  t.request('PATCH', `/api/v1/organizations/${organisationId}`, {
    cookie: orgAdmin.cookie,
    body: { version: (await page()).version, contacts },
  });
const fieldsOf = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field);

describe('contact values', () => {
  it('refuses a hotline that is not a phone number, naming the field, and keeps the entry as it was', async () => {
    const before = await page();
    const res = await editContacts([{ type: 'hotline_24h', value: 'abc-not-a-phone' }]);
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toContain('body.contacts.0.value');
    const after = await page();
    expect(after.version).toBe(before.version);
    expect(after.contacts).toEqual(before.contacts);
  });

  it('stores Thai, short and international numbers in the form the call button dials', async () => {
    const res = await editContacts([
      { type: 'phone_mobile', value: '0812345678' },
      { type: 'hotline_24h', value: '๑๓๐๐' },
      { type: 'phone_office', value: '+66 2 141 1234' },
      { type: 'phone_office', value: '+95 9 123 456 789' },
    ]);
    expect(res.status).toBe(200);
    const values = (await page()).contacts.map((c: { value: string }) => c.value);
    expect(values).toEqual(
      expect.arrayContaining(['081-234-5678', '1300', '02-141-1234', '+95 9 12345 6789']),
    );
  });

  it('refuses an email, LINE id or website contact that is not one', async () => {
    for (const contact of [
      { type: 'email', value: 'not an address' },
      { type: 'line', value: 'ไลน์ของฉัน' },
      { type: 'website', value: 'javascript:alert(1)' },
      { type: 'fax', value: '12' },
    ]) {
      const res = await editContacts([contact]);
      expect(res.status, contact.type).toBe(400);
      expect(fieldsOf(res), contact.type).toContain('body.contacts.0.value');
    }
  });

  it('refuses a person whose phone is not a number, and stores a good one normalised', async () => {
    const bad = await t.request('POST', '/api/v1/people', {
      cookie: orgAdmin.cookie,
      body: { organisationId, nameTh: 'สมชาย ทดสอบ', phones: [{ type: 'phone_mobile', value: 'call me' }] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toContain('body.phones.0.value');

    const good = await t.request('POST', '/api/v1/people', {
      cookie: orgAdmin.cookie,
      body: {
        organisationId,
        nameTh: 'สมชาย ทดสอบ',
        phones: [{ type: 'phone_mobile', value: '08 9999 0000' }],
      },
    });
    expect(good.status).toBe(201);
    expect(good.body.phones).toEqual([{ type: 'phone_mobile', value: '089-999-0000' }]);
  });
});
