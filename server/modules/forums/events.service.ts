/**
 * Events of the series: the Centre creates, edits, publishes and cancels them; every member reads the
 * published ones. An edit a calendar must follow (title, time, place) raises `ics_sequence` and sends the
 * updated .ics to every active registrant; a cancellation sends METHOD:CANCEL and ends the registrations.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ACTIVE_REGISTRATION_STATES } from '../../../common/forum-states.ts';
import type { CreateEventBody, EventListQuery, UpdateEventBody } from '../../../common/forums-api.ts';
import { FORUM_PRIVACY_NOTICE_VERSION } from '../../../common/forums-api.ts';
import type { Db } from '../../db/client.ts';
import {
  type ForumEventRow,
  forumEventHosts,
  forumEvents,
  forumRegistrations,
  forumSeries,
  LETS_TALK_TIP_SERIES_ID,
  organisations,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can } from '../../platform/policy.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import { eventPageRow } from './event-page.query.ts';
import { presentAgenda, presentEvent, presentListItem, presentMyRegistration } from './forums.presenter.ts';
import { addressesOf, heldPlaces, lockEvent } from './forums.queries.ts';
import { sendInvitationEmails } from './invitations.service.ts';
import {
  assertVisible,
  type MailDeps,
  mailRegistrant,
  promoteWaiting,
  registrationAbilities,
} from './registration.service.ts';

type Ctx = RequestContext & { actor: Actor };
/** Fields whose change a registrant's calendar must follow. */
const CALENDAR_FIELDS = [
  'titleTh',
  'titleEn',
  'startsAt',
  'endsAt',
  'venueTh',
  'venueEn',
  'address',
] as const;

function checkShape(e: { startsAt: Date; endsAt: Date; capacity: number; reservedForHosts: number }) {
  if (e.endsAt <= e.startsAt) throw badRequest('INVALID_TIMES', 'The event must end after it starts');
  if (e.reservedForHosts > e.capacity)
    throw badRequest('INVALID_CAPACITY', 'Places reserved for hosts cannot exceed the capacity');
}

async function checkOrganisations(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  if (found.length !== new Set(ids).size)
    throw badRequest('ORGANISATION_NOT_FOUND', 'A host organisation does not exist');
}

const nullable = <T>(v: T | null | undefined) => v ?? null;

