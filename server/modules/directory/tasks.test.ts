import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS as DAY } from '../../../common/time.ts';
import { buildOrganisation, buildPerson } from '../../demo/factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { STALE_AFTER_MS } from './staleness.ts';

const TASKS = '/api/v1/directory/tasks';
let t: TestApp;
type Cookie = { cookie: string };

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string, who: Cookie) => t.request('GET', url, { cookie: who.cookie });
const freshOrganisation = () => buildOrganisation(t.db, { createdAt: t.clock.now() });
/** A person who held `topics` and has now left the organisation, through the API as its admin would. */
async function leaver(organisationId: string, admin: Cookie, topics: ('shelter' | 'legal_aid')[]) {
  const person = await buildPerson(t.db, { organisationId, focalTopics: topics });
  const res = await t.request('PATCH', `/api/v1/people/${person.id}`, {
    cookie: admin.cookie,
    body: { version: person.version, active: false },
  });
  expect(res.status).toBe(200);
  return person;
}
const handoverIds = (body: { handovers: { person: { id: string } }[] }) =>
  body.handovers.map((task) => task.person.id);

describe('vacant focal-point roles in the task list', () => {
  it("shows an org admin the roles left vacant in their own organisation, never another's", async () => {
    const own = await freshOrganisation();
    const other = await freshOrganisation();
    const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: own.id });
    const otherAdmin = await t.signedIn({ role: 'org_admin', organisationId: other.id });
    const stillHere = await buildPerson(t.db, { organisationId: own.id, focalTopics: ['shelter'] });
    const gone = await leaver(own.id, orgAdmin, ['shelter', 'legal_aid']);
    const goneElsewhere = await leaver(other.id, otherAdmin, ['legal_aid']);
    // Someone who left holding no role leaves nothing to hand over.
    await leaver(own.id, orgAdmin, []);

    const res = await get(TASKS, orgAdmin);
    expect(res.status).toBe(200);
    expect(res.body.handovers).toEqual([
      {
        person: expect.objectContaining({ id: gone.id, active: false }),
        organisation: expect.objectContaining({ id: own.id, nameEn: own.nameEn }),
        topics: [
          { topic: 'legal_aid', since: expect.any(String) },
          { topic: 'shelter', since: expect.any(String) },
        ],
      },
    ]);
    expect(res.body.counts).toEqual({ handovers: 1, vacantRoles: 2, reviews: 0, total: 1 });
    expect(JSON.stringify(res.body)).not.toContain(goneElsewhere.id);
    expect(JSON.stringify(res.body)).not.toContain(stillHere.id);

    // Naming their own organisation is the same list; naming another is refused.
    expect((await get(`${TASKS}?organisationId=${own.id}`, orgAdmin)).body).toEqual(res.body);
    const refused = await get(`${TASKS}?organisationId=${other.id}`, orgAdmin);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('shows admins every organisation’s tasks, or one organisation’s when they filter', async () => {
    const a = await freshOrganisation();
    const b = await freshOrganisation();
    const admin = await t.signedIn({ role: 'admin' });
    const inA = await leaver(a.id, admin, ['shelter']);
    const inB = await leaver(b.id, admin, ['legal_aid']);

    const all = await get(TASKS, admin);
    expect(all.status).toBe(200);
    expect(handoverIds(all.body)).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect(all.body.counts.total).toBe(all.body.counts.handovers + all.body.counts.reviews);

    const onlyB = await get(`${TASKS}?organisationId=${b.id}`, admin);
    expect(handoverIds(onlyB.body)).toEqual([inB.id]);
    expect(onlyB.body.counts.handovers).toBe(1);
  });

  it('refuses members and observers, even for their own organisation', async () => {
    const org = await freshOrganisation();
    for (const role of ['member', 'observer'] as const) {
      const who = await t.signedIn({ role, organisationId: org.id });
      for (const url of [TASKS, `${TASKS}?organisationId=${org.id}`]) {
        const res = await get(url, who);
        expect(res.status, `${role} ${url}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect((await t.request('GET', TASKS)).status).toBe(401);
  });

  it('answers 400 naming the field for an organisation id that is not an id', async () => {
    const admin = await t.signedIn({ role: 'admin' });
    const res = await get(`${TASKS}?organisationId=not-a-uuid`, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('querystring.organisationId');
  });

  it('takes the task off the list once the roles are handed over', async () => {
    const org = await freshOrganisation();
    const orgAdmin = await t.signedIn({ role: 'org_admin', organisationId: org.id });
    const gone = await leaver(org.id, orgAdmin, ['shelter', 'legal_aid']);
    const successor = await buildPerson(t.db, { organisationId: org.id });
    expect(handoverIds((await get(TASKS, orgAdmin)).body)).toEqual([gone.id]);

    const handover = await t.request('POST', `/api/v1/people/${gone.id}/handover`, {
      cookie: orgAdmin.cookie,
      body: { toPersonId: successor.id },
    });
    expect(handover.status).toBe(200);
    const after = (await get(TASKS, orgAdmin)).body;
    expect(after.handovers).toEqual([]);
    expect(after.counts).toMatchObject({ handovers: 0, vacantRoles: 0, total: 0 });
  });
});

// Last: moves the clock half a year on, past every session's expiry, so it signs in afresh.
describe('stale entries in the task list', () => {
  it('lists an entry once it is 180 days without review, oldest first, until someone reviews it', async () => {
    const older = await freshOrganisation();
    t.clock.advance(DAY);
    const newer = await freshOrganisation();
    const orgAdmin = () => t.signedIn({ role: 'org_admin', organisationId: older.id });
    expect((await get(TASKS, await orgAdmin())).body.reviews).toEqual([]);

    t.clock.advance(STALE_AFTER_MS);
    const admin = await t.signedIn({ role: 'admin' });
    const all = (await get(TASKS, admin)).body;
    const staleIds = all.reviews.map((task: { organisation: { id: string } }) => task.organisation.id);
    expect(staleIds.indexOf(older.id)).toBeGreaterThanOrEqual(0);
    expect(staleIds.indexOf(older.id)).toBeLessThan(staleIds.indexOf(newer.id));
    expect(all.counts.reviews).toBe(all.reviews.length);

    const own = await orgAdmin();
    const mine = (await get(TASKS, own)).body;
    expect(mine.reviews).toEqual([
      {
        organisation: expect.objectContaining({ id: older.id }),
        lastReviewedAt: null,
        staleSince: new Date(older.createdAt.getTime() + STALE_AFTER_MS).toISOString(),
      },
    ]);
    expect(mine.counts).toMatchObject({ reviews: 1, total: 1 });

    const reviewed = await t.request('POST', `/api/v1/organizations/${older.id}/review`, {
      cookie: own.cookie,
    });
    expect(reviewed.status).toBe(200);
    expect((await get(TASKS, own)).body.reviews).toEqual([]);
    const stillStale = (await get(TASKS, admin)).body.reviews.map(
      (task: { organisation: { id: string } }) => task.organisation.id,
    );
    expect(stillStale).toContain(newer.id);
    expect(stillStale).not.toContain(older.id);
  });
});
