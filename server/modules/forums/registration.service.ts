/**
 * Registration, the waitlist and promotion. Every change locks the event row first (SELECT … FOR UPDATE),
 * so places are counted and taken one registration at a time and an event is never overbooked, on any
 * number of instances. Each change is one transaction with its audit event and its emails.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { ACTIVE_REGISTRATION_STATES, type RegistrationState } from '../../../common/forum-states.ts';
import type { RegisterBody } from '../../../common/forums-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { type ForumEventRow, type ForumRegistrationRow, forumRegistrations } from '../../db/schema/index.ts';
import { type AuditEntry, auditEachRowOf, recordAudit, runAuditedWrite } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import {
  enqueueEachRowOf,
  enqueuePrepared,
  type PreparedEmail,
  prepareEmail,
} from '../../platform/mail/outbox.ts';
import { authorize, authorizeVisible, can } from '../../platform/policy.ts';
import { type MailKind, registrantEmail } from './forums.mail.ts';
import {
  addressesOf,
  findEvent,
  heldPlaces,
  hostIdsOf,
  insertRegistration,
  lockEvent,
  lockForRegistration,
  myRegistration,
  registrantContext,
  waitlisted,
} from './forums.queries.ts';
import { confirmByFor, placeFor, take } from './places.ts';

export type MailDeps = Pick<Deps, 'db' | 'config' | 'hasMailTransport' | 'logger'>;
type Ctx = RequestContext & { actor: Actor };
/** A job acts as nobody: the audit event has no actor. */
type AnyCtx = RequestContext;

export const newTicketCode = () => randomBytes(16).toString('base64url');
const isActive = (s: RegistrationState) => (ACTIVE_REGISTRATION_STATES as readonly string[]).includes(s);

/** Drafts are the Centre's: anyone else gets a 404, as if the event did not exist. */
export function assertVisible(actor: Actor, event: Pick<ForumEventRow, 'state'>) {
  authorize(actor, 'forum.read', undefined);
  if (event.state === 'draft') authorizeVisible(actor, 'forum.manage', undefined, 'Event');
}

/** Registration closes when the event starts; it never opens for drafts or cancelled events. */
function assertOpen(event: ForumEventRow, now: Date) {
  if (event.state !== 'published') throw conflict('EVENT_NOT_OPEN', 'This event does not take registrations');
  if (now >= event.startsAt) throw conflict('EVENT_STARTED', 'This event has already started');
}

type MailTo = Pick<ForumRegistrationRow, 'language' | 'ticketCode' | 'confirmBy'>;

/** One registrant's email for `kind`, rendered as its outbox row. */
function registrantMail(
  deps: MailDeps,
  now: Date,
  event: ForumEventRow,
  reg: MailTo,
  kind: MailKind,
  to: string,
) {
  const { template, attachments } = registrantEmail({
    kind,
    event,
    language: reg.language,
    baseUrl: deps.config.baseUrl,
    ticketCode: reg.ticketCode,
    confirmBy: reg.confirmBy,
  });
  return prepareEmail(deps, now, { to, language: reg.language, template, attachments });
}

/** Queues one registrant's email in the transaction, in the registration's language. */
export async function mailRegistrant(
  tx: Db,
  deps: MailDeps,
  now: Date,
  event: ForumEventRow,
  reg: MailTo & Pick<ForumRegistrationRow, 'userId' | 'email'>,
  kind: MailKind,
  extra: { address?: string | null } = {},
) {
  const to =
    extra.address ?? reg.email ?? (reg.userId ? (await addressesOf(tx, [reg.userId])).get(reg.userId) : null);
  if (!to) return;
  await enqueuePrepared(tx, deps, registrantMail(deps, now, event, reg, kind, to));
}

export type RegisterResult = { created: boolean; registrationId: string };
/** What a registration starts as. */
type NewState = Extract<RegistrationState, 'pending' | 'confirmed' | 'waitlisted'>;

/**
 * Registration holds the event's lock from the locking statement to COMMIT, and a burst queues behind it:
 * everything that can be is done before. Who registers and the emails of the states the registration can
 * end in are read and written first; under the lock remain the count (taken with the lock, in one round
 * trip), one statement writing the registration with its audit event and its email and, only when the
 * event changed in between, reading it again and writing the email again.
 */
