import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { runsOnSessionOf } from '../../db/prepared.ts';
import { SEARCH_READ_SETTINGS, searchPoolOf } from '../../db/search-pool.ts';

/**
 * Search reads run without sequential scans and without JIT. The planner prices a sequential scan without
 * de-TOASTing each 3–5 KB search document, so for a broad word it tested every row instead of using the
 * GIN index: 72 against 4.6 ms for 'มูลนิธิ' at 5,000 organisations, 2.6 s against 0.4 s for 'ล่าม' at
 * 100,000 problems. Every search has an index that fits. Disabling scans adds a huge constant to the cost of
 * any plan that still scans, which would trigger JIT compilation (1.5 s for a filter-only facet query);
 * these short queries never gain from it. Nor from parallel workers: at 50,000 organisations the planner
 * split a one-letter prefix's page across three processes, each building the same set of name matches,
 * and the page took 312–373 ms instead of 88–99 ms in one process, with three processes' CPU against
 * one; under the bench's 16 connections there is no idle core to lend.
 *
 * On PostgreSQL the reads go to a small pool of their own whose sessions start with these settings
 * (`search-pool.ts`): setting them in a transaction of the shared pool cost three round trips a search
 * (BEGIN, the settings, COMMIT), 10–20 % of PostgreSQL's and 15–25 % of Node's CPU for a whole search.
 * PGlite has one connection, and within a transaction (`db` is one) there is no other: there the settings
 * are set for a read-only transaction, in one statement.
 */
export function usingSearchIndexes<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  const searchPool = searchPoolOf(db);
  if (searchPool) return read(searchPool);
  const settings = Object.entries(SEARCH_READ_SETTINGS).map(
    ([name, value]) => sql`set_config(${name}, ${value}, true)`,
  );
  return db.transaction(
    async (tx) => {
      runsOnSessionOf(tx, db);
      await tx.execute(sql`select ${sql.join(settings, sql`, `)}`);
      return read(tx);
    },
    { accessMode: 'read only' },
  );
}
