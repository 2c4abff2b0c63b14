/**
 * drizzle-orm's node-postgres session checks a client out of the pool, sends BEGIN, and only then enters the
 * try/finally that releases it (drizzle-orm 0.45, `NodePgSession.transaction`). When PostgreSQL drops the
 * connection just as a transaction starts, BEGIN fails and the client is never given back: the pool keeps it
 * counted, one slot is lost for good each time, and `pool.end()` waits for it for ever (seen in
 * connection-drops.test.ts, 1 run in 3). This gives such a client back, with its error, so the pool
 * discards it.
 */
import type pg from 'pg';

type QueryArgument = string | { text?: string } | undefined;

const isBegin = (arg: QueryArgument) => {
  const text = typeof arg === 'string' ? arg : arg?.text;
  return typeof text === 'string' && /^\s*begin\b/i.test(text);
};

/**
 * Makes every client the pool hands out through `connect()` without a callback (drizzle's transaction path)
 * release itself when its BEGIN fails. `pool.query` (callback path) releases on its own and is left alone.
 * Returns the pool's original `connect`, for callers that release in their own `finally`.
 */
export function releaseClientsWhoseBeginFails(pool: pg.Pool): () => Promise<pg.PoolClient> {
  const connect = pool.connect.bind(pool) as (cb?: unknown) => Promise<pg.PoolClient> | undefined;
  const wrapped = new WeakSet<pg.PoolClient>();
  /** Clients whose current checkout is drizzle's (the pool reuses client objects across checkouts). */
  const guarded = new WeakSet<pg.PoolClient>();
  const connectGuarded = (callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      guarded.add(client);
      if (!wrapped.has(client)) {
        wrapped.add(client);
        guarded.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        client.query = ((...args: unknown[]) => {
          const result = query(...args);
          if (guarded.has(client) && isBegin(args[0] as QueryArgument) && result instanceof Promise) {
            // client.release is this checkout's release (pg-pool replaces it on every checkout).
            result.catch((err: Error) => {
              guarded.delete(client);
              client.release(err);
            });
          }
          return result;
        }) as typeof client.query;
      }
      return client;
    });
  };
  pool.connect = connectGuarded as typeof pool.connect;
  return async () => {
    const client = (await connect()) as pg.PoolClient;
    guarded.delete(client);
    return client;
  };
}