export async function register(
  deps: MailDeps,
  ctx: Ctx,
  eventId: string,
  input: RegisterBody,
): Promise<RegisterResult> {
  authorize(ctx.actor, 'forum.register', undefined);
  const ticketCode = newTicketCode();
  // An admin's change to the invitations or hosts racing a registration counts as made just after it.
  const who = await registrantContext(deps.db, eventId, ctx.actor);
  const language: Language = input.language ?? who.language;
  const mailOf = (event: ForumEventRow, state: NewState) =>
    registrantMail(deps, ctx.now, event, { language, ticketCode, confirmBy: null }, state, who.email);
  const before = who.event;
  const moderated = before?.registrationMode === 'moderated' && !who.invited;
  const written = new Map<NewState, PreparedEmail>();
  if (before)
    for (const state of moderated ? (['pending'] as const) : (['confirmed', 'waitlisted'] as const))
      written.set(state, mailOf(before, state));

  return deps.db.transaction(async (tx) => {
    const { version, held, mine: existing } = await lockForRegistration(tx, eventId, ctx.actor.userId);
    // Changed since it was read (an admin's edit racing the registration): read again, under the lock.
    const event = before?.version === version ? before : await findEvent(tx, eventId);
    assertVisible(ctx.actor, event);
    // Registering twice answers the registration already there; a rejection stands.
    if (existing && (isActive(existing.state) || existing.state === 'rejected'))
      return { created: false, registrationId: existing.id };
    assertOpen(event, ctx.now);
    if (event.registrationMode === 'invite_only' && !who.invited)
      throw new AppError(
        403,
        'NOT_INVITED',
        'Only invited organisations and people may register for this event',
      );
    let state: NewState;
    let hostPlace = false;
    if (event.registrationMode === 'moderated' && !who.invited) state = 'pending';
    else {
      const place = placeFor(event, held, { organisationId: ctx.actor.organisationId, isHost: who.isHost });
      state = place ? 'confirmed' : 'waitlisted';
      hostPlace = place?.hostPlace ?? false;
    }
    const values = {
      organisationId: ctx.actor.organisationId,
      sector: who.sector,
      state,
      invited: who.invited,
      hostPlace,
      confirmBy: null,
      ticketCode,
      language,
      phone: input.phone ?? null,
      dietaryNotes: input.dietaryNotes ?? null,
      privacyAcceptedAt: ctx.now,
      withdrawnAt: null,
      endReason: null,
      updatedAt: ctx.now,
    };
    const id = existing?.id ?? randomUUID();
    const audit: AuditEntry = {
      action: 'forum.registered',
      entityType: 'forum_registration',
      entityId: id,
      changes: { eventId, state, invited: who.invited, hostPlace, organisationId: ctx.actor.organisationId },
    };
    const unchanged = before?.version === event.version ? written.get(state) : undefined;
    const email = unchanged ?? mailOf(event, state);
    if (!existing)
      // The common case, under the lock a burst queues for: one statement, not three round trips.
      await runAuditedWrite(ctx, () =>
        insertRegistration(
          tx,
          { id, eventId, userId: ctx.actor.userId, ...values, createdAt: ctx.now },
          (inserted) => [...auditEachRowOf(ctx, audit, inserted), enqueueEachRowOf(deps, email, inserted)],
        ),
      );
    else {
      // Back after withdrawing: the same row, at the end of the queue, with a new ticket.
      await tx
        .update(forumRegistrations)
        .set({ ...values, queueNumber: sql`nextval('forum_registration_queue_seq')` })
        .where(eq(forumRegistrations.id, id));
      await recordAudit(tx, ctx, audit);
      await enqueuePrepared(tx, deps, email);
    }
    return { created: true, registrationId: id };
  });
}

/**
 * Offers the freed places to the waitlist, first come first served, skipping those whose organisation holds
 * its cap. Each promoted registrant holds the place until `confirm_by`. Runs under the event's lock.
 */
