/**
 * The SLA job: for every open request, reads its clocks (common/coordination-sla.ts) and records an
 * `sla_warning` once a target is 80 % used and an `sla_breached` once it is used up — each once per
 * (request, target, inbox). The unique index `coordination_request_events_sla_once` makes "once" hold
 * across instances running the job at the same moment: the loser's insert does nothing. Events carry the
 * time the job saw it (`at`, never back-dated) and the computed `dueAt`/`warnAt` in their data. The
 * event that is recorded notifies the receiving unit in the same transaction (notices.ts, `noticeOfSla`),
 * so a notice exists exactly when its event does: once, however many instances run the job.
 */
import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import { SLA_TARGET_NAMES, type SlaTargetName } from '../../../common/coordination-sla.ts';
import { OPEN_COORDINATION_STATES } from '../../../common/coordination-states.ts';
import { MINUTE_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { coordinationRequestEvents, coordinationRequests } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { noticeOfSla, slaRecipients } from './notices.ts';
import { slaEventsOf, slaSetting, statusOf } from './sla.ts';

const BATCH = 500;
const AGENT = 'tipnet-sla-clocks';
/** Critical targets are 15 minutes: a check every minute keeps a warning within a minute of due. */
export const SLA_JOB_EVERY_MS = MINUTE_MS;

type Alert = {
  requestId: string;
  unitId: string | null;
  kind: 'sla_warning' | 'sla_breached';
  target: SlaTargetName;
  dueAt: string;
  warnAt: string;
  policyVersion: number;
};

async function recorded(db: Db, ids: string[]) {
  const rows = await db
    .select({
      requestId: coordinationRequestEvents.requestId,
      kind: coordinationRequestEvents.kind,
      unitId: coordinationRequestEvents.unitId,
      target: sql<string>`${coordinationRequestEvents.data}->>'target'`,
    })
    .from(coordinationRequestEvents)
    .where(
      and(
        inArray(coordinationRequestEvents.requestId, ids),
        inArray(coordinationRequestEvents.kind, ['sla_warning', 'sla_breached']),
      ),
    );
  return new Set(rows.map((r) => `${r.requestId}|${r.kind}|${r.unitId}|${r.target}`));
}

/** Inserts the alert unless another run did; true when this run recorded it. */
async function record(db: Db, now: Date, alert: Alert): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { requestId, unitId, kind, ...data } = alert;
    const [row] = await tx
      .insert(coordinationRequestEvents)
      .values({ requestId, at: now, kind, actorUserId: null, actorOrganisationId: null, unitId, data })
      .onConflictDoNothing()
      .returning({ id: coordinationRequestEvents.id });
    if (!row) return false;
    await recordAudit(
      tx,
      { actor: null, ip: null, userAgent: AGENT, now },
      {
        action: kind === 'sla_warning' ? 'coordination.sla_warning' : 'coordination.sla_breached',
        entityType: 'coordination_request',
        entityId: requestId,
        changes: { unitId, ...data },
      },
    );
    if (unitId) {
      const recipients = await slaRecipients(tx, unitId, now, kind === 'sla_breached');
      await noticeOfSla(tx, now, { requestId, eventId: row.id, kind, recipients });
    }
    return true;
  });
}

/** One pass over the open requests; how many warnings and breaches it recorded. */
export async function runSlaAlerts(deps: Pick<Deps, 'db' | 'clock'>) {
  const { db } = deps;
  const now = deps.clock.now();
  const setting = await slaSetting(db);
  let warnings = 0;
  let breaches = 0;
  for (let after: string | null = null; ; ) {
    const rows = await db
      .select({
        id: coordinationRequests.id,
        urgency: coordinationRequests.urgency,
        slaPolicyVersion: coordinationRequests.slaPolicyVersion,
      })
      .from(coordinationRequests)
      .where(
        and(
          inArray(coordinationRequests.state, [...OPEN_COORDINATION_STATES]),
          after ? gt(coordinationRequests.id, after) : undefined,
        ),
      )
      .orderBy(asc(coordinationRequests.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const ids = rows.map((r) => r.id);
    const [events, done] = await Promise.all([slaEventsOf(db, ids), recorded(db, ids)]);
    for (const r of rows) {
      const status = statusOf(r, events.get(r.id) ?? [], setting, now);
      for (const target of SLA_TARGET_NAMES) {
        const clock = status.clocks[target];
        const kind = clock.state === 'breached' ? 'sla_breached' : clock.warning ? 'sla_warning' : null;
        if (!kind || !clock.dueAt || !clock.warnAt) continue;
        // A clock answered late is a breach to record; a warning only matters while it still runs.
        if (done.has(`${r.id}|${kind}|${status.unitId}|${target}`)) continue;
        const alert: Alert = {
          requestId: r.id,
          unitId: status.unitId,
          kind,
          target,
          dueAt: clock.dueAt,
          warnAt: clock.warnAt,
          policyVersion: status.policyVersion,
        };
        if (await record(db, now, alert)) kind === 'sla_warning' ? warnings++ : breaches++;
      }
    }
    if (rows.length < BATCH) break;
  }
  return { warnings, breaches };
}
