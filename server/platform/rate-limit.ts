import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { AppError } from './errors.ts';

/**
 * Counts one hit against `key` in a fixed window and throws 429 past the limit.
 * Kept in the database so every instance behind a load balancer shares the count.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowMs: number, now: Date) {
  const { allowed, retryAfterMs } = await countRateLimitHit(db, key, limit, windowMs, now);
  if (!allowed) {
    const retryAfter = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    throw new AppError(429, 'RATE_LIMITED', 'Too many attempts; wait a minute and try again', undefined, {
      'retry-after': retryAfter,
    });
  }
}

/** Counts one hit like consumeRateLimit and says whether it was within the limit, without throwing. */
export async function countRateLimitHit(db: Db, key: string, limit: number, windowMs: number, now: Date) {
  const windowFloor = new Date(now.getTime() - windowMs);
  const result = await db.execute<{ count: number; window_start: string }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${windowFloor.toISOString()} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${windowFloor.toISOString()} then ${now.toISOString()}::timestamptz else rate_limits.window_start end
    returning count, window_start`);
  const row = rowsOf<{ count: number; window_start: string | Date }>(result)[0]!;
  return {
    allowed: row.count <= limit,
    retryAfterMs: new Date(row.window_start).getTime() + windowMs - now.getTime(),
  };
}

/**
 * A failure counter with growing waits (OWASP's advice for sign-in): `free` failures cost nothing, then
 * each further attempt waits `firstWaitMs` after the last failure, doubling with every failure up to
 * `maxWaitMs`. The count is forgotten after `forgetAfterMs` without a failure.
 */
export type Backoff = { free: number; firstWaitMs: number; maxWaitMs: number; forgetAfterMs: number };

/** How long to wait after the last failure, with `failures` counted. */
export const backoffWaitMs = (b: Backoff, failures: number) =>
  failures < b.free ? 0 : Math.min(b.maxWaitMs, b.firstWaitMs * 2 ** Math.min(failures - b.free, 30));

/**
 * Reserves one attempt under `key`, or throws 429 with Retry-After while its wait lasts. The row's count
 * is failures plus attempts in flight (so parallel guesses wait too); `window_start` is the last failure.
 * Settle every reservation with recordFailure, releaseAttempt or forgetFailures.
 */
export async function reserveAttempt(db: Db, key: string, b: Backoff, now: Date) {
  const at = now.toISOString();
  const forgetFloor = new Date(now.getTime() - b.forgetAfterMs).toISOString();
  const result = await db.execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${at}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${forgetFloor} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${forgetFloor} then ${at}::timestamptz
        else rate_limits.window_start end
    where rate_limits.window_start <= ${forgetFloor}
      or rate_limits.count < ${b.free}
      or rate_limits.window_start + least(${b.maxWaitMs}::float8,
          ${b.firstWaitMs}::float8 * power(2::float8, least(rate_limits.count - ${b.free}, 30))) / 1000.0
          * interval '1 second' <= ${at}::timestamptz
    returning count`);
  if (rowsOf(result).length > 0) return;
  const [row] = rowsOf<{ count: number; window_start: string | Date }>(
    await db.execute(sql`select count, window_start from rate_limits where key = ${key}`),
  );
  const retryAfterMs = row
    ? new Date(row.window_start).getTime() + backoffWaitMs(b, row.count) - now.getTime()
    : 1000;
  throw new AppError(429, 'RATE_LIMITED', 'Too many attempts; wait a while and try again', undefined, {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
  });
}

/** The reserved attempt failed: it stays counted, and the wait runs from now. */
export async function recordFailure(db: Db, key: string, now: Date) {
  await db.execute(sql`update rate_limits set window_start = ${now.toISOString()} where key = ${key}`);
}

/** The reserved attempt did not fail: it gives back its own reservation, and nothing else. */
export async function releaseAttempt(db: Db, key: string) {
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

/** Forgets every failure under `key` (a successful sign-in from that account and address). */
export async function forgetFailures(db: Db, key: string) {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
