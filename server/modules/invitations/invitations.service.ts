import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InvitationView } from '../../../common/api.ts';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice.ts';
import type { Language, Role } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { type InvitationRow, invitations, organisations, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/passwords.ts';
import { authorize, authorizeVisible } from '../../platform/policy.ts';
import {
  type OrganisationSummaryRow,
  organisationSummaryColumns,
  presentOrganisation,
  type UserName,
  userNameColumnsOf,
} from '../../platform/projections.ts';
import { consumeRateLimit } from '../../platform/rate-limit.ts';
import { createSession } from '../../platform/sessions.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { presentMe } from '../me/index.ts';
import { findUserByEmail, getUserWithOrganisation } from '../users/index.ts';

const VALID_FOR_MS = 7 * DAY_MS;
const ROLE_LABELS: Record<Language, Record<Role, string>> = {
  th: { admin: 'ผู้ดูแลระบบ (ศพดส.ตร.)', org_admin: 'ผู้ดูแลองค์กร', member: 'สมาชิก', observer: 'ผู้สังเกตการณ์' },
  en: {
    admin: 'Administrator (the Centre)',
    org_admin: 'Organisation administrator',
    member: 'Member',
    observer: 'Observer',
  },
};
const invalidLink = () =>
  badRequest('INVALID_TOKEN', 'This invitation link is invalid, already used, revoked or expired');
const inviter = alias(users, 'inviter');

type InvitationWithParts = {
  invitation: InvitationRow;
  organisation: OrganisationSummaryRow;
  inviter: UserName | null;
};

function statusOf(i: InvitationRow, now: Date): InvitationView['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

const present =
  (now: Date) =>
  (r: InvitationWithParts): InvitationView => ({
    id: r.invitation.id,
    email: r.invitation.email,
    role: r.invitation.role,
    organisation: presentOrganisation(r.organisation),
    invitedBy: r.inviter?.id ? r.inviter : null,
    createdAt: r.invitation.createdAt.toISOString(),
    expiresAt: r.invitation.expiresAt.toISOString(),
    acceptedAt: r.invitation.acceptedAt?.toISOString() ?? null,
    revokedAt: r.invitation.revokedAt?.toISOString() ?? null,
    status: statusOf(r.invitation, now),
  });

function selectInvitations(db: Db) {
  return db
    .select({
      invitation: invitations,
      organisation: organisationSummaryColumns,
      inviter: userNameColumnsOf(inviter),
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy));
}

async function getInvitation(db: Db, id: string) {
  const [row] = await selectInvitations(db).where(eq(invitations.id, id)).limit(1);
  if (!row) throw notFound('Invitation');
  return row;
}

export async function createInvitation(
  deps: Deps,
  ctx: RequestContext,
  input: { email: string; organisationId: string; role: Role; language: Language },
) {
  const [organisation] = await deps.db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) throw notFound('Organisation');
  authorize(ctx.actor, 'invitation.create', { organisationId: organisation.id, role: input.role });
  const existing = await findUserByEmail(deps.db, input.email);
  // The Centre sees every account anyway; anyone else is answered as for a new address (ADR 0008).
  if (existing && ctx.actor?.role === 'admin')
    throw conflict('EMAIL_IN_USE', 'Someone already has an account with this email');

  const token = newToken();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    // A new invitation replaces any still-open one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: ctx.now })
      .where(
        and(
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    await tx.insert(invitations).values({
      id,
      email: input.email,
      organisationId: organisation.id,
      role: input.role,
      language: input.language,
      tokenHash: hashToken(token),
      invitedBy: ctx.actor!.userId,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + VALID_FOR_MS),
    });
    const { user: sender } = await getUserWithOrganisation(tx, ctx.actor!.userId);
    if (existing) {
      // An invitation row like any other (listed, revocable, expiring), whose link is never sent: the
      // account holder is told someone tried, and how to sign in.
      await enqueueEmail(tx, deps, ctx.now, {
        to: existing.email,
        language: existing.language,
        template: {
          kind: 'invitation_existing_account',
          displayName: existing.displayName,
          organisationName: existing.language === 'th' ? organisation.nameTh : organisation.nameEn,
          inviterName: sender.displayName,
          link: `${deps.config.baseUrl}/login`,
          resetLink: `${deps.config.baseUrl}/forgot-password`,
        },
      });
      await recordAudit(tx, ctx, {
        action: 'invitation.existing_account',
        entityType: 'invitation',
        entityId: id,
        changes: {
          email: input.email,
          organisationId: organisation.id,
          role: input.role,
          existingUserId: existing.id,
        },
      });
      return;
    }
    await enqueueEmail(tx, deps, ctx.now, {
      to: input.email,
      language: input.language,
      template: {
        kind: 'invitation',
        link: `${deps.config.baseUrl}/accept-invitation#token=${token}`,
        organisationName: input.language === 'th' ? organisation.nameTh : organisation.nameEn,
        roleLabel: ROLE_LABELS[input.language][input.role],
        inviterName: sender.displayName,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: id,
      changes: { email: input.email, organisationId: organisation.id, role: input.role },
    });
  });
  deps.mailer.kick();
  return present(ctx.now)(await getInvitation(deps.db, id));
}

export async function listInvitations(
  deps: Deps,
  ctx: RequestContext,
  query: { cursor?: string; limit: number; organisationId?: string },
) {
  const actor = ctx.actor!;
  // Admins see the whole network; org admins only their own organisation.
  const organisationId = query.organisationId ?? (actor.role === 'admin' ? undefined : actor.organisationId);
  authorize(actor, 'invitation.list', organisationId ? { organisationId } : undefined);
  const after = decodeCursor(query.cursor, { key: 'date', id: 'uuid' });
  const rows = await selectInvitations(deps.db)
    .where(
      and(
        organisationId ? eq(invitations.organisationId, organisationId) : undefined,
        after
          ? or(
              lt(invitations.createdAt, new Date(after.k)),
              and(eq(invitations.createdAt, new Date(after.k)), lt(invitations.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: r.invitation.createdAt.toISOString(), id: r.invitation.id }),
    present(ctx.now),
  );
}

export async function revokeInvitation(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const { invitation } = await getInvitation(tx, id);
    authorizeVisible(ctx.actor, 'invitation.read', invitation, 'Invitation');
    authorize(ctx.actor, 'invitation.revoke', invitation);
    if (statusOf(invitation, ctx.now) !== 'pending') {
      throw conflict('INVITATION_NOT_PENDING', `This invitation is already ${statusOf(invitation, ctx.now)}`);
    }
    await tx.update(invitations).set({ revokedAt: ctx.now }).where(eq(invitations.id, id));
    await recordAudit(tx, ctx, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      changes: { email: invitation.email },
    });
  });
  return present(ctx.now)(await getInvitation(deps.db, id));
}

