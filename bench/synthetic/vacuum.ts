/**
 * What autovacuum would have done by now. CI's PostgreSQL runs with autovacuum off, and without it the
 * counts the review's triggers keep (migrations 0036–0051) pile up dead rows: every batch rewrites the
 * same few thousand rows and each rewrite walks longer chains. The problems came ever slower (14,000 in
 * 206 s, a batch of 250 taking 6.5 s and growing); with this, all 100,000 are written in 690–720 s.
 * Autovacuum's own thresholds: dead rows above 50 + 20 % of the live ones, changes since the last
 * analyze above 50 + 10 %.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { rowsOf } from '../../server/db/rows.ts';

export async function vacuumWhereDue(db: Db) {
  const due = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      select schemaname as schema, relname as name from pg_stat_user_tables
      where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup`),
  );
  for (const { schema, name } of due)
    await db.execute(sql`vacuum (analyze) ${sql.identifier(schema)}.${sql.identifier(name)}`);
}
