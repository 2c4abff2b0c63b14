import { lt } from 'drizzle-orm';
import { rateLimits } from '../db/schema/index.ts';
import type { Deps } from './deps.ts';
import { deleteExpiredSessions } from './sessions.ts';

const HOUR = 3_600_000;

/** Removes expired sessions and stale rate-limit windows. Safe to run on every instance at once. */
export async function runHousekeeping(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  await deleteExpiredSessions(deps.db, now);
  await deps.db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 2 * HOUR)));
}

export function startHousekeeping(deps: Deps): () => void {
  const timer = setInterval(() => {
    runHousekeeping(deps).catch((err) => deps.logger.warn({ err }, 'housekeeping failed'));
  }, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