async function findOpenInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, organisation: organisationSummaryColumns })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function previewInvitation(deps: Deps, ctx: RequestContext, token: string) {
  await consumeRateLimit(deps.db, `invite-preview:ip:${ctx.ip}`, 30, 60_000, ctx.now);
  const row = await findOpenInvitation(deps.db, token, ctx.now);
  if (!row) throw invalidLink();
  return {
    email: row.invitation.email,
    role: row.invitation.role,
    organisation: presentOrganisation(row.organisation),
  };
}

export async function acceptInvitation(
  deps: Deps,
  ctx: RequestContext,
  input: {
    token: string;
    displayName: string;
    password: string;
    language?: Language;
    privacyNoticeVersion: string;
  },
) {
  if (input.privacyNoticeVersion !== PRIVACY_NOTICE_VERSION)
    throw badRequest('PRIVACY_NOTICE_OUTDATED', 'Read and accept the current privacy notice', [
      { field: 'body.privacyNoticeVersion', message: `The current version is ${PRIVACY_NOTICE_VERSION}` },
    ]);
  await consumeRateLimit(deps.db, `invite-accept:ip:${ctx.ip}`, 20, 60_000, ctx.now);
  const open = await findOpenInvitation(deps.db, input.token, ctx.now);
  if (!open) throw invalidLink();
  assertAcceptablePassword(input.password, open.invitation.email);
  const passwordHash = await hashPassword(input.password);

  return deps.db.transaction(async (tx) => {
    // Claim the invitation atomically: of two concurrent accepts, only one gets the row.
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: ctx.now })
      .where(
        and(
          eq(invitations.id, open.invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!invitation) throw invalidLink();
    if (await findUserByEmail(tx, invitation.email))
      throw conflict('EMAIL_IN_USE', 'Someone already has an account with this email');
    const userId = randomUUID();
    await tx.insert(users).values({
      id: userId,
      organisationId: invitation.organisationId,
      email: invitation.email,
      displayName: input.displayName,
      role: invitation.role,
      language: input.language ?? invitation.language,
      passwordHash,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      lastLoginAt: ctx.now,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyNoticeAcceptedAt: ctx.now,
    });
    await tx.update(invitations).set({ acceptedUserId: userId }).where(eq(invitations.id, invitation.id));
    const session = await createSession(tx, deps, userId, ctx);
    const actor = {
      userId,
      organisationId: invitation.organisationId,
      role: invitation.role,
      sessionId: session.id,
      mustEnrolTotp: false,
    };
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'invitation.accepted',
        entityType: 'user',
        entityId: userId,
        changes: {
          invitationId: invitation.id,
          email: invitation.email,
          role: invitation.role,
          displayName: input.displayName,
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
          privacyNoticeAcceptedAt: ctx.now.toISOString(),
        },
      },
    );
    const { user, organisation } = await getUserWithOrganisation(tx, userId);
    return { me: presentMe(deps, user, organisation), sessionToken: session.token };
  });
}
