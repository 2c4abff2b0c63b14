import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProblem } from '../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';

const onPostgres = process.env.TIPNET_TEST_DRIVER === 'pg';

describe.runIf(onPostgres)('when PostgreSQL drops the app’s connections during writes', () => {
  let t: TestApp;
  let admin: pg.Client;
  const uncaught: unknown[] = [];
  const recordUncaught = (err: unknown) => uncaught.push(err);

  beforeAll(async () => {
    t = await buildTestApp();
    admin = new pg.Client({ connectionString: t.deps.config.databaseUrl });
    await admin.connect();
    process.on('uncaughtException', recordUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', recordUncaught);
    await admin?.end();
    await t?.close();
  });

  /** What an operator's `pg_terminate_backend` (or a failover) does: every connection but ours dies. */
  async function terminateAppConnections(): Promise<number> {
    const { rows } = await admin.query(
      `select count(*) filter (where pg_terminate_backend(pid))::int as killed
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return rows[0].killed;
  }

  it('keeps running, answers only the requests in flight with 503 and Retry-After, then serves again', async () => {
    const { user, cookie } = await t.signedIn();
    const problem = await buildProblem(t.db, { reporterUserId: user.id, state: 'in_progress' });
    const comment = (n: number) =>
      t.request('POST', `/api/v1/problems/${problem.id}/comments`, { cookie, body: { body: `บันทึก ${n}` } });
    const read = () => t.request('GET', `/api/v1/problems/${problem.id}`, { cookie });
    expect((await comment(0)).status).toBe(201);

    const statuses: number[] = [];
    const withoutRetryAfter: number[] = [];
    let running = true;
    let n = 0;
    const worker = async (i: number) => {
      while (running) {
        const res = await (i % 2 === 0 ? comment(++n) : read());
        statuses.push(res.status);
        if (res.status === 503 && res.headers['retry-after'] === undefined)
          withoutRetryAfter.push(res.status);
      }
    };
    const workers = [0, 1, 2, 3, 4, 5].map(worker);
    let killed = 0;
    // Paced by answers, not by the clock, so a slow machine cannot turn the in-flight share into most of them.
    const afterMoreAnswers = async (more: number) => {
      const target = statuses.length + more;
      for (let waited = 0; statuses.length < target && waited < 30_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    for (let drop = 0; drop < 3; drop++) {
      await afterMoreAnswers(40);
      killed += await terminateAppConnections();
    }
    await afterMoreAnswers(40);
    running = false;
    await Promise.all(workers);

    expect(killed).toBeGreaterThan(0);
    expect(uncaught).toEqual([]);
    expect(statuses.filter((s) => s !== 200 && s !== 201 && s !== 503)).toEqual([]);
    expect(withoutRetryAfter).toEqual([]);
    // Most of the load went through; only what was in flight at a termination failed.
    expect(statuses.filter((s) => s === 503).length).toBeLessThan(statuses.length / 4);
    expect((await comment(-1)).status).toBe(201);
    expect((await read()).status).toBe(200);
  });
});
