/**
 * Overdue now per agency, without grouping every overdue assignment on each load: migration 0050 keeps
 * each agency's open assignments whose deadline had passed at the clock's instant, and the hourly job
 * below moves that instant to now. Any instant gives the exact count (the deadlines between it and now
 * are added or taken away), so a job that has not run only makes the read longer.
 */
import { sql } from 'drizzle-orm';
import { HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { problemAssignments, reportAgencyOverdue, reportOverdueClock } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';

export const OVERDUE_CLOCK_EVERY_MS = HOUR_MS;

/**
 * Recounts up to `now` and moves the clock there. FOR UPDATE waits for every writer still holding the
 * clock FOR SHARE (their counts were against the old instant), so the recount, a statement after it,
 * sees them committed; writers after it wait, then count against the new instant.
 */
export async function moveOverdueClock(db: Db, now: Date) {
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${reportOverdueClock} for update`);
    await tx.delete(reportAgencyOverdue);
    await tx.execute(sql`
      insert into ${reportAgencyOverdue} (organisation_id, overdue)
      select ${problemAssignments.organisationId}, count(*)::int from ${problemAssignments}
      where ${problemAssignments.openDueAt} < ${at}::timestamptz
      group by 1`);
    await tx.update(reportOverdueClock).set({ asOf: now });
  });
}

export const runOverdueClock = (deps: Deps) => moveOverdueClock(deps.db, deps.clock.now());

/**
 * Per agency, what to add to its kept count (`report_agency_overdue`) for its assignments overdue at `now`
 * among those made before `end`: the deadlines between the clock's instant and now (added, or taken away
 * when the instant is later), less the open assignments made at or after `end` (none for a period not yet
 * over). Only agencies with a difference have a row: a few, where summing every kept count with them
 * grouped 5,000 rows per load (16 → 9 ms for the Centre's agencies statement).
 */
export function overdueChangesPerAgency(now: Date, end: Date) {
  const pa = problemAssignments;
  const n = now.toISOString();
  // A scalar subquery, read once: joined, the one-row table's missing statistics made plans of millions of rows.
  const asOf = sql`(select ${reportOverdueClock.asOf} from ${reportOverdueClock})`;
  return sql`
    select organisation_id, sum(n)::int as n from (
      select ${pa.organisationId} as organisation_id, case when ${asOf} <= ${n}::timestamptz then 1 else -1 end as n
      from ${pa}
      where ${pa.openDueAt} >= least(${asOf}, ${n}::timestamptz) and ${pa.openDueAt} < greatest(${asOf}, ${n}::timestamptz)
      union all
      select ${pa.organisationId}, -1 from ${pa}
      where ${pa.assignedAt} >= ${end.toISOString()}::timestamptz and ${pa.openDueAt} < ${n}::timestamptz
    ) changed
    group by 1`;
}
