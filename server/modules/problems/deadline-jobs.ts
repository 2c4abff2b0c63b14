/**
 * The deadline job. A problem whose nearest deadline (`due_at`: the first official answer, N days after
 * assignment, or the next progress update, every M days while in progress) has passed is marked overdue
 * once per deadline: a timeline event `overdue` (→ the assigned organisations' org admins are notified)
 * and `overdue_notified_at`. Still overdue `escalation_days` later (per category, default 14), it is
 * escalated once: an `escalated` event (→ the Centre's admins) and `escalated_at`. A new deadline (an answer
 * moves `due_at`) starts both again. Runs on every instance: rows are claimed with SKIP LOCKED and the
 * conditions make a second run a no-op. NO KEY UPDATE, because a fan-out inserting notifications holds a
 * KEY SHARE lock on the problem (its foreign key), which FOR UPDATE would wrongly skip.
 */
import { sql } from 'drizzle-orm';
import type { ProblemEventData } from '../../../common/problem-events.ts';
import { DEFAULT_DEADLINES } from '../../../common/problems-taxonomy.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { recordProblemEvents } from './events.ts';

const BATCH = 200;
const AGENT = 'tipnet-deadline-alerts';

type Claimed = { id: string; due_at: string | Date; first_answered_at: string | Date | null };

const missedOf = (r: Claimed): ProblemEventData<'overdue'> => ({
  deadline: r.first_answered_at ? 'progress_update' : 'first_answer',
  dueAt: new Date(r.due_at).toISOString(),
});

async function record(tx: Db, now: Date, kind: 'overdue' | 'escalated', rows: Claimed[]) {
  await recordProblemEvents(
    tx,
    { actor: null, now },
    kind,
    rows.map((r) => ({ problemId: r.id, data: missedOf(r) })),
  );
  for (const r of rows)
    await recordAudit(
      tx,
      { actor: null, ip: null, userAgent: AGENT, now },
      {
        action: kind === 'overdue' ? 'problem.overdue_notified' : 'problem.escalated',
        entityType: 'problem',
        entityId: r.id,
        changes: missedOf(r),
      },
    );
}

async function markOverdue(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = rowsOf<Claimed>(
      await tx.execute(sql`
        with due as (
          select id from problems
          where state in ('assigned', 'in_progress') and due_at <= ${now.toISOString()}::timestamptz
            and (overdue_notified_at is null or overdue_notified_at < due_at)
          order by due_at limit ${BATCH}
          for no key update skip locked
        )
        update problems p set overdue_notified_at = ${now.toISOString()}::timestamptz
        from due where p.id = due.id
        returning p.id, p.due_at, p.first_answered_at
      `),
    );
    await record(tx, now, 'overdue', claimed);
    return claimed.length;
  });
}

async function escalate(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = rowsOf<Claimed>(
      await tx.execute(sql`
        with due as (
          select p.id from problems p
          left join problem_deadline_settings s on s.category = p.category
          where p.state in ('assigned', 'in_progress') and p.overdue_notified_at >= p.due_at
            and p.due_at + make_interval(days => coalesce(s.escalation_days, ${DEFAULT_DEADLINES.escalationDays}))
              <= ${now.toISOString()}::timestamptz
            and (p.escalated_at is null or p.escalated_at < p.due_at)
          order by p.due_at limit ${BATCH}
          for no key update of p skip locked
        )
        update problems p set escalated_at = ${now.toISOString()}::timestamptz
        from due where p.id = due.id
        returning p.id, p.due_at, p.first_answered_at
      `),
    );
    await record(tx, now, 'escalated', claimed);
    return claimed.length;
  });
}

/** One pass: every problem newly overdue, then every one to escalate. */
export async function runDeadlineAlerts(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now();
  let overdue = 0;
  let escalated = 0;
  for (let n = BATCH; n === BATCH; ) {
    n = await markOverdue(deps.db, now);
    overdue += n;
  }
  for (let n = BATCH; n === BATCH; ) {
    n = await escalate(deps.db, now);
    escalated += n;
  }
  return { overdue, escalated };
}
