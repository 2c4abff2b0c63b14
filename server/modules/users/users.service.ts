import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { UserView } from '../../../common/api.ts';
import type { Role } from '../../../common/taxonomies.ts';
import {
  notificationPreferences,
  notifications,
  organisations,
  outboxEmails,
  passwordResets,
  problemFollows,
  recoveryCodes,
  sessions,
  type UserRow,
  users,
} from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, authorizeVisible } from '../../platform/policy.ts';
import {
  type OrganisationSummaryRow,
  organisationSummaryColumns,
  presentOrganisation,
} from '../../platform/projections.ts';
import { formerUserNames } from '../../platform/pseudonym.ts';
import { erasePerson, personOfUser } from '../directory/index.ts';
import { forgetLineAccount } from '../line/index.ts';
import { findUserWithOrganisation } from './users.repository.ts';

const presentUser = (r: { user: UserRow; organisation: OrganisationSummaryRow }): UserView => ({
  id: r.user.id,
  email: r.user.email,
  displayName: r.user.displayName,
  role: r.user.role,
  language: r.user.language,
  active: r.user.active,
  anonymised: r.user.anonymisedAt !== null,
  totpEnabled: r.user.totpEnabledAt !== null,
  organisation: presentOrganisation(r.organisation),
  createdAt: r.user.createdAt.toISOString(),
  lastLoginAt: r.user.lastLoginAt?.toISOString() ?? null,
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Sorted by email; the cursor carries the last email seen. */
export async function listUsers(
  deps: Deps,
  ctx: RequestContext,
  query: { cursor?: string; limit: number; q?: string; organisationId?: string },
) {
  const actor = ctx.actor!;
  const organisationId = query.organisationId ?? (actor.role === 'admin' ? undefined : actor.organisationId);
  authorize(actor, 'user.list', organisationId ? { organisationId } : undefined);
  const after = decodeCursor(query.cursor);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const rows = await deps.db
    .select({ user: users, organisation: organisationSummaryColumns })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        organisationId ? eq(users.organisationId, organisationId) : undefined,
        pattern ? or(ilike(users.email, pattern), ilike(users.displayName, pattern)) : undefined,
        after ? gt(sql`(${users.email}, ${users.id})`, sql`(${after.k}, ${after.id}::uuid)`) : undefined,
      ),
    )
    .orderBy(asc(users.email), asc(users.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => ({ k: r.user.email, id: r.user.id }), presentUser);
}

export async function updateUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { role?: Role; active?: boolean },
) {
  await deps.db.transaction(async (tx) => {
    const found = await findUserWithOrganisation(tx, id);
    if (!found) throw notFound('User');
    const { user } = found;
    authorizeVisible(ctx.actor, 'user.read', user, 'User');
    authorize(ctx.actor, 'user.update', { ...user, changes: input });
    if (user.anonymisedAt && input.active) throw alreadyAnonymised();
    const changes = changedFields(user, input);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(users.id, id));
    // A deactivated account or a changed role must not keep acting on its old sessions.
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, changes });
  });
  const updated = await findUserWithOrganisation(deps.db, id);
  return presentUser(updated!);
}

const alreadyAnonymised = () => conflict('ALREADY_ANONYMISED', 'This account has already been anonymised');

/**
 * Someone who left (ADR 0009): in one transaction with its audit event, sign-in is disabled for good
 * (sessions, recovery codes, reset links, TOTP secret and password gone), name and email become a stable
 * pseudonym, their directory entry is erased, emails still waiting for them are dropped, and their
 * notifications, follows and LINE link go. What they wrote stays, under the pseudonym.
 */
export async function anonymiseUser(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!user) throw notFound('User');
    authorizeVisible(ctx.actor, 'user.read', user, 'User');
    authorize(ctx.actor, 'user.anonymise', user);
    if (user.anonymisedAt) throw alreadyAnonymised();
    const names = formerUserNames(user.id);
    await tx
      .update(users)
      .set({
        email: `former-user-${user.id}@anonymised.invalid`,
        displayName: names.both,
        active: false,
        // Not a hash of anything: no password can ever match it.
        passwordHash: `!anonymised-${randomBytes(16).toString('hex')}`,
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        anonymisedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(users.id, id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, id));
    await tx.delete(notifications).where(eq(notifications.recipientUserId, id));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, id));
    await tx.delete(problemFollows).where(eq(problemFollows.userId, id));
    await forgetLineAccount(tx, id);
    // Emails to them: those not yet sent never will be; none keeps their address or what it said.
    await tx
      .update(outboxEmails)
      .set({
        to: '',
        text: '',
        html: '',
        status: sql`case when ${outboxEmails.status} = 'pending' then 'failed' else ${outboxEmails.status} end`,
        lastError: sql`case when ${outboxEmails.status} = 'pending' then 'recipient anonymised' else ${outboxEmails.lastError} end`,
        purgedAt: ctx.now,
      })
      .where(eq(sql`lower(${outboxEmails.to})`, user.email.toLowerCase()));
    const person = await personOfUser(tx, id);
    const endedRoles = person && !person.anonymisedAt ? await erasePerson(tx, person, ctx.now) : [];
    // No name or email here: the audit log must not keep what anonymising erased.
    await recordAudit(tx, ctx, {
      action: 'user.anonymised',
      entityType: 'user',
      entityId: id,
      changes: { sessionsEnded: ended.length, directoryPersonId: person?.id ?? null, endedRoles },
    });
  });
  const updated = await findUserWithOrganisation(deps.db, id);
  return presentUser(updated!);
}