export async function promoteWaiting(tx: Db, deps: MailDeps, ctx: AnyCtx, event: ForumEventRow) {
  if (event.state !== 'published' || ctx.now >= event.startsAt) return 0;
  const [held, hosts, queue] = [
    await heldPlaces(tx, event.id),
    await hostIdsOf(tx, event.id),
    await waitlisted(tx, event.id),
  ];
  const addresses = await addressesOf(
    tx,
    queue.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  let promoted = 0;
  for (const reg of queue) {
    const place = placeFor(event, held, {
      organisationId: reg.organisationId,
      isHost: reg.organisationId !== null && hosts.includes(reg.organisationId),
    });
    if (!place) continue;
    take(held, reg.organisationId, place);
    const confirmBy = confirmByFor(ctx.now, event.startsAt);
    await tx
      .update(forumRegistrations)
      .set({ state: 'confirmed', hostPlace: place.hostPlace, confirmBy, updatedAt: ctx.now })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      action: 'forum.registration_promoted',
      entityType: 'forum_registration',
      entityId: reg.id,
      changes: { eventId: event.id, from: 'waitlisted', to: 'confirmed', confirmBy: confirmBy.toISOString() },
    });
    await mailRegistrant(tx, deps, ctx.now, event, { ...reg, confirmBy }, 'promoted', {
      address: reg.userId ? addresses.get(reg.userId) : reg.email,
    });
    promoted++;
  }
  return promoted;
}

/** The signed-in user's own registration of the event, locked with the event. */
async function lockMine(tx: Db, ctx: Ctx, eventId: string) {
  const event = await lockEvent(tx, eventId);
  assertVisible(ctx.actor, event);
  const reg = await myRegistration(tx, eventId, ctx.actor.userId);
  if (!reg) throw notFound('Registration');
  return { event, reg };
}

export async function withdraw(deps: MailDeps, ctx: Ctx, eventId: string) {
  authorize(ctx.actor, 'forum.register', undefined);
  await deps.db.transaction(async (tx) => {
    const { event, reg } = await lockMine(tx, ctx, eventId);
    if (ctx.now >= event.startsAt)
      throw conflict(
        'EVENT_STARTED',
        'The event has started or ended: the registration can no longer be withdrawn',
      );
    if (!isActive(reg.state)) return;
    await tx
      .update(forumRegistrations)
      .set({
        state: 'withdrawn',
        withdrawnAt: ctx.now,
        endReason: 'withdrawn',
        confirmBy: null,
        updatedAt: ctx.now,
      })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      action: 'forum.registration_withdrawn',
      entityType: 'forum_registration',
      entityId: reg.id,
      changes: { eventId, from: reg.state, to: 'withdrawn' },
    });
    if (reg.state === 'confirmed') await promoteWaiting(tx, deps, ctx, event);
  });
}

/** A promoted registrant takes the place for good; the confirmation email carries the ticket and .ics. */
export async function confirmPromotion(deps: MailDeps, ctx: Ctx, eventId: string) {
  authorize(ctx.actor, 'forum.register', undefined);
  await deps.db.transaction(async (tx) => {
    const { event, reg } = await lockMine(tx, ctx, eventId);
    if (reg.state === 'confirmed' && reg.confirmBy === null) return;
    if (reg.state !== 'confirmed' || !reg.confirmBy)
      throw conflict('NO_PROMOTION', 'There is no place waiting for your confirmation');
    if (ctx.now > reg.confirmBy) throw conflict('OFFER_EXPIRED', 'The time to confirm this place has passed');
    await tx
      .update(forumRegistrations)
      .set({ confirmBy: null, updatedAt: ctx.now })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      action: 'forum.promotion_confirmed',
      entityType: 'forum_registration',
      entityId: reg.id,
      changes: { eventId },
    });
    await mailRegistrant(tx, deps, ctx.now, event, { ...reg, confirmBy: null }, 'confirmed');
  });
}

