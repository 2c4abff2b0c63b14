import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { parallelReads } from './parallel-reads.ts';

/** A read that records when it started and finished, so overlap is observable. */
function tracedRead(log: string[], name: string, ms: number) {
  return async () => {
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`end ${name}`);
    return name;
  };
}

describe('parallelReads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('starts every read at once on the pool and keeps the results in order', async () => {
    const log: string[] = [];
    const results = await parallelReads(t.db, [tracedRead(log, 'a', 20), tracedRead(log, 'b', 1)]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'start b', 'end b', 'end a']);
  });

  it('runs them one after another inside a transaction, which owns a single connection', async () => {
    const log: string[] = [];
    const results = await t.db.transaction((tx) =>
      parallelReads(tx, [tracedRead(log, 'a', 20), tracedRead(log, 'b', 1)]),
    );
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('returns what real queries read, in a transaction as on the pool', async () => {
    const read = (db: typeof t.db) =>
      parallelReads(db, [() => db.execute(sql`select 1 as n`), () => db.execute(sql`select 2 as n`)]);
    const onPool = await read(t.db);
    const inTransaction = await t.db.transaction((tx) => read(tx));
    for (const [one, two] of [onPool, inTransaction]) {
      expect(one.rows).toEqual([{ n: 1 }]);
      expect(two.rows).toEqual([{ n: 2 }]);
    }
  });
});
