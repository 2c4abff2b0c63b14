/**
 * The escalation engine: a request nobody acknowledged walks its urgency's steps (ESCALATION_POLICY in
 * common/coordination-states.ts): the unit's on-call member, the backup, the unit's heads, in loops, then
 * the Centre. Each step notifies by email with a one-tap acknowledge link, adds an `escalated` event to
 * the timeline and an audit event; a step that reaches nobody (a roster gap, no head) is recorded and
 * falls through to the next at once. Acknowledging, closing or forwarding the request stops or restarts
 * it (the queue's trigger, migration 0024).
 *
 * The tick is one indexed range scan of `coordination_escalation_queue` (one row per open unacknowledged
 * request) by due time. It runs on every instance: due rows are locked with SKIP LOCKED, and each fired
 * step inserts its unique (request, inbox, step, loop) row in the same transaction as its emails and
 * events, so a step notifies exactly once however many instances tick.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { addBusinessDays, type HolidayCalendar } from '../../../common/business-hours.ts';
import {
  ESCALATION_POLICY,
  type EscalationDelay,
  type EscalationTarget,
  escalationSchedule,
  REQUEST_TYPES,
  type RequestType,
  URGENCIES,
  type Urgency,
} from '../../../common/coordination-states.ts';
import { onCallUsers } from '../../../common/on-call.ts';
import { HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  coordinationEscalationQueue,
  coordinationEscalations,
  coordinationUnitMembers,
  coordinationUnits,
  users,
} from '../../db/schema/index.ts';
import { recordAudits } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import { signValue } from '../../platform/tokens.ts';
import { enqueueLineMessages, type LineMessage } from '../line/index.ts';
import { recordCoordinationEvents } from './events.ts';
import { holidayCalendar } from './holidays.ts';
import { noticeOfEscalations } from './notices.ts';
import { loadRosters } from './on-call.ts';

const BATCH = 100;
const AGENT = 'tipnet-coordination-escalation';
/** The job's period: a step fires at most this long after it is due (the issue asks for 60 s). */
export const ESCALATION_TICK_MS = 30_000;
export const ACK_LINK_TTL_MS = 24 * HOUR_MS;
export const ACK_LINK_PURPOSE = 'coordination-ack';

type EngineDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>;
type Due = {
  request_id: string;
  unit_id: string;
  next_index: number;
  due_at: string | Date;
  urgency: Urgency;
  type: RequestType;
  created_at: string | Date;
};

/** A signed link naming one request and one person, valid for a day. */
export function acknowledgeToken(secret: string, requestId: string, userId: string, now: Date) {
  return signValue(
    secret,
    JSON.stringify({ p: ACK_LINK_PURPOSE, r: requestId, u: userId, x: now.getTime() + ACK_LINK_TTL_MS }),
  );
}

const after = (base: Date, delay: EscalationDelay, holidays: HolidayCalendar) =>
  'ms' in delay ? new Date(base.getTime() + delay.ms) : addBusinessDays(base, delay.businessDays, holidays);

/** One pass over every due step; returns how many steps fired and how many emails were queued. */
export async function runEscalations(deps: EngineDeps) {
  const now = deps.clock.now();
  const holidays = await holidayCalendar(deps.db);
  const total = { fired: 0, emails: 0 };
  for (let n = BATCH; n === BATCH; ) {
    const batch = await escalateBatch(deps, now, holidays);
    n = batch.claimed;
    total.fired += batch.fired;
    total.emails += batch.emails;
  }
  return total;
}