/** The Centre decides a moderated registration: approve gives a place (or the waitlist), reject ends it. */
export async function decide(
  deps: MailDeps,
  ctx: Ctx,
  eventId: string,
  registrationId: string,
  decision: 'approve' | 'reject',
) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const [reg] = await tx
      .select()
      .from(forumRegistrations)
      .where(and(eq(forumRegistrations.id, registrationId), eq(forumRegistrations.eventId, eventId)));
    if (!reg) throw notFound('Registration');
    if (decision === 'approve') {
      if (reg.state !== 'pending')
        throw conflict('NOT_PENDING', 'Only a pending registration can be approved');
      assertOpen(event, ctx.now);
      const place = placeFor(event, await heldPlaces(tx, eventId), {
        organisationId: reg.organisationId,
        isHost: reg.organisationId !== null && (await hostIdsOf(tx, eventId)).includes(reg.organisationId),
      });
      const state = place ? 'confirmed' : 'waitlisted';
      await tx
        .update(forumRegistrations)
        .set({ state, hostPlace: place?.hostPlace ?? false, updatedAt: ctx.now })
        .where(eq(forumRegistrations.id, reg.id));
      await recordAudit(tx, ctx, {
        action: 'forum.registration_approved',
        entityType: 'forum_registration',
        entityId: reg.id,
        changes: { eventId, from: 'pending', to: state },
      });
      await mailRegistrant(tx, deps, ctx.now, event, reg, state);
      return;
    }
    if (!isActive(reg.state)) throw conflict('NOT_ACTIVE', 'This registration has already ended');
    await tx
      .update(forumRegistrations)
      .set({ state: 'rejected', endReason: 'rejected', confirmBy: null, updatedAt: ctx.now })
      .where(eq(forumRegistrations.id, reg.id));
    await recordAudit(tx, ctx, {
      action: 'forum.registration_rejected',
      entityType: 'forum_registration',
      entityId: reg.id,
      changes: { eventId, from: reg.state, to: 'rejected' },
    });
    await mailRegistrant(tx, deps, ctx.now, event, reg, 'rejected');
    if (reg.state === 'confirmed') await promoteWaiting(tx, deps, ctx, event);
  });
}

/**
 * The job: promotions not confirmed in time end ('offer_expired') and their places go to the next in line.
 * Safe on several instances: each event is handled under its row lock and re-reads what is still due.
 */
export async function expirePromotions(deps: MailDeps & Pick<Deps, 'clock'>, limit = 100) {
  const now = deps.clock.now();
  const due = await deps.db
    .selectDistinct({ eventId: forumRegistrations.eventId })
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.state, 'confirmed'),
        isNotNull(forumRegistrations.confirmBy),
        lt(forumRegistrations.confirmBy, now),
      ),
    )
    .limit(limit);
  let expired = 0;
  const ctx: AnyCtx = { actor: null, ip: null, userAgent: null, now };
  for (const { eventId } of due) {
    await deps.db.transaction(async (tx) => {
      const event = await lockEvent(tx, eventId);
      const lapsed = await tx
        .select()
        .from(forumRegistrations)
        .where(
          and(
            eq(forumRegistrations.eventId, eventId),
            eq(forumRegistrations.state, 'confirmed'),
            isNotNull(forumRegistrations.confirmBy),
            lt(forumRegistrations.confirmBy, now),
          ),
        )
        .orderBy(asc(forumRegistrations.queueNumber));
      if (lapsed.length === 0) return;
      await tx
        .update(forumRegistrations)
        .set({
          state: 'withdrawn',
          endReason: 'offer_expired',
          withdrawnAt: now,
          confirmBy: null,
          updatedAt: now,
        })
        .where(
          inArray(
            forumRegistrations.id,
            lapsed.map((r) => r.id),
          ),
        );
      for (const reg of lapsed) {
        await recordAudit(tx, ctx, {
          action: 'forum.promotion_expired',
          entityType: 'forum_registration',
          entityId: reg.id,
          changes: { eventId, from: 'confirmed', to: 'withdrawn' },
        });
        await mailRegistrant(tx, deps, now, event, reg, 'offer_expired');
      }
      expired += lapsed.length;
      await promoteWaiting(tx, deps, ctx, event);
    });
  }
  return expired;
}

/** For the event view: whether the viewer may act on their registration now. */
export function registrationAbilities(
  actor: Actor,
  event: ForumEventRow,
  reg: ForumRegistrationRow | null,
  invited: boolean,
  now: Date,
) {
  const open = event.state === 'published' && now < event.startsAt;
  const mayRegister =
    can(actor, 'forum.register', undefined) &&
    open &&
    (event.registrationMode !== 'invite_only' || invited) &&
    (!reg || reg.state === 'withdrawn');
  return {
    register: mayRegister,
    withdraw: open && reg !== null && isActive(reg.state),
    confirmPromotion: open && reg?.state === 'confirmed' && reg.confirmBy !== null && now <= reg.confirmBy,
  };
}

export { findEvent };
