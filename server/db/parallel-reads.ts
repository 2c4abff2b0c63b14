import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

type Reads = readonly (() => Promise<unknown>)[];
type Results<T extends Reads> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads at once on the pool, one after another inside a transaction: a transaction owns
 * a single connection, and overlapping queries on one pg client are deprecated (refused from pg 9).
 */
export async function parallelReads<const T extends Reads>(db: Db, reads: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return Promise.all(reads.map((read) => read())) as Promise<Results<T>>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
