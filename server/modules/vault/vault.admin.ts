/**
 * The Centre's side of the vault: break-glass windows (audited as start and end, alerting the owning
 * organisation's data-protection focal point), legal holds, and the 90-day purge that leaves a
 * content-free tombstone. The two jobs are safe on several instances at once (rows claimed with
 * SKIP LOCKED, each change in one transaction with its audit event).
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type BreakGlassBody,
  type LegalHoldBody,
  VAULT_PURGE_DAYS,
} from '../../../common/coordination-vault-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  coordinationRequests,
  coordinationVaultBreakGlass,
  coordinationVaultEntries,
  coordinationVaultPhotos,
  coordinationVaults,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict } from '../../platform/errors.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import { authorize, authorizeVisible } from '../../platform/policy.ts';
import { accessOf, getRequest, memberIdsOf } from '../coordination/index.ts';
import { holdAccessOf } from './vault.hold-access.ts';
import { type Ctx, getVault } from './vault.service.ts';

type AdminDeps = Pick<Deps, 'db' | 'keyRing' | 'config' | 'hasMailTransport' | 'logger'>;

async function lockedVault(tx: Db, requestId: string, now: Date) {
  await getRequest(tx, requestId); // 404 for an unknown request
  await tx
    .insert(coordinationVaults)
    .values({ requestId, createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [vault] = await tx
    .select()
    .from(coordinationVaults)
    .where(eq(coordinationVaults.requestId, requestId))
    .for('update');
  return vault!;
}

/**
 * Whom a break-glass alerts: the organisation's data-protection focal points; an organisation without
 * one alerts its org admins, so the alert never goes nowhere.
 */
async function dataProtectionContacts(tx: Db, organisationId: string) {
  return rowsOf<{ email: string; display_name: string; language: Language; org_name: string }>(
    await tx.execute(sql`
      with focal as (
        select u.email, u.display_name, u.language from users u
        join people pe on pe.user_id = u.id and pe.active
        join focal_points fp on fp.person_id = pe.id and fp.ended_at is null
          and fp.topic = 'data_protection' and fp.organisation_id = ${organisationId}
        where u.active
      ), admins as (
        select u.email, u.display_name, u.language from users u
        where u.organisation_id = ${organisationId} and u.active and u.role = 'org_admin'
          and not exists (select 1 from focal)
      )
      select distinct c.email, c.display_name, c.language,
        (select case when c.language = 'th' then o.name_th else o.name_en end
           from organisations o where o.id = ${organisationId}) as org_name
      from (select * from focal union all select * from admins) c
      order by c.email`),
  );
}

