/**
 * The requester's rating of the response (1–5, optional comment), once the request is done. One rating
 * per request, by its requesting organisation (any contributing member: a request survives staff
 * rotation); it may be changed for 7 days after it was first given, then it is final so metrics hold.
 * Giving and changing it is audited and appears on the timeline.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { RATING_EDIT_WINDOW_MS, type RateRequestBody } from '../../../common/coordination-sla-api.ts';
import type { Db } from '../../db/client.ts';
import { coordinationRequestRatings, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { authorize, authorizeVisible } from '../../platform/policy.ts';
import { userNameColumns } from '../../platform/projections.ts';
import { accessOf, getRequest, memberIdsOf } from './coordination.queries.ts';
import { recordCoordinationEvent } from './events.ts';
import { noticeOfRating } from './notices.ts';

type Ctx = RequestContext & { actor: Actor };

export async function ratingOf(db: Db, requestId: string) {
  const [row] = await db
    .select({ rating: coordinationRequestRatings, by: userNameColumns })
    .from(coordinationRequestRatings)
    .innerJoin(users, eq(users.id, coordinationRequestRatings.ratedByUserId))
    .where(eq(coordinationRequestRatings.requestId, requestId));
  if (!row) return null;
  const { rating, by } = row;
  return {
    score: rating.score,
    comment: rating.comment,
    ratedBy: by,
    createdAt: rating.createdAt.toISOString(),
    updatedAt: rating.updatedAt.toISOString(),
    editableUntil: new Date(rating.createdAt.getTime() + RATING_EDIT_WINDOW_MS).toISOString(),
  };
}

export async function rateRequest(db: Db, ctx: Ctx, id: string, input: z.infer<typeof RateRequestBody>) {
  await db.transaction(async (tx) => {
    const r = await getRequest(tx, id, { lock: true });
    const access = accessOf(r, await memberIdsOf(tx, r.receivingUnitId));
    authorizeVisible(ctx.actor, 'coordination.readRequest', access, 'Request');
    if (ctx.actor.organisationId === r.requestingOrganisationId && r.state !== 'done')
      throw conflict('REQUEST_NOT_DONE', 'A request can be rated once it is done');
    authorize(ctx.actor, 'coordination.rate', access);
    const [before] = await tx
      .select()
      .from(coordinationRequestRatings)
      .where(eq(coordinationRequestRatings.requestId, id));
    if (before && ctx.now.getTime() > before.createdAt.getTime() + RATING_EDIT_WINDOW_MS)
      throw conflict(
        'RATING_FINAL',
        'A rating can be changed for 7 days after it was given; this one is final',
      );
    const fields = {
      score: input.score,
      comment: input.comment || null,
      ratedByUserId: ctx.actor.userId,
      updatedAt: ctx.now,
    };
    await tx
      .insert(coordinationRequestRatings)
      .values({ requestId: id, organisationId: r.requestingOrganisationId, createdAt: ctx.now, ...fields })
      .onConflictDoUpdate({ target: coordinationRequestRatings.requestId, set: fields });
    const data = {
      score: input.score,
      comment: fields.comment,
      ...(before ? { previousScore: before.score } : {}),
    };
    const eventId = await recordCoordinationEvent(tx, ctx, id, r.receivingUnitId, 'rated', data);
    await noticeOfRating(tx, ctx, r, eventId);
    await recordAudit(tx, ctx, {
      action: before ? 'coordination.rating_changed' : 'coordination.request_rated',
      entityType: 'coordination_request',
      entityId: id,
      changes: {
        score: before ? { from: before.score, to: input.score } : input.score,
        comment: fields.comment,
      },
    });
  });
  return (await ratingOf(db, id))!;
}
