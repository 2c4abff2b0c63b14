/**
 * The door of a forum: QR check-in, walk-ins and the live attendance. Every refused scan is audited (in its
 * own transaction, as a failed login is) before the refusal is answered, so a forged or reused ticket leaves
 * a trace.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, ilike, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AttendanceView,
  CheckinBody,
  CheckinRefusal,
  CheckinResultView,
  WalkInBody,
  WalkInCandidateView,
} from '../../../common/forum-checkin-api.ts';
import type { CheckinMethod } from '../../../common/forum-states.ts';
import type { Db } from '../../db/client.ts';
import {
  forumCheckins,
  forumEvents,
  forumRegistrations,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { type AuditEntry, auditEachRowOf, recordAudit, runAuditedWrite } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../platform/projections.ts';
import { presentCheckinResult, presentPerson, tallyAttendance } from './forum-checkin.presenter.ts';
import {
  attendanceByOrganisation,
  checkinByClientScanId,
  checkinOf,
  confirmedCount,
  eventRef,
  insertCheckin,
  type PersonRow,
  recentCheckins,
  registrationById,
  scanLookup,
  type VisibleEvent,
  visibleEvent,
} from './forum-checkin.queries.ts';

export type CheckinAnswer = { status: 200 | 201; view: CheckinResultView };

/** The event, if the actor staffs its door and it takes check-ins now. */
async function doorOf(db: Db, ctx: RequestContext, eventId: string) {
  const event = await visibleEvent(db, ctx.actor, eventId);
  authorize(ctx.actor, 'forumCheckin.scan', event);
  return event;
}

function assertOpenForCheckin(event: VisibleEvent) {
  if (event.state !== 'published')
    throw conflict('EVENT_NOT_OPEN_FOR_CHECKIN', `This event takes no check-ins (${event.state})`, {
      state: event.state,
    });
}

async function refuse(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  code: CheckinRefusal,
  error: AppError,
  changes: Record<string, unknown> = {},
): Promise<never> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'forum_checkin.refused',
      entityType: 'forum_event',
      entityId: eventId,
      changes: { reason: code, ...changes },
    }),
  );
  throw error;
}

export async function checkIn(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  input: z.infer<typeof CheckinBody>,
): Promise<CheckinAnswer> {
  const { event, person, earlier } = await scanLookup(deps.db, ctx.actor, { eventId, ...input });
  authorize(ctx.actor, 'forumCheckin.scan', event);
  assertOpenForCheckin(event);
  if (earlier) return replayOf(deps.db, eventId, earlier);

  if (!person)
    return refuse(
      deps,
      ctx,
      eventId,
      'TICKET_UNKNOWN',
      new AppError(404, 'TICKET_UNKNOWN', 'This QR code is not a ticket of any forum'),
    );
  if (person.eventId !== eventId) {
    const other = await eventRef(deps.db, person.eventId);
    return refuse(
      deps,
      ctx,
      eventId,
      'TICKET_FOR_OTHER_EVENT',
      new AppError(
        422,
        'TICKET_FOR_OTHER_EVENT',
        `This ticket is for Let's Talk TIP #${other.number}: ${other.titleEn}`,
        { event: other },
      ),
      { registrationId: person.registrationId, otherEventId: other.id },
    );
  }
  if (person.state !== 'confirmed')
    return refuse(
      deps,
      ctx,
      eventId,
      'REGISTRATION_NOT_CONFIRMED',
      new AppError(422, 'REGISTRATION_NOT_CONFIRMED', `This registration is ${person.state}, not confirmed`, {
        state: person.state,
      }),
      { registrationId: person.registrationId, state: person.state },
    );
  return (
    (await checkInAtOnce(deps.db, ctx, person, input)) ??
    deps.db.transaction((tx) => writeCheckin(tx, ctx, person, 'qr', input))
  );
}

/**
 * The door's common case, a new ticket scanned, as one autocommit statement: the check-in with its audit
 * event, one round trip instead of four (BEGIN, insert, audit, COMMIT) while a queue waits at the door.
 * Null when the ticket or the scan id has a check-in already, or the request claims an Idempotency-Key:
 * writeCheckin answers those.
 */
