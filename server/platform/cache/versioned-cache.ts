/**
 * Results computed from tables that change counters guard (see schema/change-counters.ts), reused for as
 * long as the counters have not moved. Validity is one indexed read of the database, so a write through
 * any instance — or straight into the database — is seen by every instance's cache at once.
 */
import { inArray, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.ts';
import { changeCounters } from '../../db/schema/index.ts';
import { approximateBytes, approximateJsonBytes } from './approximate-size.ts';

export type CounterName = 'directory' | 'problems';

const versionReads = new WeakMap<Db, Map<string, ReturnType<typeof prepareVersionRead>>>();

function prepareVersionRead(db: Db, names: CounterName[]) {
  return db
    .select({ value: sql<string | null>`sum(${changeCounters.value})` })
    .from(changeCounters)
    .where(inArray(changeCounters.name, names))
    .prepare(`change_version_${names.join('_')}`);
}

/**
 * The counters' sum: each only grows, so the sum moves exactly when one of them does — one number, one read,
 * for results that several groups of tables produce. Read on every cached request, so prepared once per
 * database (PostgreSQL then plans it once per connection).
 */
export async function changeVersion(db: Db, counters: CounterName | readonly CounterName[]): Promise<number> {
  const names = typeof counters === 'string' ? [counters] : [...counters];
  const reads = versionReads.get(db) ?? new Map<string, ReturnType<typeof prepareVersionRead>>();
  versionReads.set(db, reads);
  const key = names.join(',');
  const read = reads.get(key) ?? prepareVersionRead(db, names);
  reads.set(key, read);
  const [row] = await read.execute();
  return Number(row?.value ?? 0);
}

/** True for requests at `computedAt` ≤ now < `validUntil`, while the counters read `version`. */
type Entry<T> = { version: number; value: T; computedAt: number; validUntil: number };

export type CacheOptions = {
  /** Recompute (and store) regardless: a client that asked with Cache-Control: no-cache. */
  fresh?: boolean;
  /** The request's time, for results that stop being true at a moment (a deadline passing). */
  now?: Date;
};

/**
 * A cache holds at most `entries` results and `megabytes` of them, whichever comes first. A result counts
 * as its objects and the JSON it is sent as (serialised-once.ts keeps that string as long as the result):
 * counting the objects alone let the JSON grow the heap by as much again, outside the budget.
 * Counting entries alone let a long day of new searches fill the heap with large pages.
 */
export type CacheLimits = { name: string; entries: number; megabytes: number };

/** Every cache's live contents, per name and database, for /metrics and the soak test. */
type AnyCache = LRUCache<string, Entry<never>>;
/** Weak: a cache lives as long as its database (tests and tools open and close many). */
const everyCache = new Map<string, Set<WeakRef<AnyCache>>>();

export function cacheUsage(): { name: string; entries: number; bytes: number }[] {
  return [...everyCache.entries()].map(([name, caches]) => {
    let entries = 0;
    let bytes = 0;
    for (const ref of caches) {
      const cache = ref.deref();
      if (!cache) caches.delete(ref);
      entries += cache?.size ?? 0;
      bytes += cache?.calculatedSize ?? 0;
    }
    return { name, entries, bytes };
  });
}

export type VersionedCache<T extends object> = (
  db: Db,
  key: string,
  compute: () => Promise<T>,
  options?: CacheOptions,
) => Promise<T>;

/**
 * Within `limits` per database, least recently used dropped first. The version is read before computing:
 * a result is then at least as new as its version, never older, so it is never served after a change.
 * Requests that miss on the same key and version while it is being computed share that computation, so
 * a change does not send every waiting request to the database at once.
 * `validUntil` tells when a result turns false with time alone (a deadline in it passes): from then on
 * (by the request's `now`) it is computed again. Without it a result only ages by writes.
 */
export function versionedCache<T extends object>(
  counters: CounterName | readonly CounterName[],
  limits: CacheLimits,
  validUntil: (value: T) => Date | null = () => null,
): VersionedCache<T> {
  // Per database: tests and tools open several in one process.
  const states = new WeakMap<
    Db,
    { entries: LRUCache<string, Entry<T>>; computing: Map<string, Promise<T>> }
  >();
  return async (db, key, compute, options = {}) => {
    let found = states.get(db);
    if (!found) {
      found = {
        entries: new LRUCache<string, Entry<T>>({
          max: limits.entries,
          maxSize: limits.megabytes * 1_048_576,
          // A result larger than the whole budget is not kept (lru-cache refuses it rather than throwing).
          sizeCalculation: (e) => Math.max(1, approximateBytes(e.value) + approximateJsonBytes(e.value)),
        }),
        computing: new Map(),
      };
      states.set(db, found);
      const named = everyCache.get(limits.name) ?? new Set();
      named.add(new WeakRef(found.entries as unknown as AnyCache));
      everyCache.set(limits.name, named);
    }
    const state = found;
    const version = await changeVersion(db, counters);
    const now = options.now?.getTime() ?? Date.now();
    const entry = (value: T): Entry<T> => ({
      version,
      value,
      computedAt: now,
      validUntil: validUntil(value)?.getTime() ?? Number.POSITIVE_INFINITY,
    });
    const holds = (e: Entry<T> | undefined): e is Entry<T> =>
      e !== undefined && e.version === version && e.computedAt <= now && now < e.validUntil;
    const hit = options.fresh ? undefined : state.entries.get(key);
    if (holds(hit)) return hit.value;

    const computation = `${version}:${key}`;
    const pending = options.fresh ? undefined : state.computing.get(computation);
    // A computation already under way is shared if its result still holds at this request's time.
    if (pending) {
      const shared = await pending;
      if (now < entry(shared).validUntil) return shared;
    }
    const promise = compute().finally(() => state.computing.delete(computation));
    if (!options.fresh && !pending) state.computing.set(computation, promise);
    const value = await promise;
    state.entries.set(key, entry(value));
    return value;
  };
}
