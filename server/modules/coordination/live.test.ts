import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoordinationUnitRow } from '../../db/schema/index.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let requester: Who;
let officer: Who;
let outsider: Who;
let unit: CoordinationUnitRow;

beforeAll(async () => {
  t = await buildTestApp();
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Live Test', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Live Test' });
  const others = await t.buildOrganisation({ nameEn: 'Outsiders Live Test' });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  officer = await t.signedIn({ role: 'member', organisationId: labour.id, displayName: 'Officer Chai' });
  outsider = await t.signedIn({ role: 'member', organisationId: others.id });
  unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officer.user.id] });
});
afterAll(() => t.close());

async function createRequest() {
  const res = await t.request('POST', '/api/v1/coordination/requests', {
    cookie: requester.cookie,
    body: {
      receivingUnitId: unit.id,
      type: 'interpreter',
      urgency: 'critical',
      province: 'TH-85',
      language: 'my',
      peopleCount: 1,
      needs: 'ล่ามภาษาเมียนมาคืนนี้',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** An open request page's stream: read frames as they come. */
async function follow(who: Who, id: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/coordination/requests/${id}/stream`,
    headers: { origin: TEST_ORIGIN, cookie: who.cookie },
    payloadAsStream: true,
  });
  const stream = res.stream();
  let text = '';
  const iterator = stream[Symbol.asyncIterator]();
  return {
    status: res.statusCode,
    async until(pattern: RegExp) {
      while (!pattern.test(text)) {
        const next = await iterator.next();
        if (next.done) break;
        text += String(next.value);
      }
      return text;
    },
    close: () => stream.destroy(),
  };
}

describe("the requester's open request page", () => {
  it('is told when the unit acknowledges, without asking again', async () => {
    const id = await createRequest();
    const page = await follow(requester, id);
    expect(page.status).toBe(200);
    await page.until(/event: ready\n/);
    const moved = await t.request('POST', `/api/v1/coordination/requests/${id}/transitions`, {
      cookie: officer.cookie,
      body: { to: 'acknowledged' },
    });
    expect(moved.status).toBe(200);
    const text = await page.until(/event: changed\n/);
    expect(text).toContain(`event: changed\ndata: {"id":"${id}"}`);
    page.close();
  });

  it('is not told about another request', async () => {
    const watched = await createRequest();
    const other = await createRequest();
    const page = await follow(requester, watched);
    await page.until(/event: ready\n/);
    await t.request('POST', `/api/v1/coordination/requests/${other}/transitions`, {
      cookie: officer.cookie,
      body: { to: 'acknowledged' },
    });
    await t.request('POST', `/api/v1/coordination/requests/${watched}/transitions`, {
      cookie: officer.cookie,
      body: { to: 'acknowledged' },
    });
    const text = await page.until(/event: changed\n/);
    expect(text).not.toContain(other);
    page.close();
  });

  it('cannot be followed by someone outside both sides (404, existence not revealed)', async () => {
    const id = await createRequest();
    const res = await t.request('GET', `/api/v1/coordination/requests/${id}/stream`, {
      cookie: outsider.cookie,
    });
    expect(res.status).toBe(404);
  });
});

describe('a unit page', () => {
  it("shows services, coverage and languages to anyone, and members to the unit's organisation only", async () => {
    const url = `/api/v1/coordination/units/${unit.id}`;
    const own = await t.request('GET', url, { cookie: officer.cookie });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      services: ['interpretation'],
      coverage: ['TH-85'],
      languages: ['th', 'my'],
      members: [{ displayName: 'Officer Chai', role: 'member' }],
    });
    const other = await t.request('GET', url, { cookie: requester.cookie });
    expect(other.body.members).toBeNull();
    const missing = await t.request(
      'GET',
      '/api/v1/coordination/units/00000000-0000-4000-8000-000000000000',
      {
        cookie: requester.cookie,
      },
    );
    expect(missing.status).toBe(404);
  });
});
