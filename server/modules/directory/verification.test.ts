import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../common/time.ts';
import { auditEvents, organisations } from '../../db/schema/index.ts';
import { buildContact, buildOrganisation, buildPerson } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Cookie = { cookie: string };
let admin: Cookie;
let member: Cookie;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.signedIn({ role: 'admin' });
  member = await t.signedIn({ role: 'member' });
});
afterAll(() => t.close());

const get = (url: string, who: Cookie) => t.request('GET', url, { cookie: who.cookie });

/** A verified organisation with a hotline and a focal point, and its org admin signed in. */
async function verifiedShelter() {
  const org = await buildOrganisation(t.db, {
    nameEn: `Shelter ${Math.random()}`,
    officeHours: '08:30–16:30',
  });
  await buildContact(t.db, { organisationId: org.id, type: 'hotline_24h', value: '1300' });
  const focal = await buildPerson(t.db, {
    organisationId: org.id,
    phones: [{ type: 'phone_mobile', value: '081-234-5678' }],
    focalTopics: ['shelter'],
  });
  const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
  const verified = await t.request('POST', `/api/v1/organizations/${org.id}/verify`, {
    cookie: admin.cookie,
  });
  expect(verified.status).toBe(200);
  t.clock.advance(MINUTE_MS);
  return { org, focal, orgAdmin };
}

