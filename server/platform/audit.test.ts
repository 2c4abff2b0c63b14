import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../cli/audit-verify.ts';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { closeDeps, createDeps } from '../runtime.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import {
  auditEachRowOf,
  chainHash,
  GENESIS_HASH,
  recordAudit,
  recordAudits,
  verifyAuditChain,
} from './audit.ts';

const SESSION_SECRET = 'audit-test-secret-audit-test-secret!';
const onPostgres = process.env.TIPNET_TEST_DRIVER === 'pg';

/** Edits the chain as an intruder with database access would: past the append-only trigger. */
async function tamper(database: Database, statement: string) {
  await database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
  try {
    await database.query(statement);
  } finally {
    await database.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
  }
}

const ids = async (database: Database) =>
  ((await database.query('select id from audit_events order by id')) as { id: number | string }[]).map((r) =>
    Number(r.id),
  );

describe('the hash-chained audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('chains every event to the one before it, from a genesis hash', async () => {
    const { cookie, user } = await t.signedIn({ role: 'member' });
    await t.request('PATCH', '/api/v1/me', { cookie, body: { displayName: 'ชื่อใหม่' } });
    await t.request('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: 'a wrong password here' },
    });
    await t.request('POST', '/api/v1/auth/logout', { cookie });

    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(chainHash(row.prevHash, row)).toBe(row.hash);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: true,
      checked: rows.length,
      head: { id: rows.at(-1)!.id },
    });
    // Small batches walk the same chain.
    expect(await verifyAuditChain(t.db, 2)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('keeps one chain when many requests write at once', async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await t.signedIn());
    const results = await Promise.all(
      people.map(({ cookie }, i) =>
        t.request('PATCH', '/api/v1/me', { cookie, body: { displayName: `Parallel ${i}` } }),
      ),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('chains a batch written in one statement in the order given, like one call per event', async () => {
    const ctx = { actor: null, ip: null, userAgent: 'tipnet-job test', now: t.clock.now() };
    const before = await t.db.select({ id: auditEvents.id }).from(auditEvents);
    await t.db.transaction((tx) =>
      recordAudits(
        tx,
        ctx,
        ['first', 'second', 'third'].map((entityId) => ({
          action: 'test.batch',
          entityType: 'test',
          entityId,
        })),
      ),
    );
    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(rows.slice(before.length).map((r) => r.entityId)).toEqual(['first', 'second', 'third']);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('chains the event of a one-statement write, and writes none when the write wrote nothing', async () => {
    const ctx = {
      actor: null,
      ip: '192.0.2.7',
      userAgent: 'tipnet-door test',
      now: t.clock.now(),
    };
    const write = (rows: number) => {
      const source = t.db
        .$with('source')
        .as(t.db.select({ n: sql<number>`n`.as('n') }).from(sql`generate_series(1, ${rows}) as n`));
      const [audit] = auditEachRowOf(
        ctx,
        { action: 'test.one_statement', entityType: 'test', entityId: `${rows}` },
        source,
      );
      const audited = t.db.$with('audited', {}).as(audit!);
      return t.db.with(source, audited).select({ n: source.n }).from(source);
    };
    const before = await t.db.select({ id: auditEvents.id }).from(auditEvents);
    await write(0);
    await write(2);
    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    expect(rows.slice(before.length).map((r) => [r.action, r.entityId, r.ip])).toEqual([
      ['test.one_statement', '2', '192.0.2.7'],
      ['test.one_statement', '2', '192.0.2.7'],
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('refuses updates, deletes and truncation through the trigger', async () => {
    const [first] = await ids(t.deps.database);
    await expect(
      t.deps.database.query(`update audit_events set action = 'x' where id = ${first}`),
    ).rejects.toThrow(/append-only/);
    await expect(t.deps.database.query(`delete from audit_events where id = ${first}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.deps.database.query('truncate audit_events')).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('names the first edited event, and the one after a deleted event', async () => {
    const all = await ids(t.deps.database);
    expect(all.length).toBeGreaterThan(5);
    const edited = all[2]!;
    const [original] = (await t.deps.database.query(
      `select changes::text as changes from audit_events where id = ${edited}`,
    )) as {
      changes: string;
    }[];

    await tamper(
      t.deps.database,
      `update audit_events set changes = '{"reason":"nothing to see"}'::jsonb where id = ${edited}`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAt: edited,
      checked: 2,
      reason: expect.stringMatching(/edited/),
    });

    await tamper(
      t.deps.database,
      `update audit_events set changes = '${original!.changes.replace(/'/g, "''")}'::jsonb where id = ${edited}`,
    );
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    const removed = all[3]!;
    await tamper(t.deps.database, `delete from audit_events where id = ${removed}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      brokenAt: all[4],
      checked: 3,
      reason: expect.stringMatching(/link broken/),
    });
  });
});

describe('npm run audit:verify', () => {
  let t: TestApp | undefined;
  let dir: string | undefined;
  let env: NodeJS.ProcessEnv;
  /** Runs fn on the database the command reads (PGlite allows one opener at a time, so it is closed after). */
  let withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>;

  beforeAll(async () => {
    if (onPostgres) {
      t = await buildTestApp();
      env = { NODE_ENV: 'test', DATABASE_URL: t.deps.config.databaseUrl, SESSION_SECRET };
      withDatabase = (fn) => fn(t!.deps.database);
    } else {
      dir = mkdtempSync(join(tmpdir(), 'tipnet-audit-'));
      env = { NODE_ENV: 'test', DATA_DIR: dir, SESSION_SECRET, LOG_LEVEL: 'silent' };
      withDatabase = async (fn) => {
        const database = await openDatabase({ dataDir: dir });
        try {
          return await fn(database);
        } finally {
          await database.close();
        }
      };
    }
    // Write a few events the way the app does, then close so the command can open the database.
    const deps = onPostgres
      ? t!.deps
      : await createDeps(loadConfig(env), { logger: pino({ level: 'silent' }), transport: null });
    for (let i = 0; i < 5; i++) {
      await deps.db.transaction((tx) =>
        recordAudit(
          tx,
          {
            actor: null,
            ip: '203.0.113.7',
            userAgent: 'audit-test',
            now: new Date(Date.UTC(2026, 10, 26, 3, i)),
          },
          {
            action: 'test.event',
            entityType: 'test',
            entityId: String(i),
            changes: { n: i, note: 'ข้อความภาษาไทย' },
          },
        ),
      );
    }
    if (!onPostgres) await closeDeps(deps);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports an intact chain with exit code 0', async () => {
    const count = await withDatabase(async (d) => (await ids(d)).length);
    const result = await runAuditVerify(env);
    expect(result.exitCode).toBe(0);
    expect(result.message).toContain(`Audit chain intact: ${count} events verified.`);
    expect(result.message).toMatch(/Head: event \d+, hash [0-9a-f]{64}/);
  });

  it('reports an edited event by id with exit code 1', async () => {
    const target = await withDatabase(async (d) => {
      const all = await ids(d);
      await tamper(d, `update audit_events set changes = '{"n":99}'::jsonb where id = ${all[1]}`);
      return all[1]!;
    });
    const result = await runAuditVerify(env);
    expect(result.exitCode).toBe(1);
    expect(result.message).toContain(`BROKEN at event ${target}:`);
    expect(result.message).toMatch(/edited/);
  });

  it('reports a deleted event by naming the one after it', async () => {
    const { removed, next } = await withDatabase(async (d) => {
      const all = await ids(d);
      await tamper(d, `delete from audit_events where id = ${all[0]}`);
      return { removed: all[0]!, next: all[1]! };
    });
    const result = await runAuditVerify(env);
    expect(result.exitCode).toBe(1);
    expect(result.message).toContain(`BROKEN at event ${next}:`);
    expect(result.message).not.toContain(`event ${removed}:`);
    expect(result.message).toMatch(/link broken/);
  });
});
