/**
 * Fault drills on a real PostgreSQL: a write stuck behind a lock and a disk that refuses writes. Each ends
 * with the request answered 503 + Retry-After, nothing half-written, and the server serving again.
 * (Dropped connections: connection-drops.test.ts; a full restart: `npm run bench:drill -- --fault restart`.)
 */
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProblem } from '../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { auditEvents, problemComments, problemEvents } from './schema/index.ts';

const onPostgres = process.env.TIPNET_TEST_DRIVER === 'pg';
const STATEMENT_TIMEOUT_MS = 500;

describe.runIf(onPostgres)('fault drills on PostgreSQL', () => {
  let t: TestApp;
  let operator: pg.Client;

  beforeAll(async () => {
    t = await buildTestApp({ config: { statementTimeoutMs: STATEMENT_TIMEOUT_MS } });
    operator = new pg.Client({ connectionString: t.deps.config.databaseUrl });
    await operator.connect();
  });
  afterAll(async () => {
    await operator?.end();
    await t?.close();
  });

  async function writtenSoFar(problemId: string) {
    const [[comments], [events], [audit]] = await Promise.all([
      t.db.select({ n: count() }).from(problemComments).where(eq(problemComments.problemId, problemId)),
      t.db.select({ n: count() }).from(problemEvents).where(eq(problemEvents.problemId, problemId)),
      t.db.select({ n: count() }).from(auditEvents),
    ]);
    return { comments: comments!.n, events: events!.n, audit: audit!.n };
  }

  async function commentingOn() {
    const { user, cookie } = await t.signedIn();
    const problem = await buildProblem(t.db, { reporterUserId: user.id, state: 'in_progress' });
    const comment = (body: string) =>
      t.request('POST', `/api/v1/problems/${problem.id}/comments`, { cookie, body: { body } });
    const read = () => t.request('GET', `/api/v1/problems/${problem.id}`, { cookie });
    return { problem, comment, read };
  }

  it('cuts off a write stuck behind a lock after the statement timeout, and serves others meanwhile', async () => {
    const { problem, comment, read } = await commentingOn();
    expect((await comment('ก่อนล็อก')).status).toBe(201);
    const before = await writtenSoFar(problem.id);

    // An operator's long maintenance transaction holds the table against writes (reads still pass).
    await operator.query('begin');
    await operator.query('lock table problem_comments in exclusive mode');
    try {
      const started = Date.now();
      const stuck = await comment('ระหว่างล็อก');
      const waited = Date.now() - started;
      expect(stuck.status).toBe(503);
      expect(stuck.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(stuck.headers['retry-after']).toBeDefined();
      expect(waited).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
      expect(waited).toBeLessThan(STATEMENT_TIMEOUT_MS * 6);
      expect((await read()).status).toBe(200);
    } finally {
      await operator.query('rollback');
    }

    expect(await writtenSoFar(problem.id)).toEqual(before);
    expect((await comment('หลังล็อก')).status).toBe(201);
  });

  it('answers 503 when the disk refuses a write, writes nothing, and writes again once it has room', async () => {
    const { problem, comment, read } = await commentingOn();
    const before = await writtenSoFar(problem.id);

    // What PostgreSQL raises when it cannot extend a file: SQLSTATE 53100 disk_full.
    await operator.query(`
      create function tipnet_test_disk_full() returns trigger language plpgsql as $$
      begin
        raise exception 'could not extend file: No space left on device' using errcode = 'disk_full';
      end $$;
      create trigger tipnet_test_disk_full before insert on problem_comments
        for each row execute function tipnet_test_disk_full();`);
    try {
      const refused = await comment('ดิสก์เต็ม');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await read()).status).toBe(200);
    } finally {
      await operator.query(`
        drop trigger tipnet_test_disk_full on problem_comments;
        drop function tipnet_test_disk_full();`);
    }

    expect(await writtenSoFar(problem.id)).toEqual(before);
    expect((await comment('มีที่ว่างแล้ว')).status).toBe(201);
  });
});
