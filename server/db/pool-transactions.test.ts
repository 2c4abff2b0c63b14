import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseClientsWhoseBeginFails } from './pool-transactions.ts';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(process.env.TIPNET_TEST_DRIVER === 'pg' && url)(
  'a transaction whose connection drops as it begins',
  () => {
    let pool: pg.Pool;
    afterEach(async () => {
      if (!pool.ending) await Promise.race([pool.end(), sleep(3_000)]);
    });

    /** The connection drops between the checkout and BEGIN, as when PostgreSQL terminates it right then. */
    function dropNextCheckedOutConnection() {
      pool.once('acquire', (client: pg.PoolClient & { connection: { stream: { destroy(): void } } }) =>
        client.connection.stream.destroy(),
      );
    }

    async function runTransactionThatLosesItsConnection() {
      pool.on('connect', (client) => client.on('error', () => {}));
      const db = drizzle({ client: pool });
      await db.execute(sql`select 1`);
      dropNextCheckedOutConnection();
      await expect(db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
      return db;
    }

    it('gives the client back, so the pool keeps its slots and can close', async () => {
      pool = new pg.Pool({ connectionString: url, max: 1 });
      releaseClientsWhoseBeginFails(pool);
      const db = await runTransactionThatLosesItsConnection();

      await expect.poll(() => pool.totalCount).toBe(0);
      // With max 1, a lost slot would make this wait for ever.
      const rows = await db.transaction(async (tx) => tx.execute(sql`select 2 as two`));
      expect(rows.rows).toEqual([{ two: 2 }]);
      const closed = await Promise.race([pool.end().then(() => 'closed'), sleep(3_000).then(() => 'hung')]);
      expect(closed).toBe('closed');
    });

    it('is needed: without it the pool loses the slot (drizzle releases only after BEGIN succeeds)', async () => {
      pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_000 });
      await runTransactionThatLosesItsConnection();
      expect(pool.totalCount).toBe(1);
      await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
    });
  },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