export async function startBreakGlass(
  deps: AdminDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof BreakGlassBody>,
) {
  authorize(ctx.actor, 'vault.breakGlass', undefined);
  const id = randomUUID();
  const expiresAt = new Date(ctx.now.getTime() + input.minutes * MINUTE_MS);
  await deps.db.transaction(async (tx) => {
    const vault = await lockedVault(tx, requestId, ctx.now);
    if (vault.purgedAt)
      throw conflict('VAULT_PURGED', 'The vault contents were purged; there is nothing to read');
    const request = await getRequest(tx, requestId);
    await tx.insert(coordinationVaultBreakGlass).values({
      id,
      requestId,
      adminUserId: ctx.actor.userId,
      reason: input.reason,
      startedAt: ctx.now,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_break_glass_started',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: {
        breakGlassId: id,
        reason: input.reason,
        minutes: input.minutes,
        expiresAt: expiresAt.toISOString(),
      },
    });
    const contacts = await dataProtectionContacts(tx, request.requestingOrganisationId);
    await enqueueEmails(
      tx,
      deps,
      ctx.now,
      contacts.map((c) => ({
        to: c.email,
        language: c.language,
        template: {
          kind: 'vault_break_glass' as const,
          displayName: c.display_name,
          organisationName: c.org_name,
          minutes: input.minutes,
          link: `${deps.config.baseUrl}/coordination/requests/${requestId}`,
        },
      })),
    );
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

async function endBreakGlass(
  tx: Db,
  ctx: Ctx | (Omit<Ctx, 'actor'> & { actor: null }),
  row: {
    id: string;
    requestId: string;
    expiresAt: Date;
  },
  how: 'closed' | 'expired',
) {
  const endedAt = how === 'expired' ? row.expiresAt : ctx.now;
  await tx
    .update(coordinationVaultBreakGlass)
    .set({ endedAt, endedHow: how })
    .where(eq(coordinationVaultBreakGlass.id, row.id));
  await recordAudit(tx, ctx, {
    action: 'coordination.vault_break_glass_ended',
    entityType: 'coordination_request',
    entityId: row.requestId,
    changes: { breakGlassId: row.id, how, endedAt: endedAt.toISOString() },
  });
}

/** The admin's own open window on this request, closed now. */
export async function closeBreakGlass(deps: AdminDeps, ctx: Ctx, requestId: string) {
  authorize(ctx.actor, 'vault.breakGlass', undefined);
  await deps.db.transaction(async (tx) => {
    await getRequest(tx, requestId);
    const [row] = await tx
      .select()
      .from(coordinationVaultBreakGlass)
      .where(
        and(
          eq(coordinationVaultBreakGlass.requestId, requestId),
          eq(coordinationVaultBreakGlass.adminUserId, ctx.actor.userId),
          isNull(coordinationVaultBreakGlass.endedAt),
        ),
      )
      .for('update');
    if (!row) throw conflict('NO_OPEN_BREAK_GLASS', 'You have no open break-glass window on this request');
    await endBreakGlass(tx, ctx, row, row.expiresAt <= ctx.now ? 'expired' : 'closed');
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

/** Job: every window past its end gets its end recorded (at its expiry time), once. */
export async function expireBreakGlass(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(coordinationVaultBreakGlass)
      .where(
        and(isNull(coordinationVaultBreakGlass.endedAt), lte(coordinationVaultBreakGlass.expiresAt, now)),
      )
      .limit(200)
      .for('update', { skipLocked: true });
    const ctx = { actor: null, ip: null, userAgent: 'tipnet-job vault-break-glass', now };
    for (const row of rows) await endBreakGlass(tx, ctx, row, 'expired');
    return rows.length;
  });
}

export async function setLegalHold(
  deps: AdminDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof LegalHoldBody>,
) {
  await deps.db.transaction(async (tx) => {
    const request = await getRequest(tx, requestId);
    authorizeVisible(
      ctx.actor,
      'vault.see',
      accessOf(request, await memberIdsOf(tx, request.receivingUnitId)),
      'Request',
    );
    authorize(ctx.actor, 'vault.legalHold', await holdAccessOf(tx, ctx.actor, request));
    const vault = await lockedVault(tx, requestId, ctx.now);
    if (vault.purgedAt && input.hold)
      throw conflict('VAULT_PURGED', 'The vault contents were already purged; there is nothing to hold');
    await tx
      .update(coordinationVaults)
      .set({
        legalHold: input.hold,
        legalHoldReason: input.reason,
        legalHoldByUserId: ctx.actor.userId,
        legalHoldAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(coordinationVaults.requestId, requestId));
    await recordAudit(tx, ctx, {
      action: input.hold ? 'coordination.vault_legal_hold_set' : 'coordination.vault_legal_hold_cleared',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { legalHold: { from: vault.legalHold, to: input.hold }, reason: input.reason },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

/**
 * Job: the contents of every vault whose request closed 90 days ago or more and is not on legal hold are
 * deleted (fields and photos); the vault row stays as the tombstone (when, by whom: null for this job,
 * how many entries and photos).
 */
export async function purgeClosedVaults(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - VAULT_PURGE_DAYS * DAY_MS);
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ requestId: coordinationVaults.requestId })
      .from(coordinationVaults)
      .innerJoin(coordinationRequests, eq(coordinationRequests.id, coordinationVaults.requestId))
      .where(
        and(
          isNull(coordinationVaults.purgedAt),
          eq(coordinationVaults.legalHold, false),
          lte(coordinationRequests.closedAt, cutoff),
        ),
      )
      .limit(200)
      .for('update', { of: coordinationVaults, skipLocked: true });
    const ctx = { actor: null, ip: null, userAgent: 'tipnet-job vault-purge', now };
    for (const { requestId } of due) {
      const [counted] = await tx
        .select({ n: count() })
        .from(coordinationVaultEntries)
        .where(eq(coordinationVaultEntries.requestId, requestId));
      const entryCount = counted?.n ?? 0;
      const [photos] = await tx
        .select({ n: count() })
        .from(coordinationVaultPhotos)
        .where(eq(coordinationVaultPhotos.requestId, requestId));
      const photoCount = photos?.n ?? 0;
      await tx.delete(coordinationVaultEntries).where(eq(coordinationVaultEntries.requestId, requestId));
      await tx.delete(coordinationVaultPhotos).where(eq(coordinationVaultPhotos.requestId, requestId));
      await tx
        .update(coordinationVaults)
        .set({
          purgedAt: now,
          purgedByUserId: null,
          purgedEntryCount: entryCount,
          purgedPhotoCount: photoCount,
          updatedAt: now,
        })
        .where(eq(coordinationVaults.requestId, requestId));
      await recordAudit(tx, ctx, {
        action: 'coordination.vault_purged',
        entityType: 'coordination_request',
        entityId: requestId,
        changes: { entryCount, photoCount, retentionDays: VAULT_PURGE_DAYS },
      });
    }
    return due.length;
  });
}
