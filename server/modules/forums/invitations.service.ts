/**
 * Invitations to an event, by sector, organisation or person. Invitees skip moderation and may register for
 * invite-only events. Once the event is published, each invitation emails the accounts it reaches.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CreateForumInvitationBody, ForumInvitationView } from '../../../common/forums-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { type ForumEventRow, forumInvitations, organisations, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../platform/projections.ts';
import { whenText } from './forums.mail.ts';
import { findEvent, lockEvent } from './forums.queries.ts';
import type { MailDeps } from './registration.service.ts';

type Ctx = RequestContext & { actor: Actor };
type InvitationRow = typeof forumInvitations.$inferSelect;

/** The active accounts an invitation reaches. */
function reachedBy(inv: Pick<InvitationRow, 'kind' | 'sector' | 'organisationId' | 'userId'>) {
  if (inv.kind === 'person') return eq(users.id, inv.userId!);
  if (inv.kind === 'organisation') return eq(users.organisationId, inv.organisationId!);
  return eq(organisations.sector, inv.sector!);
}

async function recipients(db: Db, invs: InvitationRow[]) {
  if (invs.length === 0) return [];
  const rows = await db
    .selectDistinct({ email: users.email, language: users.language })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.active, true),
        isNull(users.anonymisedAt),
        sql`(${sql.join(invs.map(reachedBy), sql` or `)})`,
      ),
    )
    .limit(5000);
  return rows;
}

function invitationEmail(event: ForumEventRow, language: Language, baseUrl: string) {
  const th = language === 'th';
  const title = th ? event.titleTh : event.titleEn;
  return {
    kind: 'composed' as const,
    outboxKind: 'forum_invitation',
    subject: th ? `ขอเชิญเข้าร่วม ${title}` : `You are invited: ${title}`,
    lines: [
      th
        ? `ศพดส.ตร. ขอเชิญคุณเข้าร่วม "${title}" วันที่ ${whenText(event.startsAt, language)}`
        : `The Centre invites you to "${title}" on ${whenText(event.startsAt, language)}.`,
      th
        ? 'ผู้ได้รับเชิญลงทะเบียนได้ทันทีโดยไม่ต้องรอการอนุมัติ'
        : 'As an invitee you register without waiting for approval.',
    ],
    link: `${baseUrl}/forums/${event.id}`,
    action: th ? 'ลงทะเบียน' : 'Register',
  };
}

/** Emails the accounts `invitation` reaches (all the event's invitations when null). In the caller's transaction. */
export async function sendInvitationEmails(
  tx: Db,
  deps: MailDeps,
  now: Date,
  event: ForumEventRow,
  invitation: InvitationRow | null,
) {
  const invs = invitation
    ? [invitation]
    : await tx.select().from(forumInvitations).where(eq(forumInvitations.eventId, event.id));
  const to = await recipients(tx, invs);
  await enqueueEmails(
    tx,
    deps,
    now,
    to.map((r) => ({
      to: r.email,
      language: r.language,
      template: invitationEmail(event, r.language, deps.config.baseUrl),
    })),
  );
  return to.length;
}

export async function createInvitation(
  deps: MailDeps,
  ctx: Ctx,
  eventId: string,
  input: CreateForumInvitationBody,
) {
  authorize(ctx.actor, 'forum.manage', undefined);
  const target = {
    sector: input.kind === 'sector' ? input.sector : null,
    organisationId: input.kind === 'organisation' ? input.organisationId : null,
    userId: input.kind === 'person' ? input.userId : null,
  };
  if (target.organisationId) {
    const [org] = await deps.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, target.organisationId));
    if (!org) throw badRequest('ORGANISATION_NOT_FOUND', 'The organisation does not exist');
  }
  if (target.userId) {
    const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, target.userId));
    if (!user) throw badRequest('USER_NOT_FOUND', 'The person does not exist');
  }
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (event.state === 'cancelled' || event.state === 'completed')
      throw conflict('EVENT_CLOSED', 'This event no longer takes invitations');
    const [same] = await tx
      .select({ id: forumInvitations.id })
      .from(forumInvitations)
      .where(
        and(
          eq(forumInvitations.eventId, eventId),
          eq(forumInvitations.kind, input.kind),
          target.sector ? eq(forumInvitations.sector, target.sector) : undefined,
          target.organisationId ? eq(forumInvitations.organisationId, target.organisationId) : undefined,
          target.userId ? eq(forumInvitations.userId, target.userId) : undefined,
        ),
      );
    if (same) throw conflict('ALREADY_INVITED', 'This invitation already exists');
    const [row] = await tx
      .insert(forumInvitations)
      .values({ id, eventId, kind: input.kind, ...target, createdBy: ctx.actor.userId, createdAt: ctx.now })
      .returning();
    const emailed =
      event.state === 'published' ? await sendInvitationEmails(tx, deps, ctx.now, event, row!) : 0;
    await recordAudit(tx, ctx, {
      action: 'forum.invitation_created',
      entityType: 'forum_invitation',
      entityId: id,
      changes: { eventId, kind: input.kind, ...target, emailed },
    });
  });
  return id;
}

export async function deleteInvitation(db: Db, ctx: Ctx, eventId: string, invitationId: string) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [row] = await tx
      .delete(forumInvitations)
      .where(and(eq(forumInvitations.id, invitationId), eq(forumInvitations.eventId, eventId)))
      .returning();
    if (!row) throw notFound('Invitation');
    // Registrations already made stay; only new ones lose the invitee's way in.
    await recordAudit(tx, ctx, {
      action: 'forum.invitation_deleted',
      entityType: 'forum_invitation',
      entityId: invitationId,
      changes: { eventId, kind: row.kind },
    });
  });
}

export async function listInvitations(
  db: Db,
  actor: Actor,
  eventId: string,
): Promise<{ items: ForumInvitationView[] }> {
  authorize(actor, 'forum.manage', undefined);
  await findEvent(db, eventId);
  const rows = await db
    .select({ inv: forumInvitations, org: organisationSummaryColumns })
    .from(forumInvitations)
    .leftJoin(organisations, eq(organisations.id, forumInvitations.organisationId))
    .where(eq(forumInvitations.eventId, eventId))
    .orderBy(asc(forumInvitations.createdAt));
  const people = rows.flatMap((r) => (r.inv.userId ? [r.inv.userId] : []));
  const names = people.length
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, people))
    : [];
  const items: ForumInvitationView[] = [];
  for (const r of rows) {
    const [{ n }] = (await db
      .select({ n: sql<number>`count(distinct ${users.id})::int` })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.active, true), reachedBy(r.inv)))) as [{ n: number }];
    items.push({
      id: r.inv.id,
      kind: r.inv.kind,
      sector: r.inv.sector,
      organisation: r.inv.organisationId && r.org?.id ? presentOrganisation(r.org) : null,
      person: names.find((p) => p.id === r.inv.userId) ?? null,
      reaches: n,
      createdAt: r.inv.createdAt.toISOString(),
    });
  }
  return { items };
}
