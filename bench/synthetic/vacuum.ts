/**
 * What autovacuum would have done by now. CI's PostgreSQL runs with autovacuum off, and without it the
 * counts the review's triggers keep (migrations 0036–0050) pile up dead rows: every batch rewrites the
 * same few thousand rows, each rewrite walks longer chains: the problems came ever slower (14,000 in
 * 206 s, a batch of 250 taking 6.5 s and growing), where with this all 100,000 are written in 690 s. Its
 * own thresholds: dead rows above 50 + 20 % of the live ones, changes since the last
 * analyze above 50 + 10 %.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { rowsOf } from '../../server/db/rows.ts';

export async function vacuumWhereDue(db: Db) {
  const due = rowsOf<{ name: string }>(
    await db.execute(sql`
      select relname as name from pg_stat_user_tables
      where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup`),
  );
  for (const { name } of due) await db.execute(sql`vacuum (analyze) ${sql.identifier(name)}`);
}