async function checkInAtOnce(
  db: Db,
  ctx: RequestContext,
  person: PersonRow,
  input: { clientScanId: string; scannedAt: string },
): Promise<CheckinAnswer | null> {
  if (ctx.idempotency) return null;
  const audit: AuditEntry = {
    action: 'forum_checkin.checked_in',
    entityType: 'forum_registration',
    entityId: person.registrationId,
    changes: { eventId: person.eventId, method: 'qr' },
  };
  const checkin = await runAuditedWrite(ctx, () =>
    insertCheckin(db, checkinValues(ctx, person, 'qr', input), (inserted) =>
      auditEachRowOf(ctx, audit, inserted),
    ),
  );
  return checkin && { status: 201, view: presentCheckinResult('checked_in', person, checkin) };
}

/** The same scan sent again (a queued resend): the first answer, recorded once. */
async function replayOfScan(db: Db, eventId: string, clientScanId: string): Promise<CheckinAnswer | null> {
  const earlier = await checkinByClientScanId(db, clientScanId);
  return earlier ? replayOf(db, eventId, earlier) : null;
}

async function replayOf(
  db: Db,
  eventId: string,
  earlier: { eventId: string; registrationId: string },
): Promise<CheckinAnswer> {
  if (earlier.eventId !== eventId)
    throw conflict('CLIENT_SCAN_ID_REUSED', 'This scan id was already used at another event');
  const person = await registrationById(db, earlier.registrationId);
  const checkin = (await checkinOf(db, earlier.registrationId))!;
  return { status: 200, view: presentCheckinResult('checked_in', person, checkin) };
}

/**
 * Writes the check-in, in the caller's transaction, unless the registration has one: then the answer is
 * "already checked in" with the first check-in, audited as a reused ticket.
 */
async function writeCheckin(
  tx: Db,
  ctx: RequestContext,
  person: PersonRow,
  method: CheckinMethod,
  input: { clientScanId: string; scannedAt: string },
  auditChanges: Record<string, unknown> = {},
): Promise<CheckinAnswer> {
  const inserted = await insertCheckin(tx, checkinValues(ctx, person, method, input));
  const checkin = inserted ?? (await checkinOf(tx, person.registrationId));
  if (!checkin) throw conflict('CLIENT_SCAN_ID_REUSED', 'This scan id was already used for another ticket');
  if (!inserted && checkin.clientScanId === input.clientScanId)
    return { status: 200, view: presentCheckinResult('checked_in', person, checkin) };
  await recordAudit(tx, ctx, {
    action: inserted ? 'forum_checkin.checked_in' : 'forum_checkin.duplicate',
    entityType: 'forum_registration',
    entityId: person.registrationId,
    changes: { eventId: person.eventId, method, ...auditChanges },
  });
  return inserted
    ? { status: 201, view: presentCheckinResult('checked_in', person, checkin) }
    : { status: 200, view: presentCheckinResult('duplicate', person, checkin) };
}

function checkinValues(
  ctx: RequestContext,
  person: PersonRow,
  method: CheckinMethod,
  input: { clientScanId: string; scannedAt: string },
) {
  return {
    id: randomUUID(),
    eventId: person.eventId,
    registrationId: person.registrationId,
    method,
    scannedAt: scannedAtOf(input.scannedAt, ctx.now),
    receivedAt: ctx.now,
    scannedBy: ctx.actor?.userId ?? null,
    clientScanId: input.clientScanId,
  };
}

/** The phone's clock may drift: a scan time in the future or over a day old is taken as the server's. */
function scannedAtOf(scannedAt: string, now: Date) {
  const at = new Date(scannedAt);
  const age = now.getTime() - at.getTime();
  return age < 0 || age > 24 * 3600_000 ? now : at;
}

const newTicketCode = () => randomBytes(16).toString('base64url');

/**
 * A walk-in: confirms a place (a new one, or the member's existing registration) and checks it in, in one
 * transaction. Past the capacity only when the staff confirmed it (`overCapacity`); the event row is locked
 * so two doors cannot both take the last place.
 */
