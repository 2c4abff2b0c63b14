import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Search reads run without sequential scans and without JIT. The planner prices a sequential scan without
 * de-TOASTing each 3–5 KB search document, so for a broad word it tested every row instead of using the
 * GIN index: 72 against 4.6 ms for 'มูลนิธิ' at 5,000 organisations, 2.6 s against 0.4 s for 'ล่าม' at
 * 100,000 problems. Every search has an index that fits. Disabling scans adds a huge constant to the cost of
 * any plan that still scans, which would trigger JIT compilation (1.5 s for a filter-only facet query);
 * these short queries never gain from it. Nor from parallel workers: at 50,000 organisations the planner
 * split a one-letter prefix's page across three processes, each building the same set of name matches,
 * and the page took 312–373 ms instead of 88–99 ms in one process, with three processes' CPU against
 * one; under the bench's 16 connections there is no idle core to lend. The settings go in one statement:
 * one round trip.
 */
export function usingSearchIndexes<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(
        sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
          set_config('max_parallel_workers_per_gather', '0', true)`,
      );
      return read(tx);
    },
    { accessMode: 'read only' },
  );
}