async function edit(id: string, who: Cookie, body: Record<string, unknown>) {
  const { body: current } = await get(`/api/v1/organizations/${id}`, who);
  const res = await t.request('PATCH', `/api/v1/organizations/${id}`, {
    cookie: who.cookie,
    body: { version: current.version, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const queue = async () => {
  const res = await get('/api/v1/directory/verification-queue', admin);
  expect(res.status).toBe(200);
  return res.body.items as { organisation: { id: string }; changes: Record<string, unknown>[] }[];
};
const inQueue = async (id: string) => (await queue()).find((i) => i.organisation.id === id);
const listed = async (id: string) => {
  const res = await get('/api/v1/organizations?limit=100', member);
  return res.body.items.find((o: { id: string }) => o.id === id);
};

describe('verification by the Centre and later edits', () => {
  it('marks the entry changed since verification when its org admin changes the hotline, for everyone', async () => {
    const { org, orgAdmin } = await verifiedShelter();
    const detail = await edit(org.id, orgAdmin, { contacts: [{ type: 'hotline_24h', value: '1111' }] });
    expect(detail.verifiedAt).not.toBeNull();
    expect(detail.changedSinceVerificationAt).toBe(t.clock.now().toISOString());
    expect(
      (await get(`/api/v1/organizations/${org.id}`, member)).body.changedSinceVerificationAt,
    ).not.toBeNull();
    expect((await listed(org.id)).changedSinceVerificationAt).not.toBeNull();
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, org.id), eq(auditEvents.action, 'organisation.updated')));
    expect(audit?.changes).toMatchObject({
      contactsChangedAt: { from: null, to: t.clock.now().toISOString() },
    });
    // A "verified only" filter no longer offers it.
    const verifiedOnly = await get('/api/v1/organizations?limit=100&verified=true', member);
    expect(verifiedOnly.body.items.map((o: { id: string }) => o.id)).not.toContain(org.id);
  });

  it('shows the Centre each changed field with its verified and current value, and re-verifies in one step', async () => {
    const { org, orgAdmin } = await verifiedShelter();
    await edit(org.id, orgAdmin, {
      officeHours: '09:00–15:00',
      contacts: [{ type: 'hotline_24h', value: '1111' }],
      descriptionTh: 'คำอธิบายใหม่',
    });
    expect((await inQueue(org.id))?.changes).toEqual([
      { field: 'officeHours', person: null, atVerification: '08:30–16:30', current: '09:00–15:00' },
      { field: 'contact:hotline_24h', person: null, atVerification: '1300', current: '1111' },
    ]);

    const res = await t.request('POST', `/api/v1/organizations/${org.id}/verify`, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.changedSinceVerificationAt).toBeNull();
    expect(res.body.verifiedAt).toBe(t.clock.now().toISOString());
    expect(await inQueue(org.id)).toBeUndefined();
    expect((await listed(org.id)).changedSinceVerificationAt).toBeNull();
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, org.id), eq(auditEvents.action, 'organisation.verified')))
      .orderBy(auditEvents.id)
      .limit(1)
      .offset(1);
    expect(audit?.changes).toMatchObject({ contactsChangedAt: { to: null } });
    // The values themselves stay out of the append-only audit log.
    expect(JSON.stringify(audit?.changes)).not.toContain('1111');
  });

  it("lists a focal point's new phone number under the person's name", async () => {
    const { org, focal, orgAdmin } = await verifiedShelter();
    const res = await t.request('PATCH', `/api/v1/people/${focal.id}`, {
      cookie: orgAdmin.cookie,
      body: { version: focal.version, phones: [{ type: 'phone_mobile', value: '089-999-0000' }] },
    });
    expect(res.status).toBe(200);
    expect((await inQueue(org.id))?.changes).toEqual([
      {
        field: 'phones',
        person: { id: focal.id, nameTh: focal.nameTh, nameEn: focal.nameEn },
        atVerification: '081-234-5678',
        current: '089-999-0000',
      },
    ]);
  });

  it('leaves the badge alone for edits outside the contact fields, and when the values return', async () => {
    const { org, orgAdmin } = await verifiedShelter();
    const described = await edit(org.id, orgAdmin, { descriptionTh: 'ปรับคำอธิบาย' });
    expect(described.changedSinceVerificationAt).toBeNull();
    await edit(org.id, orgAdmin, { officeHours: '24 ชั่วโมง' });
    const back = await edit(org.id, orgAdmin, { officeHours: '08:30–16:30' });
    expect(back.changedSinceVerificationAt).toBeNull();
    expect(await inQueue(org.id)).toBeUndefined();
  });

  it('keeps the entry verified, with the new values, when the Centre edits it itself', async () => {
    const { org, orgAdmin } = await verifiedShelter();
    await edit(org.id, orgAdmin, { officeHours: '09:00–15:00' });
    const byCentre = await edit(org.id, admin, { contacts: [{ type: 'hotline_24h', value: '1112' }] });
    expect(byCentre.changedSinceVerificationAt).toBeNull();
    expect(byCentre.verifiedAt).toBe(t.clock.now().toISOString());
    expect(await inQueue(org.id)).toBeUndefined();
    // What the Centre saw is now the verified value: its org admin's next edit is compared with it.
    await edit(org.id, orgAdmin, { contacts: [{ type: 'hotline_24h', value: '1113' }] });
    expect((await inQueue(org.id))?.changes).toEqual([
      { field: 'contact:hotline_24h', person: null, atVerification: '1112', current: '1113' },
    ]);
  });

  it('never marks an entry the Centre has not verified', async () => {
    const org = await buildOrganisation(t.db);
    const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const detail = await edit(org.id, orgAdmin, { officeHours: '10:00–12:00' });
    expect(detail.verifiedAt).toBeNull();
    expect(detail.changedSinceVerificationAt).toBeNull();
    expect(await inQueue(org.id)).toBeUndefined();
  });

  it("keeps no copy of an anonymised focal point's contacts in what was verified", async () => {
    const { org, focal, orgAdmin } = await verifiedShelter();
    const res = await t.request('POST', `/api/v1/people/${focal.id}/anonymise`, { cookie: orgAdmin.cookie });
    expect(res.status).toBe(200);
    const [row] = await t.db
      .select({ verifiedContacts: organisations.verifiedContacts })
      .from(organisations)
      .where(eq(organisations.id, org.id));
    expect(JSON.stringify(row?.verifiedContacts)).not.toContain('081-234-5678');
    expect(JSON.stringify(row?.verifiedContacts)).toContain('1300');
  });

  it('refuses to re-verify values the Centre has not seen when they changed again meanwhile', async () => {
    const { org, orgAdmin } = await verifiedShelter();
    await edit(org.id, orgAdmin, { officeHours: '09:00–15:00' });
    const seen = (await inQueue(org.id)) as unknown as { fingerprint: string };
    await edit(org.id, orgAdmin, { officeHours: '00:00–23:59' });
    const res = await t.request('POST', `/api/v1/organizations/${org.id}/verify?seen=${seen.fingerprint}`, {
      cookie: admin.cookie,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONTACTS_CHANGED_AGAIN');
    const fresh = (await inQueue(org.id)) as unknown as { fingerprint: string; changes: unknown[] };
    expect(fresh.changes).toEqual([
      { field: 'officeHours', person: null, atVerification: '08:30–16:30', current: '00:00–23:59' },
    ]);
    const again = await t.request(
      'POST',
      `/api/v1/organizations/${org.id}/verify?seen=${fresh.fingerprint}`,
      {
        cookie: admin.cookie,
      },
    );
    expect(again.status).toBe(200);
    expect(await inQueue(org.id)).toBeUndefined();
  });

  it('keeps the queue to the Centre', async () => {
    const { orgAdmin } = await verifiedShelter();
    expect((await get('/api/v1/directory/verification-queue', orgAdmin)).status).toBe(403);
    expect((await get('/api/v1/directory/verification-queue', member)).status).toBe(403);
  });
});
