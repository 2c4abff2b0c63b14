import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { executePrepared, runsOnSessionOf, selectPrepared } from './prepared.ts';
import { rowsOf } from './rows.ts';
import { organisations } from './schema/index.ts';

const onPglite = process.env.TIPNET_TEST_DRIVER !== 'pg';

describe('prepared statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.buildOrganisation({ nameEn: 'First' });
    await t.buildOrganisation({ nameEn: 'Second' });
  });
  afterAll(() => t.close());

  /** How many statements PGlite's one session holds whose text contains `marker`. */
  const preparedWith = async (marker: string) =>
    rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
      ),
    )[0]!.n;

  it('returns what the statement returns, whatever the values hold', async () => {
    const values = ["it's", 'back\\slash \\', "ไทย'); drop table organisations; --", '', '$1'];
    for (const round of [1, 2]) {
      for (const value of values) {
        const rows = rowsOf(
          await executePrepared(
            t.db,
            sql`select ${value}::text as value, ${round}::int as round, 'values' as m`,
          ),
        );
        expect(rows).toEqual([{ value, round, m: 'values' }]);
      }
    }
    const [count] = await t.db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    expect(count!.n).toBeGreaterThanOrEqual(2);
  });

  it('decodes rows as awaiting the builder does', async () => {
    const selection = {
      id: organisations.id,
      nameEn: organisations.nameEn,
      createdAt: organisations.createdAt,
      named: sql<boolean>`${organisations.nameEn} is not null`,
    };
    const statement = t.db.select(selection).from(organisations).orderBy(asc(organisations.nameEn)).limit(5);
    const expected = await statement;
    expect(expected[0]!.createdAt).toBeInstanceOf(Date);
    expect(await selectPrepared(t.db, statement, selection)).toEqual(expected);
    expect(await selectPrepared(t.db, statement, selection)).toEqual(expected);
  });

  it('on PGlite, prepares a statement once for its session, transactions and rollbacks included', async () => {
    const statement = sql`select ${'x'}::text as x, 'once-per-session' as m`;
    await t.db
      .transaction(async (tx) => {
        runsOnSessionOf(tx, t.db);
        expect(rowsOf(await executePrepared(tx, statement))).toEqual([{ x: 'x', m: 'once-per-session' }]);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(rowsOf(await executePrepared(t.db, statement))).toEqual([{ x: 'x', m: 'once-per-session' }]);
    await t.db.transaction(async (tx) => {
      runsOnSessionOf(tx, t.db);
      expect(rowsOf(await executePrepared(tx, statement))).toEqual([{ x: 'x', m: 'once-per-session' }]);
    });
    if (onPglite) expect(await preparedWith('once-per-session')).toBe(1);
  });

  it('answers requests that first use a statement at the same moment', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) =>
        rowsOf(await executePrepared(t.db, sql`select ${n}::int as n, 'at-once' as m`)),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5].map((n) => [{ n, m: 'at-once' }]));
    if (onPglite) expect(await preparedWith('at-once')).toBe(1);
  });

  it('fails as the statement would, and prepares it once it can run', async () => {
    await expect(executePrepared(t.db, sql`select nonexistent_column, 'fails-first' as m`)).rejects.toThrow();
    const rows = rowsOf(await executePrepared(t.db, sql`select 1 as one, 'fails-first' as m`));
    expect(rows).toEqual([{ one: 1, m: 'fails-first' }]);
  });
});
