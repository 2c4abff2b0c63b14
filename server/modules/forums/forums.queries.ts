/** Rows the forums module reads: events, hosts, places held, invitations, registrations. No view shapes. */
import { and, asc, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { alongsideOf } from '../../db/insert-each-row.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  type ForumEventRow,
  type ForumRegistrationRow,
  forumEventHosts,
  forumEvents,
  forumInvitations,
  forumRegistrations,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { Held } from './places.ts';

/** The event, locked until the transaction ends: registrations of one event happen one at a time. */
export async function lockEvent(tx: Db, id: string): Promise<ForumEventRow> {
  const [row] = await tx.select().from(forumEvents).where(eq(forumEvents.id, id)).for('update');
  if (!row) throw notFound('Event');
  return row;
}

export async function findEvent(db: Db, id: string): Promise<ForumEventRow> {
  const [row] = await db.select().from(forumEvents).where(eq(forumEvents.id, id));
  if (!row) throw notFound('Event');
  return row;
}

export async function hostIdsOf(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ id: forumEventHosts.organisationId })
    .from(forumEventHosts)
    .where(eq(forumEventHosts.eventId, eventId));
  return rows.map((r) => r.id);
}

/**
 * A new registration and what accompanies it (its audit event, its email: CTEs over the inserted row) in
 * one statement; its id.
 */
export async function insertRegistration(
  tx: Db,
  values: typeof forumRegistrations.$inferInsert,
  alongside: (inserted: SQLWrapper) => SQL[],
): Promise<string | null> {
  const inserted = tx
    .$with('inserted')
    .as(tx.insert(forumRegistrations).values(values).returning({ id: forumRegistrations.id }));
  const ctes = alongsideOf(tx, inserted, alongside);
  const [row] = await tx
    .with(inserted, ...ctes)
    .select({ id: inserted.id })
    .from(inserted);
  return row?.id ?? null;
}

type HeldRow = { organisationId: string | null; hostPlace: boolean; n: number };

function toHeld(rows: HeldRow[]): Held {
  const held: Held = { hostPlaces: 0, generalPlaces: 0, byOrganisation: new Map() };
  for (const r of rows) {
    if (r.hostPlace) held.hostPlaces += r.n;
    else held.generalPlaces += r.n;
    if (r.organisationId)
      held.byOrganisation.set(r.organisationId, (held.byOrganisation.get(r.organisationId) ?? 0) + r.n);
  }
  return held;
}

/** The places the event's confirmed registrations hold (promoted ones waiting to confirm included). */
export async function heldPlaces(db: Db, eventId: string): Promise<Held> {
  const rows = await db
    .select({
      organisationId: forumRegistrations.organisationId,
      hostPlace: forumRegistrations.hostPlace,
      n: sql<number>`count(*)::int`,
    })
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.state, 'confirmed')))
    .groupBy(forumRegistrations.organisationId, forumRegistrations.hostPlace);
  return toHeld(rows);
}

type LockedForRegistration = {
  version: number;
  held: HeldRow[];
  mine: Pick<ForumRegistrationRow, 'id' | 'state'> | null;
};

/**
 * Locks the event until the transaction ends and reads, after the lock, the places held and the user's
 * registration: one round trip (migration 0044). A statement sees what was committed before it started,
 * so counting in the locking statement itself would miss the registrations of whoever held the lock
 * before; the function's second statement takes a new snapshot. Returns the version locked, not the row:
 * the caller read the row just before and re-reads it only when the version moved.
 */
export async function lockForRegistration(tx: Db, eventId: string, userId: string) {
  const result = await tx.execute(
    sql`select tipnet_forum_lock_for_registration(${eventId}, ${userId}) as locked`,
  );
  const locked = rowsOf<{ locked: LockedForRegistration | null }>(result)[0]?.locked;
  if (!locked) throw notFound('Event');
  return { version: locked.version, held: toHeld(locked.held), mine: locked.mine };
}

/**
 * Who registers, read before the event's lock is taken: their address and language, their organisation's
 * sector, whether an invitation names them and whether their organisation hosts; and the event as it is
 * now, to write the email before the lock (null when there is no such event).
 */
export async function registrantContext(
  db: Db,
  eventId: string,
  who: { userId: string; organisationId: string },
) {
  const [row] = await registrantContextStatement(db).execute({ eventId, userId: who.userId });
  if (!row) throw notFound('Organisation');
  return row;
}

// Prepared: a burst of registrations runs it 500 times in seconds, and building it cost as much as running it.
const registrantContextStatement = preparedPerDatabase((db) => {
  const eventId = sql.placeholder('eventId');
  return db
    .select({
      email: users.email,
      language: users.language,
      sector: organisations.sector,
      invited: sql<boolean>`exists (
        select 1 from ${forumInvitations}
        where ${forumInvitations.eventId} = ${eventId}
          and (${forumInvitations.userId} = ${users.id} or ${forumInvitations.organisationId} = ${organisations.id}
               or ${forumInvitations.sector} = ${organisations.sector}))`,
      isHost: sql<boolean>`exists (
        select 1 from ${forumEventHosts}
        where ${forumEventHosts.eventId} = ${eventId} and ${forumEventHosts.organisationId} = ${organisations.id})`,
      event: forumEvents,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(forumEvents, eq(forumEvents.id, eventId))
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('tipnet_forum_registrant_context');
});

/** Whether an invitation names the user, their organisation or their organisation's sector. */
export async function isInvited(
  db: Db,
  eventId: string,
  who: { userId: string; organisationId: string; sector: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: forumInvitations.id })
    .from(forumInvitations)
    .where(
      and(
        eq(forumInvitations.eventId, eventId),
        or(
          eq(forumInvitations.userId, who.userId),
          eq(forumInvitations.organisationId, who.organisationId),
          eq(forumInvitations.sector, who.sector as never),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function sectorOf(db: Db, organisationId: string) {
  const [row] = await db
    .select({ sector: organisations.sector })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw notFound('Organisation');
  return row.sector;
}

export async function myRegistration(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select()
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.userId, userId)));
  return row ?? null;
}

/** The waiting list in FIFO order. */
export function waitlisted(db: Db, eventId: string, limit = 500) {
  return db
    .select()
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.state, 'waitlisted')))
    .orderBy(asc(forumRegistrations.queueNumber))
    .limit(limit);
}

/** Email addresses of registrations (accounts' addresses; a guest's own). */
export async function addressesOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, email: users.email, active: users.active })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.filter((r) => r.active).map((r) => [r.id, r.email]));
}
