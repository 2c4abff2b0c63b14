import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { releaseClientsWhoseBeginFails } from './pool-transactions.ts';
import { registerPgliteSession } from './prepared.ts';
import * as schema from './schema/index.ts';
import { registerSearchPool, searchSessionOptions } from './search-pool.ts';

/** The same typed database whichever driver runs underneath. A transaction is also a Db. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Plain SQL on the raw driver, for health checks and tooling. */
  query: (sql: string) => Promise<unknown[]>;
  close: () => Promise<void>;
  /** Runs fn on one dedicated connection (advisory locks, LISTEN). */
  withConnection: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  /**
   * LISTENs on a channel: on PostgreSQL over its own connection (re-established after a drop, then
   * `onReconnect` runs, since notifications sent meanwhile are lost); on PGlite in-process.
   * Resolves to the function that stops listening.
   */
  listen: (
    channel: string,
    onMessage: (payload: string) => void,
    onReconnect?: () => void,
  ) => Promise<() => Promise<void>>;
  /**
   * The embedded database only: a gzipped tarball of its data directory, taken between transactions
   * (none runs while it is read). Restore with `loadDataDir` (openDatabase's pgliteTemplate).
   */
  dumpDataDir?: () => Promise<Blob>;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /**
   * PostgreSQL: the server cancels any statement of this pool's connections that runs (or waits for a
   * lock) longer, so one stuck request cannot hold a connection. Absent for tools (bulk seeding).
   */
  statementTimeoutMs?: number;
  /** A dumped PGlite data directory to start from instead of running initdb (tests: ~1 s instead of ~10 s). */
  pgliteTemplate?: Blob;
};

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite (in memory when dataDir is omitted). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 20, options.statementTimeoutMs)
    : openPglite(options.dataDir, options.pgliteTemplate);
}

async function openPglite(dataDir?: string, template?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir: template });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  registerPgliteSession(db);
  return {
    db,
    driver: 'pglite',
    query: async (sql) => (await client.query(sql)).rows,
    close: () => client.close(),
    // PGlite has a single connection; every call already runs on it.
    withConnection: (fn) => fn(db),
    listen: async (channel, onMessage) => {
      const unlisten = await client.listen(channel, onMessage);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    // The checkpoint leaves little WAL to replay at restore. Holding the transaction lock then waits for
    // the open transaction and keeps new ones out while the files are read (under the query lock), so the
    // copy is taken between transactions. (exec waits for that lock too, hence the checkpoint first.)
    dumpDataDir: async () => {
      await client.exec('CHECKPOINT');
      return client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
    },
  };
}

/** Waiting longer for a pooled connection than this answers 503 instead of hanging the request. */
const CONNECT_TIMEOUT_MS = 10_000;

async function openPostgres(url: string, max: number, statementTimeoutMs?: number): Promise<Database> {
  const pool = openPool(url, max, statementTimeoutMs);
  const checkOut = releaseClientsWhoseBeginFails(pool);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  // Search reads: a few sessions set up for them once (search-pool.ts), a quarter as many as the shared
  // pool's. More searches at once would only queue for the CPU inside PostgreSQL instead of here.
  const searchPool = openPool(
    url,
    Math.max(2, Math.ceil(max / 4)),
    statementTimeoutMs,
    searchSessionOptions(),
  );
  registerSearchPool(db, drizzlePg({ client: searchPool, schema }) as unknown as Db);
  return {
    db,
    driver: 'postgres',
    query: async (sql) => (await pool.query(sql)).rows,
    close: async () => {
      await Promise.all([endPool(pool), endPool(searchPool)]);
    },
    withConnection: async (fn) => {
      const client = await checkOut();
      try {
        return await fn(drizzlePg({ client, schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    listen: (channel, onMessage, onReconnect) => listenPostgres(url, channel, onMessage, onReconnect),
  };
}

function openPool(url: string, max: number, statementTimeoutMs?: number, options?: string) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(statementTimeoutMs
      ? { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: statementTimeoutMs * 2 }
      : {}),
    ...(options ? { options } : {}),
  });
  // A client whose connection drops (terminated backend, server restart) emits 'error'. pg-pool listens
  // only while the client is idle; checked out for a transaction nobody would, and the unhandled event
  // would end the process. The query in flight still rejects and the pool discards the broken client.
  pool.on('connect', (client) => client.on('error', ignoreDroppedConnection));
  pool.on('error', ignoreDroppedConnection);
  return pool;
}

function ignoreDroppedConnection() {}

/** How long closing waits for checked-out clients before it lets the process move on. */
const CLOSE_WAIT_MS = 5_000;

/**
 * `pool.end()` waits for every checked-out client. A client lost by a failed BEGIN made it wait for ever
 * (fixed in pool-transactions.ts); should any other holder never release, give up after CLOSE_WAIT_MS so a
 * shutdown cannot hang: the server closes the dead sockets' side when the process exits.
 */
async function endPool(pool: pg.Pool) {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_WAIT_MS);
    timer.unref();
  });
  await Promise.race([pool.end(), gaveUp]);
  clearTimeout(timer);
}

const RECONNECT_MS = [500, 1_000, 2_000, 5_000, 10_000];

async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;

  async function connect() {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    c.on('error', () => dropped(c));
    c.on('end', () => dropped(c));
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = c;
    attempt = 0;
  }

  function dropped(c: pg.Client) {
    if (stopped || client !== c) return;
    client = null;
    c.end().catch(() => {});
    const again = () => {
      retry = setTimeout(
        () => {
          retry = null;
          if (stopped) return;
          connect().then(
            () => onReconnect?.(),
            () => again(),
          );
        },
        RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)],
      );
      retry.unref();
    };
    again();
  }

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
