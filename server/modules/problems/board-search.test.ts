/**
 * A search pages a word found in a thousand problems, alone and with a filter that leaves few, in the
 * order asked: the planner answers the first by walking an index in order and may answer the second from
 * the search index, and the page must not depend on which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../common/time.ts';
import type { ProblemRow } from '../../db/schema/index.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let viewer: { cookie: string };
let checkpoints: ProblemRow[];
const MANY = 1_010;

beforeAll(async () => {
  t = await buildTestApp();
  const reporter = await t.buildUser({});
  viewer = await t.signedIn({ role: 'member' });
  const start = t.clock.now().getTime() - MANY * MINUTE_MS;
  checkpoints = [];
  for (let n = 0; n < MANY; n++)
    checkpoints.push(
      await buildProblem(t.db, {
        reporterUserId: reporter.id,
        reporterOrganisationId: reporter.organisationId,
        title: `ด่านตรวจชายแดนแห่งที่ ${n}`,
        category: n % 500 === 7 ? 'documents_immigration' : 'inter_agency_coordination',
        supportCount: (n * 37) % 11,
        createdAt: new Date(start + n * MINUTE_MS),
      }),
    );
}, 120_000);
afterAll(() => t.close());

const ids = async (query: string) => {
  const res = await t.request('GET', `/api/v1/problems?${query}`, { cookie: viewer.cookie });
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
};
const word = `q=${encodeURIComponent('ด่านตรวจ')}`;
const newestFirst = (a: ProblemRow, b: ProblemRow) => b.createdAt.getTime() - a.createdAt.getTime();
const mostSupported = (a: ProblemRow, b: ProblemRow) =>
  b.supportCount - a.supportCount || (a.id < b.id ? 1 : -1);

describe('searching the board', () => {
  it('pages a word found in a thousand problems, by relevance and by support', async () => {
    expect(await ids(`${word}&limit=20`)).toEqual(
      checkpoints
        .toSorted(newestFirst)
        .slice(0, 20)
        .map((p) => p.id),
    );
    expect(await ids(`${word}&sort=most_supported&limit=20`)).toEqual(
      checkpoints
        .toSorted(mostSupported)
        .slice(0, 20)
        .map((p) => p.id),
    );
  });

  it('finds the few problems where a common word meets a rare filter, and none for an unknown word', async () => {
    const few = checkpoints.filter((p) => p.category === 'documents_immigration');
    expect(few).toHaveLength(3);
    expect(await ids(`${word}&category=documents_immigration&limit=20`)).toEqual(
      few.toSorted(newestFirst).map((p) => p.id),
    );
    expect(await ids(`${word}&category=documents_immigration&sort=most_supported&limit=20`)).toEqual(
      few.toSorted(mostSupported).map((p) => p.id),
    );
    expect(await ids(`q=passport&limit=20`)).toEqual([]);
  });
});
