import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

const migrationsFolder = join(import.meta.dirname, 'migrations');
/** Arbitrary constant shared by every TIPNet instance: "TIPN" in ASCII. */
const MIGRATION_LOCK = 0x5449504e;

/** Applies pending migrations. Several instances starting at once wait for each other on an advisory lock. */
export async function migrate(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  await database.withConnection(async (db) => {
    // Waiting for another instance's migrations, or building an index on a large table, takes longer
    // than a request may; the pool's statement timeout applies again once the connection is back.
    await db.execute(sql`set statement_timeout = 0`);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(db as unknown as NodePgDatabase, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
      await db.execute(sql`reset statement_timeout`);
    }
  });
}
