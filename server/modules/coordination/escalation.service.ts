/** The one-tap acknowledge link and the Centre's queue of escalated requests. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CentreQueueView } from '../../../common/coordination-roster-api.ts';
import { OPEN_COORDINATION_STATES } from '../../../common/coordination-states.ts';
import type { Db } from '../../db/client.ts';
import { coordinationEscalations, coordinationRequests, coordinationUnits } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { verifySignedValue } from '../../platform/tokens.ts';
import { ACK_LINK_PURPOSE } from './escalation.ts';
import { transitionRequest } from './requests.service.ts';

type Ctx = RequestContext & { actor: Actor };
const CENTRE_QUEUE_SIZE = 100;

/**
 * Acknowledges the request a link names, as the signed-in person it was sent to. A second officer
 * tapping theirs after the first gets the foundation's 409 naming who acknowledged; a link sent to
 * someone else, expired or altered is refused without touching the request.
 */
export async function acknowledgeByLink(db: Db, ctx: Ctx, secret: string, token: string) {
  const payload = verifySignedValue(secret, token);
  let link: { p?: string; r?: string; u?: string; x?: number } = {};
  try {
    link = payload ? JSON.parse(payload) : {};
  } catch {
    link = {};
  }
  if (link.p !== ACK_LINK_PURPOSE || !link.r || !link.u || typeof link.x !== 'number')
    throw badRequest('ACK_LINK_INVALID', 'This acknowledge link is not valid; open the request instead');
  if (link.x <= ctx.now.getTime())
    throw new AppError(
      410,
      'ACK_LINK_EXPIRED',
      'This acknowledge link has expired; open the request instead',
      {
        requestId: link.r,
      },
    );
  if (link.u !== ctx.actor.userId)
    throw new AppError(
      403,
      'ACK_LINK_NOT_YOURS',
      'This link was sent to someone else; sign in as them or open the request',
      {
        requestId: link.r,
      },
    );
  return transitionRequest(db, ctx, link.r, { to: 'acknowledged' });
}

/** Requests whose escalation reached the Centre and that nobody has acknowledged yet, newest first. */
export async function centreQueue(db: Db, actor: Actor): Promise<CentreQueueView> {
  authorize(actor, 'coordination.centreQueue', undefined);
  const rows = await db
    .select({
      e: coordinationEscalations,
      urgency: coordinationRequests.urgency,
      nameTh: coordinationUnits.nameTh,
      nameEn: coordinationUnits.nameEn,
    })
    .from(coordinationEscalations)
    .innerJoin(coordinationRequests, eq(coordinationRequests.id, coordinationEscalations.requestId))
    .innerJoin(coordinationUnits, eq(coordinationUnits.id, coordinationEscalations.unitId))
    .where(
      and(
        eq(coordinationEscalations.target, 'centre'),
        isNull(coordinationRequests.acknowledgedAt),
        sql`${coordinationRequests.state} in ${OPEN_COORDINATION_STATES}`,
        // Only the inbox the request is in now: a forwarded request is chased afresh there.
        eq(coordinationRequests.receivingUnitId, coordinationEscalations.unitId),
      ),
    )
    .orderBy(desc(coordinationEscalations.firedAt), desc(coordinationEscalations.id))
    .limit(CENTRE_QUEUE_SIZE);
  return {
    items: rows.map(({ e, urgency, nameTh, nameEn }) => ({
      id: String(e.id),
      request: { id: e.requestId, urgency, unitId: e.unitId, unitNameTh: nameTh, unitNameEn: nameEn },
      target: e.target,
      step: e.step,
      loop: e.loop,
      recipients: e.recipientUserIds.length,
      dueAt: e.dueAt.toISOString(),
      firedAt: e.firedAt.toISOString(),
    })),
  };
}