export async function walkIn(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  input: z.infer<typeof WalkInBody>,
): Promise<CheckinAnswer> {
  const event = await doorOf(deps.db, ctx, eventId);
  assertOpenForCheckin(event);
  const member = Boolean(input.userId);
  if (
    member === Boolean(input.guestName) ||
    (member && (input.organisationId || input.guestOrganisationName))
  )
    throw badRequest('WALK_IN_WHO', 'Give either a member (userId) or a guest (guestName and organisation)');
  if (!member && Boolean(input.organisationId) === Boolean(input.guestOrganisationName))
    throw badRequest(
      'WALK_IN_ORGANISATION',
      'Give the guest one organisation: from the directory or written',
    );
  const replayed = await replayOfScan(deps.db, eventId, input.clientScanId);
  if (replayed) return replayed;

  const who = member ? await memberOf(deps.db, input.userId!) : await guestOrganisationOf(deps.db, input);
  return deps.db.transaction(async (tx) => {
    await tx
      .select({ id: forumEvents.id })
      .from(forumEvents)
      .where(eq(forumEvents.id, eventId))
      .for('update');
    const existing = member
      ? (
          await tx
            .select({ id: forumRegistrations.id, state: forumRegistrations.state })
            .from(forumRegistrations)
            .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.userId, input.userId!)))
        )[0]
      : undefined;
    const needsPlace = existing?.state !== 'confirmed';
    const confirmed = await confirmedCount(tx, eventId);
    const full = needsPlace && confirmed >= event.capacity;
    if (full && !input.overCapacity)
      throw conflict('EVENT_FULL', 'The event is full: confirm to admit this walk-in over capacity', {
        capacity: event.capacity,
        confirmed,
      });
    const registrationId = existing?.id ?? randomUUID();
    if (existing && needsPlace) {
      await tx
        .update(forumRegistrations)
        .set({ state: 'confirmed', confirmBy: null, withdrawnAt: null, endReason: null, updatedAt: ctx.now })
        .where(eq(forumRegistrations.id, existing.id));
    } else if (!existing) {
      await tx.insert(forumRegistrations).values({
        id: registrationId,
        eventId,
        userId: member ? input.userId! : null,
        organisationId: who.organisationId,
        sector: who.sector,
        state: 'confirmed',
        ticketCode: newTicketCode(),
        language: who.language,
        guestName: member ? null : input.guestName!,
        guestOrganisationName: who.organisationId ? null : input.guestOrganisationName!,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    const person = await registrationById(tx, registrationId);
    return writeCheckin(tx, ctx, person, 'walk_in', input, {
      guest: !member,
      previousState: existing?.state ?? null,
      overCapacity: full,
    });
  });
}

async function memberOf(db: Db, userId: string) {
  const [row] = await db
    .select({ organisationId: users.organisationId, sector: organisations.sector, language: users.language })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, userId), eq(users.active, true), isNull(users.anonymisedAt)));
  if (!row) throw notFound('Person');
  return row;
}

async function guestOrganisationOf(db: Db, input: { organisationId?: string | undefined }) {
  if (!input.organisationId) return { organisationId: null, sector: null, language: 'th' as const };
  const [row] = await db
    .select({ organisationId: organisations.id, sector: organisations.sector })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!row) throw notFound('Organisation');
  return { ...row, language: 'th' as const };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Network members by name, for a walk-in, with their registration for this event if they have one. */
export async function searchWalkIns(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  q: string,
): Promise<{ items: WalkInCandidateView[] }> {
  await doorOf(deps.db, ctx, eventId);
  const rows = await deps.db
    .select({
      userId: users.id,
      displayName: users.displayName,
      organisation: organisationSummaryColumns,
      registrationState: forumRegistrations.state,
      checkinId: forumCheckins.id,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(
      forumRegistrations,
      and(eq(forumRegistrations.userId, users.id), eq(forumRegistrations.eventId, eventId)),
    )
    .leftJoin(forumCheckins, eq(forumCheckins.registrationId, forumRegistrations.id))
    .where(
      and(eq(users.active, true), isNull(users.anonymisedAt), ilike(users.displayName, `%${escapeLike(q)}%`)),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(20);
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      organisation: presentOrganisation(r.organisation),
      registrationState: r.registrationState,
      checkedIn: r.checkinId !== null,
    })),
  };
}

const RECENT = 10;

export async function attendance(deps: Deps, ctx: RequestContext, eventId: string): Promise<AttendanceView> {
  const event = await doorOf(deps.db, ctx, eventId);
  const [rows, recent] = await Promise.all([
    attendanceByOrganisation(deps.db, eventId),
    recentCheckins(deps.db, eventId, RECENT),
  ]);
  const tally = tallyAttendance(
    rows.map((r) => ({ ...r, organisation: r.organisation ? presentOrganisation(r.organisation) : null })),
  );
  return {
    event: {
      id: event.id,
      number: event.number,
      titleTh: event.titleTh,
      titleEn: event.titleEn,
      capacity: event.capacity,
    },
    ...tally,
    recent: recent.map((r) => ({
      ...presentPerson(r),
      method: r.method,
      scannedAt: r.scannedAt.toISOString(),
    })),
  };
}
