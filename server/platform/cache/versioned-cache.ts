/**
 * Results computed from tables that a change counter guards (see schema/change-counters.ts), reused
 * for as long as the counter has not moved. Validity is one indexed read of the database, so a write
 * through any instance — or straight into the database — is seen by every instance's cache at once.
 */
import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.ts';
import { changeCounters } from '../../db/schema/index.ts';

export type CounterName = 'directory';

export async function changeVersion(db: Db, counter: CounterName): Promise<number> {
  const [row] = await db
    .select({ value: changeCounters.value })
    .from(changeCounters)
    .where(eq(changeCounters.name, counter));
  return row?.value ?? 0;
}

type Entry<T> = { version: number; value: T };

export type VersionedCache<T extends object> = (
  db: Db,
  key: string,
  compute: () => Promise<T>,
  options?: { fresh?: boolean },
) => Promise<T>;

/**
 * `max` entries per database, least recently used dropped first. The version is read before computing:
 * a result is then at least as new as its version, never older, so it is never served after a change.
 * Requests that miss on the same key and version while it is being computed share that computation, so
 * a change does not send every waiting request to the database at once.
 * `fresh` recomputes (and stores) regardless, for a client that asks with Cache-Control: no-cache.
 */
export function versionedCache<T extends object>(counter: CounterName, max: number): VersionedCache<T> {
  // Per database: tests and tools open several in one process.
  const states = new WeakMap<
    Db,
    { entries: LRUCache<string, Entry<T>>; computing: Map<string, Promise<T>> }
  >();
  return async (db, key, compute, options = {}) => {
    const state = states.get(db) ?? {
      entries: new LRUCache<string, Entry<T>>({ max }),
      computing: new Map(),
    };
    states.set(db, state);
    const version = await changeVersion(db, counter);
    const hit = options.fresh ? undefined : state.entries.get(key);
    if (hit && hit.version === version) return hit.value;

    const computation = `${version}:${key}`;
    const pending = options.fresh ? undefined : state.computing.get(computation);
    if (pending) return pending;
    const promise = compute().finally(() => state.computing.delete(computation));
    if (!options.fresh) state.computing.set(computation, promise);
    const value = await promise;
    state.entries.set(key, { version, value });
    return value;
  };
}
