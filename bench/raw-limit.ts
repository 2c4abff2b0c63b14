/**
 * The raw-SQL limit: what PostgreSQL alone achieves on the statements an endpoint sends, at the same
 * concurrency, with no HTTP, validation, session or JSON in the way. API ÷ limit shows the app's overhead.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../server/db/client.ts';
import * as schema from '../server/db/schema/index.ts';
import { registerSearchPool, searchSessionOptions } from '../server/db/search-pool.ts';
import { percentile } from './load.ts';

/**
 * `name` when the app sends it as a prepared statement, which the replay then prepares too; `search` when
 * it went through the search reads' own sessions (their settings, db/search-pool.ts), as the replay sends it.
 */
type Statement = { text: string; values: unknown[]; name?: string; search?: boolean };

/** Runs `work` once on logging connections and returns every statement it sent. */
export async function captureStatements(databaseUrl: string, work: (db: Db, now: Date) => Promise<void>) {
  const captured: Statement[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const searchPool = new pg.Pool({ connectionString: databaseUrl, max: 1, options: searchSessionOptions() });
  const names = namesOfPrepared(pool);
  const logging = (client: pg.Pool, search: boolean) =>
    drizzle({
      client,
      schema,
      logger: { logQuery: (text, values) => captured.push({ text, values, search }) },
    }) as unknown as Db;
  const db = logging(pool, false);
  registerSearchPool(db, logging(searchPool, true));
  try {
    await work(db, new Date());
  } finally {
    await Promise.all([pool.end(), searchPool.end()]);
  }
  return captured.map((s) => (names.has(s.text) ? { ...s, name: names.get(s.text) } : s));
}

/** The names of the prepared statements sent through the pool (not through a transaction's client), by text. */
function namesOfPrepared(pool: pg.Pool) {
  const names = new Map<string, string>();
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    const { name, text } = (config ?? {}) as { name?: string; text?: string };
    if (name && text) names.set(text, name);
    return query(config, ...rest);
  }) as typeof pool.query;
  return names;
}

/** `connections` clients replay the statements in turn for `durationSeconds`; a round of all of them is one "request". */
export async function replayStatements(
  databaseUrl: string,
  statements: Statement[],
  options: { connections: number; durationSeconds: number; requestsPerRound: number },
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
  const searchPool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.connections,
    options: searchSessionOptions(),
  });
  const latencies: number[] = [];
  const perRequest = Math.max(1, Math.round(statements.length / options.requestsPerRound));
  const deadline = Date.now() + options.durationSeconds * 1000;
  let requests = 0;
  const worker = async (offset: number) => {
    const client = await pool.connect();
    const searchClient = await searchPool.connect();
    try {
      for (let i = offset; Date.now() < deadline; i += perRequest) {
        const started = performance.now();
        for (let j = 0; j < perRequest; j++) {
          const s = statements[(i + j) % statements.length]!;
          await (s.search ? searchClient : client).query({ name: s.name, text: s.text, values: s.values });
        }
        latencies.push(performance.now() - started);
        requests++;
      }
    } finally {
      client.release();
      searchClient.release();
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: options.connections }, (_, k) => worker(k * perRequest)));
  const seconds = (Date.now() - started) / 1000;
  await Promise.all([pool.end(), searchPool.end()]);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requestsPerSecond: requests / seconds,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
  };
}