async function escalateBatch(deps: EngineDeps, now: Date, holidays: HolidayCalendar) {
  return deps.db.transaction(async (tx) => {
    // NO KEY UPDATE of the request too: acknowledging locks the request first and then deletes the queue
    // row; taking both here (or skipping both) keeps the two from waiting on each other.
    const due = rowsOf<Due>(
      await tx.execute(sql`
        select q.request_id, q.unit_id, q.next_index, q.due_at, r.urgency, r.type, r.created_at
        from coordination_escalation_queue q
        join coordination_requests r on r.id = q.request_id
        where q.due_at <= ${now.toISOString()}::timestamptz
        order by q.due_at
        limit ${BATCH}
        for no key update of q, r skip locked
      `),
    );
    if (due.length === 0) return { claimed: 0, fired: 0, emails: 0 };
    const rosters = await loadRosters(
      tx,
      due.map((d) => d.unit_id),
      now,
    );
    const heads = await tx
      .select({ unitId: coordinationUnitMembers.unitId, userId: coordinationUnitMembers.userId })
      .from(coordinationUnitMembers)
      .where(
        and(
          inArray(coordinationUnitMembers.unitId, [...rosters.keys()]),
          eq(coordinationUnitMembers.role, 'head'),
        ),
      );
    const centre = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)));
    const units = await tx
      .select({
        id: coordinationUnits.id,
        nameTh: coordinationUnits.nameTh,
        nameEn: coordinationUnits.nameEn,
      })
      .from(coordinationUnits)
      .where(inArray(coordinationUnits.id, [...rosters.keys()]));

    // Who may be reached at all: active accounts (a deactivated officer on the roster is a gap).
    const everyone = [
      ...[...rosters.values()].flatMap((r) => [...r.memberIds]),
      ...heads.map((h) => h.userId),
    ];
    const active = new Set([
      ...centre.map((u) => u.id),
      ...(everyone.length
        ? await tx
            .select({ id: users.id })
            .from(users)
            .where(and(inArray(users.id, [...new Set(everyone)]), eq(users.active, true)))
        : []
      ).map((u) => u.id),
    ]);
    const recipientsOf = (unitId: string, target: EscalationTarget): string[] => {
      const roster = rosters.get(unitId)!;
      if (target === 'on_call') return onCallUsers(roster, now, 'primary', roster.memberIds);
      if (target === 'backup') return onCallUsers(roster, now, 'backup', roster.memberIds);
      if (target === 'head') return heads.filter((h) => h.unitId === unitId).map((h) => h.userId);
      return centre.map((u) => u.id);
    };

    const ctx = { actor: null, ip: null, userAgent: AGENT, now };
    // Decide every due request's steps first, then write them in a few statements (not a few per step).
    type Fired = {
      d: Due;
      target: EscalationTarget;
      step: number;
      loop: number;
      recipients: string[];
      base: Date;
    };
    const fired: Fired[] = [];
    const moves: { requestId: string; nextIndex: number; dueAt: Date | null }[] = [];
    for (const d of due) {
      const schedule = escalationSchedule(ESCALATION_POLICY[d.urgency]);
      const base = new Date(d.due_at);
      let index = d.next_index;
      while (index < schedule.length) {
        const step = schedule[index]!;
        index++;
        const recipients = recipientsOf(d.unit_id, step.target).filter((id) => active.has(id));
        fired.push({ d, target: step.target, step: step.step, loop: step.loop, recipients, base });
        // A step that reached somebody waits for the next one's delay; one that reached nobody falls through.
        if (recipients.length > 0) break;
      }
      moves.push({
        requestId: d.request_id,
        nextIndex: index,
        dueAt: index < schedule.length ? after(base, schedule[index]!.after, holidays) : null,
      });
    }
    const claimed = fired.length
      ? await tx
          .insert(coordinationEscalations)
          .values(
            fired.map((f) => ({
              requestId: f.d.request_id,
              unitId: f.d.unit_id,
              step: f.step,
              loop: f.loop,
              target: f.target,
              recipientUserIds: f.recipients,
              dueAt: f.base,
              firedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({
            requestId: coordinationEscalations.requestId,
            step: coordinationEscalations.step,
            loop: coordinationEscalations.loop,
          })
      : [];
    // A step already claimed (a queue row restored by hand) is never notified twice.
    const keys = new Set(claimed.map((c) => `${c.requestId}/${c.step}/${c.loop}`));
    const firstTime = fired.filter((f) => keys.has(`${f.d.request_id}/${f.step}/${f.loop}`));
    const dataOf = (f: Fired) => ({
      target: f.target,
      step: f.step,
      loop: f.loop,
      recipients: f.recipients.length,
      fellThrough: f.recipients.length === 0,
    });
    const events = await recordCoordinationEvents(
      tx,
      ctx,
      'escalated',
      firstTime.map((f) => ({ requestId: f.d.request_id, unitId: f.d.unit_id, data: dataOf(f) })),
    );
    const eventOf = new Map(events.map((e) => [`${e.requestId}/${e.data.step}/${e.data.loop}`, e.id]));
    await noticeOfEscalations(
      tx,
      now,
      firstTime.map((f) => ({
        requestId: f.d.request_id,
        eventId: eventOf.get(`${f.d.request_id}/${f.step}/${f.loop}`)!,
        recipients: f.recipients,
      })),
    );
    await recordAudits(
      tx,
      ctx,
      firstTime.map((f) => ({
        action: 'coordination.request_escalated',
        entityType: 'coordination_request',
        entityId: f.d.request_id,
        changes: {
          ...dataOf(f),
          unitId: f.d.unit_id,
          recipientUserIds: f.recipients,
          dueAt: f.base.toISOString(),
        },
      })),
    );
    const mails = firstTime.flatMap((f) =>
      f.recipients.map((userId) => ({ userId, request: f.d, target: f.target })),
    );
    const done = moves.filter((m) => m.dueAt === null).map((m) => m.requestId);
    if (done.length)
      await tx
        .delete(coordinationEscalationQueue)
        .where(inArray(coordinationEscalationQueue.requestId, done));
    const next = moves.filter((m) => m.dueAt !== null);
    if (next.length)
      await tx.execute(sql`
        update coordination_escalation_queue q set next_index = v.next_index, due_at = v.due_at
        from (values ${sql.join(
          next.map(
            (m) => sql`(${m.requestId}::uuid, ${m.nextIndex}::int, ${m.dueAt!.toISOString()}::timestamptz)`,
          ),
          sql`, `,
        )}) as v(request_id, next_index, due_at)
        where q.request_id = v.request_id
      `);
    const emails = await queueEmails(tx, deps, now, mails, units);
    await enqueueLineMessages(
      tx,
      deps,
      now,
      mails.map((m) =>
        escalationLineMessage(
          m,
          acknowledgeToken(deps.config.sessionSecret, m.request.request_id, m.userId, now),
        ),
      ),
    );
    return { claimed: due.length, fired: firstTime.length, emails };
  });
}

/**
 * The same alert on LINE, where officers read at 2 a.m.: critical ones under their own kind, on by default.
 * Only the urgency and the type, like the email's subject: never the request's text. It carries the same
 * acknowledge token as the email's link, for LINE's "รับทราบ" quick reply.
 */
function escalationLineMessage(
  { userId, request }: { userId: string; request: Due },
  acknowledgeToken: string,
): LineMessage {
  const entry = <T extends { code: string; th: string; en: string }>(list: readonly T[], code: string) =>
    list.find((e) => e.code === code)!;
  const urgency = entry(URGENCIES, request.urgency);
  const type = entry(REQUEST_TYPES, request.type);
  return {
    userId,
    kind: request.urgency === 'critical' ? 'criticalEscalation' : 'coordination',
    text: {
      th: `คำขอประสานงาน${urgency.th}: ${type.th} ยังไม่มีผู้ตอบรับ`,
      en: `${urgency.en} coordination request: ${type.en}, not yet acknowledged`,
    },
    path: `/coordination/requests/${request.request_id}`,
    acknowledgeToken,
  };
}

async function queueEmails(
  tx: Db,
  deps: EngineDeps,
  now: Date,
  mails: { userId: string; request: Due; target: EscalationTarget }[],
  units: { id: string; nameTh: string; nameEn: string }[],
) {
  if (mails.length === 0) return 0;
  const people = await tx
    .select({ id: users.id, email: users.email, displayName: users.displayName, language: users.language })
    .from(users)
    .where(inArray(users.id, [...new Set(mails.map((m) => m.userId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  await enqueueEmails(
    tx,
    deps,
    now,
    mails.map(({ userId, request, target }) => {
      const person = byId.get(userId)!;
      const th = person.language === 'th';
      const unit = units.find((u) => u.id === request.unit_id)!;
      const label = <T extends { code: string; th: string; en: string }>(
        list: readonly T[],
        code: string,
      ) => {
        const entry = list.find((e) => e.code === code)!;
        return th ? entry.th : entry.en;
      };
      const token = acknowledgeToken(deps.config.sessionSecret, request.request_id, userId, now);
      return {
        to: person.email,
        language: person.language,
        template: {
          kind: 'coordination_escalation' as const,
          displayName: person.displayName,
          urgencyLabel: label(URGENCIES, request.urgency),
          typeLabel: label(REQUEST_TYPES, request.type),
          unitName: th ? unit.nameTh : unit.nameEn,
          target,
          waitingMinutes: Math.max(
            0,
            Math.round((now.getTime() - new Date(request.created_at).getTime()) / MINUTE_MS),
          ),
          acknowledgeLink: `${deps.config.baseUrl}/coordination/acknowledge#token=${token}`,
        },
      };
    }),
  );
  return mails.length;
}
