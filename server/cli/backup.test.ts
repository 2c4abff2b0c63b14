import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { seedDemoNetwork } from '../demo/seed-demo.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { ENDPOINT_FILE, writeEndpointFile } from '../platform/local-admin.ts';
import { buildTestApp, TEST_ENCRYPTION_KEYS, type TestApp } from '../test/test-app.ts';
import { runDbBackup } from './db-backup.ts';
import { runDbRestore } from './db-restore.ts';
import { runKeysRotate } from './keys-rotate.ts';

/** Rows of every table of the public schema, by table name. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = (await database.query(
    `select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )) as { tablename: string }[];
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = (await database.query(`select count(*)::int as n from "${tablename}"`)) as { n: number }[];
    counts[tablename] = row!.n;
  }
  return counts;
}

/** The backup route exists only on the embedded database; on PostgreSQL, pg_dump is the tool. */
const onEmbedded = process.env.TIPNET_TEST_DRIVER !== 'pg';

describe('db:backup and db:restore of the embedded database', () => {
  let t: TestApp;
  let root: string;
  let serverDir: string;
  const env = (dataDir: string) => ({ NODE_ENV: 'test', DATA_DIR: dataDir });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemoNetwork(t.db, { password: 'demo-password-for-tests', now: t.clock.now() });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    root = mkdtempSync(join(tmpdir(), 'tipnet-backup-'));
    // Stands for the running server's DATA_DIR: what main.ts writes there once it listens.
    serverDir = join(root, 'live');
    mkdirSync(serverDir);
    const address = t.app.server.address();
    writeEndpointFile(serverDir, {
      host: '127.0.0.1',
      port: typeof address === 'object' && address ? address.port : 0,
      token: t.deps.localAdminToken,
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.runIf(onEmbedded)('round-trips a populated database taken from the running server', async () => {
    const before = await rowCounts(t.deps.database);
    const chainBefore = await verifyAuditChain(t.db);
    expect(before.users).toBeGreaterThan(4);
    expect(before.organisations).toBeGreaterThan(4);
    expect(chainBefore.ok && chainBefore.head).toBeTruthy();

    const file = join(root, 'backup.tar.gz');
    const started = Date.now();
    const backup = await runDbBackup(env(serverDir), file);
    const ms = Date.now() - started;
    expect(backup.exitCode, backup.message).toBe(0);
    expect(backup.message).toContain('from the running server');
    const bytes = statSync(file).size;
    console.info(`demo database backup: ${(bytes / 1024 / 1024).toFixed(2)} MB in ${ms} ms`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).filter((f) => f.includes('.partial-'))).toEqual([]);
    // Audited on the live database (after the copy, so not in it).
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'system.backup_created'));
    expect(event!.changes).toMatchObject({ bytes });

    const restoredDir = join(root, 'restored');
    const restore = await runDbRestore(env(restoredDir), file);
    expect(restore.exitCode, restore.message).toBe(0);
    const head = chainBefore.ok ? chainBefore.head! : null;
    expect(restore.message).toContain(`Head: event ${head?.id}, hash ${head?.hash}`);

    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      expect(await rowCounts(restored)).toEqual(before);
      expect(await verifyAuditChain(restored.db)).toEqual(chainBefore);
    } finally {
      await restored.close();
    }
    expect(existsSync(join(restoredDir, ENDPOINT_FILE))).toBe(false);

    // With no server on it, db:backup opens DATA_DIR itself.
    const offline = await runDbBackup(env(restoredDir), join(root, 'offline.tar.gz'));
    expect(offline.exitCode, offline.message).toBe(0);
    expect(offline.message).toContain('no server was running');

    // And never overwrites, nor restores over existing data.
    expect((await runDbBackup(env(serverDir), file)).message).toMatch(/already exists/);
    const over = await runDbRestore(env(restoredDir), file);
    expect(over.exitCode).toBe(2);
    expect(over.message).toMatch(/is not empty .*db:restore only fills an empty/);
  });

  it('refuses what is not a backup, leaving DATA_DIR as it was', async () => {
    const notGzip = join(root, 'notes.txt');
    writeFileSync(notGzip, 'hello');
    const text = await runDbRestore(env(join(root, 'a')), notGzip);
    expect(text).toEqual({ exitCode: 2, message: expect.stringMatching(/not a db:backup file/) });
    expect(existsSync(join(root, 'a'))).toBe(false);

    const garbage = join(root, 'garbage.tar.gz');
    writeFileSync(garbage, gzipSync(Buffer.from('not a tarball at all')));
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const failed = await runDbRestore(env(empty), garbage);
    expect(failed.exitCode).toBe(1);
    expect(failed.message).toMatch(/^db:restore failed and left DATA_DIR empty/);
    expect(readdirSync(empty)).toEqual([]);

    expect((await runDbRestore(env(empty), join(root, 'missing.tar.gz'))).message).toMatch(/does not exist/);
    expect((await runDbRestore(env(empty))).exitCode).toBe(2);
  });

  it.runIf(onEmbedded)(
    'answers only local callers with the token, and leaves no file when refused',
    async () => {
      const token = t.deps.localAdminToken;
      const from = async (remoteAddress: string, authorization?: string) =>
        (
          await t.app.inject({
            method: 'GET',
            url: '/internal/backup',
            remoteAddress,
            headers: authorization ? { authorization } : {},
          })
        ).statusCode;
      expect(await from('203.0.113.9', `Bearer ${token}`)).toBe(403);
      expect(await from('127.0.0.1')).toBe(403);
      expect(await from('127.0.0.1', `Bearer ${token.slice(1)}x`)).toBe(403);

      const wrongDir = join(root, 'wrong-token');
      mkdirSync(wrongDir);
      const address = t.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      writeEndpointFile(wrongDir, { host: '0.0.0.0', port, token: 'not-the-token' });
      const refused = await runDbBackup(env(wrongDir), join(root, 'refused.tar.gz'));
      expect(refused.exitCode).toBe(1);
      expect(refused.message).toMatch(/^db:backup wrote nothing: the server refused \(403\)/);
      expect(readdirSync(root).filter((f) => f.startsWith('refused'))).toEqual([]);
    },
  );

  it('points PostgreSQL to pg_dump / pg_restore, and keeps other tools off a running server', async () => {
    const pg = { ...env(serverDir), DATABASE_URL: 'postgres://localhost/tipnet' };
    expect((await runDbBackup(pg, join(root, 'pg.tar.gz'))).message).toMatch(/pg_dump -Fc/);
    expect((await runDbRestore(pg, join(root, 'backup.tar.gz'))).message).toMatch(/pg_restore/);
    const rotate = await runKeysRotate({ ...env(serverDir), TIPNET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS });
    expect(rotate.exitCode).toBe(2);
    expect(rotate.message).toMatch(/is running on .*stop it first/);
  });
});
