import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { usingSearchIndexes } from './index-reads.ts';

type Settings = { seqscan: string; jit: string; workers: string; readOnly: string };

const settingsOf = async (db: Db) =>
  rowsOf<Settings>(
    await db.execute(sql`select current_setting('enable_seqscan') as seqscan, current_setting('jit') as jit,
      current_setting('max_parallel_workers_per_gather') as workers,
      current_setting('transaction_read_only') as "readOnly"`),
  )[0]!;

/** An UPDATE of no row: refused all the same in a read-only transaction. */
const touchNothing = sql`update organisations set updated_at = updated_at where false`;
const READ_ONLY_SQL_TRANSACTION = '25006';

const SEARCH_SETTINGS: Settings = { seqscan: 'off', jit: 'off', workers: '0', readOnly: 'on' };

describe('search reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('run read-only without sequential scans, JIT or parallel workers, and leave other reads alone', async () => {
    expect(await usingSearchIndexes(t.db, settingsOf)).toEqual(SEARCH_SETTINGS);
    // Called twice, on however many connections: every search read has them.
    const many = await Promise.all(Array.from({ length: 8 }, () => usingSearchIndexes(t.db, settingsOf)));
    expect(many).toEqual(Array.from({ length: 8 }, () => SEARCH_SETTINGS));
    expect(await settingsOf(t.db)).toMatchObject({ seqscan: 'on', readOnly: 'off' });
  });

  it('have the same plan settings inside a transaction, which may still write after them', async () => {
    await t.db.transaction(async (tx) => {
      const { readOnly: _, ...plan } = SEARCH_SETTINGS;
      expect(await usingSearchIndexes(tx, settingsOf)).toMatchObject(plan);
      await tx.execute(touchNothing);
    });
  });

  it('cannot write', async () => {
    const failure = await usingSearchIndexes(t.db, (db) => db.execute(touchNothing)).then(
      () => null,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code,
    );
    expect(failure).toBe(READ_ONLY_SQL_TRANSACTION);
  });
});
