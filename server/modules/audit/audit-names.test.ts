import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the audit log names what its ids point at', () => {
  it('gives the names of the entity and of the ids inside its changes, in Thai and English', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const parent = await buildOrganisation(t.db, { nameTh: 'กรมแม่ทดสอบ', nameEn: 'Parent Test Department' });
    const child = await buildOrganisation(t.db, { nameTh: 'กองลูกทดสอบ', nameEn: 'Child Test Division' });
    const edit = await t.request('PATCH', `/api/v1/organizations/${child.id}`, {
      cookie: admin.cookie,
      body: { version: 1, parentId: parent.id },
    });
    expect(edit.status).toBe(200);

    const log = await t.request('GET', '/api/v1/audit-events?action=organisation.updated', {
      cookie: admin.cookie,
    });
    expect(log.status).toBe(200);
    const event = log.body.items.find((e: { entityId: string }) => e.entityId === child.id);
    expect(event.changes.parentId).toEqual({ from: null, to: parent.id });
    expect(log.body.names[child.id]).toEqual({ th: 'กองลูกทดสอบ', en: 'Child Test Division' });
    expect(log.body.names[parent.id]).toEqual({ th: 'กรมแม่ทดสอบ', en: 'Parent Test Department' });
  });

  it('still answers when an entity is logged under a key that is no id (a deadline setting’s category)', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const set = await t.request('PUT', '/api/v1/problems/deadline-settings/shelter_protection', {
      cookie: admin.cookie,
      body: { firstAnswerDays: 7, updateIntervalDays: 21, escalationDays: 7 },
    });
    expect(set.status).toBe(200);
    const log = await t.request('GET', '/api/v1/audit-events', { cookie: admin.cookie });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      action: 'problem.deadlines_updated',
      entityId: 'shelter_protection',
    });
  });

  it('stays the Centre’s alone: other roles get a 403, so nothing it names reaches them', async () => {
    const member = await t.signedIn({ role: 'org_admin' });
    const res = await t.request('GET', '/api/v1/audit-events', { cookie: member.cookie });
    expect(res.status).toBe(403);
  });
});
