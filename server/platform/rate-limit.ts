import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { AppError } from './errors.ts';

/**
 * Counts one hit against `key` in a fixed window and throws 429 past the limit.
 * Kept in the database so every instance behind a load balancer shares the count.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowMs: number, now: Date) {
  const windowFloor = new Date(now.getTime() - windowMs);
  const result = await db.execute<{ count: number; window_start: string }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${now.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= ${windowFloor.toISOString()} then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= ${windowFloor.toISOString()} then ${now.toISOString()}::timestamptz else rate_limits.window_start end
    returning count, window_start`);
  const row = rowsOf<{ count: number; window_start: string | Date }>(result)[0]!;
  if (row.count > limit) {
    const retryAfterMs = new Date(row.window_start).getTime() + windowMs - now.getTime();
    const retryAfter = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    throw new AppError(429, 'RATE_LIMITED', 'Too many attempts; wait a minute and try again', undefined, {
      'retry-after': retryAfter,
    });
  }
}