export async function createEvent(deps: MailDeps, ctx: Ctx, input: CreateEventBody) {
  authorize(ctx.actor, 'forum.manage', undefined);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkShape({ ...input, startsAt, endsAt });
  const hosts = [...new Set(input.hostOrganisationIds)];
  await checkOrganisations(deps.db, hosts);
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    // The series row serialises numbering: "#N" is the next number, never a duplicate.
    await tx
      .select({ id: forumSeries.id })
      .from(forumSeries)
      .where(eq(forumSeries.id, LETS_TALK_TIP_SERIES_ID))
      .for('update');
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${forumEvents.number}), 0)::int + 1` })
      .from(forumEvents)
      .where(eq(forumEvents.seriesId, LETS_TALK_TIP_SERIES_ID))) as [{ next: number }];
    await tx.insert(forumEvents).values({
      id,
      seriesId: LETS_TALK_TIP_SERIES_ID,
      number: next,
      titleTh: input.titleTh,
      titleEn: input.titleEn,
      format: input.format,
      provinceCode: nullable(input.provinceCode),
      venueTh: nullable(input.venueTh),
      venueEn: nullable(input.venueEn),
      address: nullable(input.address),
      mapUrl: nullable(input.mapUrl),
      onlineUrl: nullable(input.onlineUrl),
      startsAt,
      endsAt,
      chairTh: nullable(input.chairTh),
      chairEn: nullable(input.chairEn),
      objectivesTh: nullable(input.objectivesTh),
      objectivesEn: nullable(input.objectivesEn),
      registrationMode: input.registrationMode,
      capacity: input.capacity,
      reservedForHosts: input.reservedForHosts,
      perOrganisationCap: input.perOrganisationCap,
      privacyNoticeVersion: FORUM_PRIVACY_NOTICE_VERSION,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (hosts.length > 0)
      await tx
        .insert(forumEventHosts)
        .values(hosts.map((organisationId) => ({ eventId: id, organisationId })));
    await recordAudit(tx, ctx, {
      action: 'forum.event_created',
      entityType: 'forum_event',
      entityId: id,
      changes: { number: next, titleTh: input.titleTh, startsAt: input.startsAt, hosts },
    });
  });
  return id;
}

function assertVersion(event: ForumEventRow, version: number) {
  if (event.version !== version)
    throw conflict(
      'STALE_VERSION',
      'Someone changed this event since you opened it; reload to see their changes',
      {
        currentVersion: event.version,
      },
    );
}

/** Active registrants to tell about a change, with their addresses. */
async function activeRegistrants(tx: Db, eventId: string) {
  const regs = await tx
    .select()
    .from(forumRegistrations)
    .where(
      and(
        eq(forumRegistrations.eventId, eventId),
        inArray(forumRegistrations.state, [...ACTIVE_REGISTRATION_STATES]),
      ),
    );
  const addresses = await addressesOf(
    tx,
    regs.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  return { regs, addresses };
}

export async function updateEvent(deps: MailDeps, ctx: Ctx, id: string, input: UpdateEventBody) {
  authorize(ctx.actor, 'forum.manage', undefined);
  const { version, hostOrganisationIds, ...fields } = input;
  if (hostOrganisationIds) await checkOrganisations(deps.db, hostOrganisationIds);
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    assertVersion(event, version);
    if (event.state === 'cancelled' || event.state === 'completed')
      throw conflict('EVENT_CLOSED', 'A cancelled or completed event cannot be edited');
    const next = {
      ...event,
      ...fields,
      startsAt: fields.startsAt ? new Date(fields.startsAt) : event.startsAt,
      endsAt: fields.endsAt ? new Date(fields.endsAt) : event.endsAt,
    } as ForumEventRow;
    checkShape(next);
    const held = await heldPlaces(tx, id);
    if (held.hostPlaces + held.generalPlaces > next.capacity)
      throw conflict('CAPACITY_BELOW_CONFIRMED', 'More people already hold a place than the new capacity');
    const changed = Object.keys(fields).filter(
      (k) => String(event[k as keyof ForumEventRow]) !== String(next[k as keyof ForumEventRow]),
    );
    const calendarChanged = changed.some((k) => (CALENDAR_FIELDS as readonly string[]).includes(k));
    const raise = calendarChanged && event.state === 'published';
    const [updated] = await tx
      .update(forumEvents)
      .set({
        ...Object.fromEntries(changed.map((k) => [k, next[k as keyof ForumEventRow]])),
        icsSequence: raise ? event.icsSequence + 1 : event.icsSequence,
        version: event.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(forumEvents.id, id))
      .returning();
    if (hostOrganisationIds) {
      await tx.delete(forumEventHosts).where(eq(forumEventHosts.eventId, id));
      const hosts = [...new Set(hostOrganisationIds)];
      if (hosts.length > 0)
        await tx
          .insert(forumEventHosts)
          .values(hosts.map((organisationId) => ({ eventId: id, organisationId })));
      changed.push('hostOrganisationIds');
    }
    await recordAudit(tx, ctx, {
      action: 'forum.event_updated',
      entityType: 'forum_event',
      entityId: id,
      changes: {
        fields: changed,
        ...(raise ? { icsSequence: updated!.icsSequence } : {}),
        ...(fields.startsAt ? { startsAt: fields.startsAt } : {}),
        ...(fields.endsAt ? { endsAt: fields.endsAt } : {}),
      },
    });
    if (raise) {
      const { regs, addresses } = await activeRegistrants(tx, id);
      for (const reg of regs)
        await mailRegistrant(tx, deps, ctx.now, updated!, reg, 'updated', {
          address: reg.userId ? addresses.get(reg.userId) : reg.email,
        });
    }
    if (next.capacity > event.capacity || next.perOrganisationCap > event.perOrganisationCap)
      await promoteWaiting(tx, deps, ctx, updated!);
  });
}

export async function publishEvent(deps: MailDeps, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    assertVersion(event, version);
    if (event.state !== 'draft') throw conflict('NOT_DRAFT', 'Only a draft can be published');
    if (event.startsAt <= ctx.now)
      throw conflict('EVENT_STARTED', 'An event in the past cannot be published');
    const [published] = await tx
      .update(forumEvents)
      .set({ state: 'published', version: event.version + 1, updatedAt: ctx.now })
      .where(eq(forumEvents.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'forum.event_published',
      entityType: 'forum_event',
      entityId: id,
      changes: { from: 'draft', to: 'published' },
    });
    await sendInvitationEmails(tx, deps, ctx.now, published!, null);
  });
}

export async function cancelEvent(deps: MailDeps, ctx: Ctx, id: string, version: number) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, id);
    assertVersion(event, version);
    if (event.state !== 'draft' && event.state !== 'published')
      throw conflict('EVENT_CLOSED', 'This event is already cancelled or completed');
    const [cancelled] = await tx
      .update(forumEvents)
      .set({
        state: 'cancelled',
        icsSequence: event.icsSequence + 1,
        version: event.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(forumEvents.id, id))
      .returning();
    const { regs, addresses } = await activeRegistrants(tx, id);
    if (regs.length > 0)
      await tx
        .update(forumRegistrations)
        .set({
          state: 'withdrawn',
          endReason: 'event_cancelled',
          withdrawnAt: ctx.now,
          confirmBy: null,
          updatedAt: ctx.now,
        })
        .where(
          inArray(
            forumRegistrations.id,
            regs.map((r) => r.id),
          ),
        );
    await recordAudit(tx, ctx, {
      action: 'forum.event_cancelled',
      entityType: 'forum_event',
      entityId: id,
      changes: { from: event.state, to: 'cancelled', registrationsEnded: regs.length },
    });
    for (const reg of regs)
      await mailRegistrant(tx, deps, ctx.now, cancelled!, reg, 'cancelled', {
        address: reg.userId ? addresses.get(reg.userId) : reg.email,
      });
  });
}

export async function listEvents(db: Db, actor: Actor, now: Date, q: z.infer<typeof EventListQuery>) {
  authorize(actor, 'forum.read', undefined);
  const upcoming = q.when === 'upcoming';
  const c = decodeCursor(q.cursor, { key: 'date', id: 'uuid' });
  const at = (k: string) => sql`${new Date(k).toISOString()}::timestamptz`;
  const after = c
    ? upcoming
      ? sql`(${forumEvents.startsAt}, ${forumEvents.id}) > (${at(c.k)}, ${c.id}::uuid)`
      : sql`(${forumEvents.startsAt}, ${forumEvents.id}) < (${at(c.k)}, ${c.id}::uuid)`
    : undefined;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .select({ event: forumEvents, myState: forumRegistrations.state })
    .from(forumEvents)
    .leftJoin(
      forumRegistrations,
      and(eq(forumRegistrations.eventId, forumEvents.id), eq(forumRegistrations.userId, actor.userId)),
    )
    .where(
      and(
        can(actor, 'forum.manage', undefined) ? undefined : ne(forumEvents.state, 'draft'),
        upcoming ? sql`${forumEvents.endsAt} >= ${nowSql}` : sql`${forumEvents.endsAt} < ${nowSql}`,
        after,
      ),
    )
    .orderBy(
      ...(upcoming
        ? [asc(forumEvents.startsAt), asc(forumEvents.id)]
        : [desc(forumEvents.startsAt), desc(forumEvents.id)]),
    )
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r) => ({ k: r.event.startsAt.toISOString(), id: r.event.id }),
    (r) => presentListItem(r.event, r.myState ?? null),
  );
}

export async function getEventView(db: Db, actor: Actor, now: Date, id: string) {
  // Every signed-in member reads the board (policy problem.read); the link shows title and state only.
  const row = await eventPageRow(db, actor, id, can(actor, 'problem.read', undefined));
  if (!row) throw notFound('Event');
  const { event, registration } = row;
  assertVisible(actor, event);
  return presentEvent(actor, now, event, {
    seriesNameTh: row.seriesNameTh,
    seriesNameEn: row.seriesNameEn,
    hosts: row.hosts.map(presentOrganisation),
    counts: row.counts,
    agenda: presentAgenda(row.agenda, row.problemLinks),
    invited: row.invited,
    registration,
    myRegistration: registration ? presentMyRegistration(registration, row.waitlistPosition) : null,
    can: {
      manage: can(actor, 'forum.manage', undefined),
      ...registrationAbilities(actor, event, registration, row.invited, now),
    },
  });
}
