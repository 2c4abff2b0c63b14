import type { Db } from './client.ts';

/**
 * How search reads run (see platform/search/index-reads.ts for why): no sequential scans, no JIT, no
 * parallel workers, and nothing written.
 */
export const SEARCH_READ_SETTINGS = {
  enable_seqscan: 'off',
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  default_transaction_read_only: 'on',
} as const;

/** PostgreSQL's `options` startup parameter: every session of the search pool starts with these settings. */
export const searchSessionOptions = () =>
  Object.entries(SEARCH_READ_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');

const searchPools = new WeakMap<Db, Db>();

/** Records `searchDb` as the pool of `db`'s search reads (openPostgres). */
export function registerSearchPool(db: Db, searchDb: Db) {
  searchPools.set(db, searchDb);
}

/** The pool whose sessions already hold the search settings, when `db` has one (PostgreSQL, not a transaction). */
export const searchPoolOf = (db: Db) => searchPools.get(db);
