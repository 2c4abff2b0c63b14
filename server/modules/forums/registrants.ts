/** The Centre's list of an event's registrants, in queue order, with the contact details they gave. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RegistrantListQuery, RegistrantView } from '../../../common/forums-api.ts';
import type { Db } from '../../db/client.ts';
import { forumRegistrations, organisations, users } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../platform/projections.ts';
import { findEvent } from './forums.queries.ts';

export async function listRegistrants(
  db: Db,
  actor: Actor,
  eventId: string,
  q: z.infer<typeof RegistrantListQuery>,
) {
  authorize(actor, 'forum.manage', undefined);
  await findEvent(db, eventId);
  // The cursor's key is the queue number of the last registrant seen.
  const c = decodeCursor(q.cursor, { key: 'text', id: 'uuid' });
  if (c && !/^\d{1,18}$/.test(c.k))
    throw badRequest('INVALID_CURSOR', 'The cursor is not valid; start again from the first page');
  const rows = await db
    .select({ reg: forumRegistrations, name: users.displayName, org: organisationSummaryColumns })
    .from(forumRegistrations)
    .leftJoin(users, eq(users.id, forumRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .where(
      and(
        eq(forumRegistrations.eventId, eventId),
        q.state ? eq(forumRegistrations.state, q.state) : undefined,
        c ? sql`${forumRegistrations.queueNumber} > ${Number(c.k)}` : undefined,
      ),
    )
    .orderBy(asc(forumRegistrations.queueNumber))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r) => ({ k: String(r.reg.queueNumber), id: r.reg.id }),
    (r): RegistrantView => ({
      id: r.reg.id,
      state: r.reg.state,
      invited: r.reg.invited,
      hostPlace: r.reg.hostPlace,
      name: r.name ?? r.reg.guestName ?? '—',
      organisation: r.org?.id ? presentOrganisation(r.org) : null,
      sector: r.reg.sector,
      confirmBy: r.reg.confirmBy?.toISOString() ?? null,
      phone: r.reg.phone,
      dietaryNotes: r.reg.dietaryNotes,
      createdAt: r.reg.createdAt.toISOString(),
    }),
  );
}
