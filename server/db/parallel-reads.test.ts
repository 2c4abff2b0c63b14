import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { parallelReads } from './parallel-reads.ts';
import { organisations } from './schema/index.ts';

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
    const first = await t.buildOrganisation({ nameEn: 'First read' });
    const second = await t.buildOrganisation({ nameEn: 'Second read' });
    const nameOf = (db: typeof t.db, id: string) => () =>
      db.select({ name: organisations.nameEn }).from(organisations).where(eq(organisations.id, id));
    const read = (db: typeof t.db) => parallelReads(db, [nameOf(db, first.id), nameOf(db, second.id)]);
    const expected = [[{ name: 'First read' }], [{ name: 'Second read' }]];
    expect(await read(t.db)).toEqual(expected);
    expect(await t.db.transaction((tx) => read(tx))).toEqual(expected);
  });
});
