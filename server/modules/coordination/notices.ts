/**
 * Who hears in-app of what happens to a request (the notifications module writes the rows):
 * - each escalation step: the people it reached (on call, backup, heads, the Centre), so a new request
 *   reaches the on-call officer's bell with its first step;
 * - a move made by the unit (acknowledge, accept, decline, forward, hold, outcome): the requester;
 * - a move made by the requester (answering a question, cancelling) and the rating: the officer who
 *   acknowledged it for the unit, if anyone has;
 * - an SLA warning (80 % of a target used) or breach: the receiving unit's members on call now (primary,
 *   else backup, else every member: a roster gap never silences it), and on a breach the unit's heads
 *   too. Never the requester: the clock is the unit's to keep, the requester already sees it live on the
 *   request page, and a "your request is late" ping is not something the requester can act on.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { CoordinationParty } from '../../../common/coordination-states.ts';
import { onCallUsers } from '../../../common/on-call.ts';
import type { Db } from '../../db/client.ts';
import { type CoordinationRequestRow, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notifyRequestEvents, type RequestNotice } from '../notifications/index.ts';
import { loadRosters } from './on-call.ts';

type Request = Pick<CoordinationRequestRow, 'id' | 'requesterUserId' | 'acknowledgedByUserId'>;

const handler = (r: Request): RequestNotice['recipients'] =>
  r.acknowledgedByUserId ? [{ userId: r.acknowledgedByUserId, reason: 'handling' }] : [];

/** `r` as it was before the move; `asUnit`: the actor moved it as a member of the receiving unit. */
export async function noticeOfMove(
  tx: Db,
  ctx: RequestContext,
  r: Request,
  eventId: number,
  asUnit: boolean,
) {
  await notifyRequestEvents(tx, ctx.now, [
    {
      requestId: r.id,
      eventId,
      kind: 'state_changed',
      actorUserId: ctx.actor?.userId ?? null,
      recipients: asUnit ? [{ userId: r.requesterUserId, reason: 'my_request' }] : handler(r),
    },
  ]);
}

export async function noticeOfRating(tx: Db, ctx: RequestContext, r: Request, eventId: number) {
  await notifyRequestEvents(tx, ctx.now, [
    {
      requestId: r.id,
      eventId,
      kind: 'rated',
      actorUserId: ctx.actor?.userId ?? null,
      recipients: handler(r),
    },
  ]);
}

/** Each fired escalation step's event, with the people it reached. */
export async function noticeOfEscalations(
  tx: Db,
  now: Date,
  steps: { requestId: string; eventId: number; recipients: string[] }[],
) {
  await notifyRequestEvents(
    tx,
    now,
    steps.map((s) => ({
      requestId: s.requestId,
      eventId: s.eventId,
      kind: 'escalated',
      actorUserId: null,
      recipients: s.recipients.map((userId) => ({ userId, reason: 'escalation' as const })),
    })),
  );
}

/** The unit's side of a move: the actor is a receiving member and the move is one the unit makes. */
export const movedAsUnit = (parties: readonly CoordinationParty[], by: readonly CoordinationParty[]) =>
  parties.includes('receiver') && by.includes('receiver');

/**
 * Who hears of an SLA warning or breach in `unitId` at `now`: the active members on call at the primary
 * level, else at the backup level, else every active member; on a breach the unit's heads as well.
 */
export async function slaRecipients(tx: Db, unitId: string, now: Date, breach: boolean) {
  const roster = (await loadRosters(tx, [unitId], now)).get(unitId)!;
  if (roster.members.length === 0) return [];
  const active = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, [...roster.memberIds]), eq(users.active, true)))
    ).map((u) => u.id),
  );
  const reachable = (ids: string[]) => ids.filter((id) => active.has(id));
  const onCall =
    [
      reachable(onCallUsers(roster, now, 'primary', roster.memberIds)),
      reachable(onCallUsers(roster, now, 'backup', roster.memberIds)),
    ].find((ids) => ids.length > 0) ?? reachable([...roster.memberIds]);
  const heads = breach ? reachable(roster.members.filter((m) => m.role === 'head').map((m) => m.userId)) : [];
  return [...new Set([...onCall, ...heads])];
}

/** A recorded SLA warning or breach, to the people `slaRecipients` names. */
export async function noticeOfSla(
  tx: Db,
  now: Date,
  alert: { requestId: string; eventId: number; kind: 'sla_warning' | 'sla_breached'; recipients: string[] },
) {
  await notifyRequestEvents(tx, now, [
    {
      requestId: alert.requestId,
      eventId: alert.eventId,
      kind: alert.kind,
      actorUserId: null,
      recipients: alert.recipients.map((userId) => ({ userId, reason: 'unit_sla' as const })),
    },
  ]);
}
