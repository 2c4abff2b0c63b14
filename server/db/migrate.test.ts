import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { migrate } from './migrate.ts';
import journal from './migrations/meta/_journal.json' with { type: 'json' };

const onPostgres = process.env.TIPNET_TEST_DRIVER === 'pg';

async function tableNames(query: (sql: string) => Promise<unknown[]>) {
  const rows = (await query(
    "select table_name from information_schema.tables where table_schema = 'public' order by 1",
  )) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('apply to an empty embedded database and are a no-op the second time', async () => {
    const database = await openDatabase({});
    try {
      await migrate(database);
      await migrate(database);
      expect(await tableNames(database.query)).toEqual(
        expect.arrayContaining([
          'audit_events',
          'organisations',
          'outbox_emails',
          'sessions',
          'users',
          'invitations',
        ]),
      );
    } finally {
      await database.close();
    }
  });

  it.runIf(onPostgres)('let several instances start at once on one PostgreSQL database', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `tipnet_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const instances = await Promise.all(
      [1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })),
    );
    try {
      await Promise.all(instances.map((db) => migrate(db)));
      const applied = (await instances[0]!.query(
        'select count(*)::int as n from drizzle.__drizzle_migrations',
      )) as { n: number }[];
      // Each migration applied exactly once, however many instances raced to apply it.
      expect(applied[0]!.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(instances.map((db) => db.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
