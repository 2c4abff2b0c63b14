import { lt } from 'drizzle-orm';
import { HOUR_MS } from '../../common/time.ts';
import { rateLimits } from '../db/schema/index.ts';
import type { Deps } from './deps.ts';
import type { Job } from './jobs.ts';
import { deleteExpiredSessions } from './sessions.ts';

/** Removes expired sessions and stale rate-limit windows. Safe to run on every instance at once. */
export async function runHousekeeping(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  await deleteExpiredSessions(deps.db, now);
  await deps.db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 2 * HOUR_MS)));
}

export const housekeepingJob: Job = { name: 'housekeeping', everyMs: HOUR_MS, run: runHousekeeping };
