/**
 * The vault of a coordination request: who learns what.
 * - Whoever may see the request (requesting organisation, the receiving unit, the Centre) sees that a
 *   vault exists, its counts by kind, consent, hold and tombstone: never a value.
 * - The requesting organisation (not observers) writes entries and reads back its own, with a purpose.
 * - The accepting unit reads once it accepted, and only under recorded consent, an override, or when the
 *   request names a child's age band (release logged as `child`).
 * - A Centre admin reads only inside an open break-glass window (break-glass.ts).
 * Every reading writes an audit event naming the purpose, the basis and the kinds read: never a value.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CHILD_AGE_BANDS,
  type CreateVaultEntryBody,
  type OverrideBody,
  type RecordConsentBody,
  type ReleaseBasis,
  type RevealBody,
  type UpdateVaultEntryBody,
  VAULT_LIMITS,
  VAULT_PURGE_DAYS,
  VAULT_RELEASE_STATES,
  type VaultContents,
  type VaultEntryKind,
  type VaultRefusal,
  type VaultView,
} from '../../../common/coordination-vault-api.ts';
import { DAY_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import {
  type CoordinationRequestRow,
  type CoordinationVaultRow,
  coordinationVaultBreakGlass,
  coordinationVaultEntries,
  coordinationVaults,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/key-ring.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, type CoordinationAccess, can } from '../../platform/policy.ts';
import { accessOf, getRequest, memberIdsOf, userNames } from '../coordination/index.ts';
import { openVaultValue, sealVaultValue } from './vault.crypto.ts';
import { holdAccessOf } from './vault.hold-access.ts';

export type Ctx = RequestContext & { actor: Actor };
type VaultDeps = { db: Db; keyRing: KeyRing };

/** 403 FORBIDDEN like every refusal, with the reason in `details.reason` so the screen can say what releases it. */
const refused = (reason: VaultRefusal, message: string) =>
  new AppError(403, 'FORBIDDEN', message, { reason });
const REFUSAL_MESSAGES: Record<VaultRefusal, string> = {
  VAULT_NOT_ACCEPTED:
    'The vault is released to the receiving unit only after it has accepted the request (accepted, in progress, awaiting information or done)',
  VAULT_CONSENT_REQUIRED:
    'No consent is recorded for this request and no override was given: record who consented, when and for what purpose, or give an override reason',
  VAULT_BREAK_GLASS_REQUIRED:
    'The Centre reads a vault only through break-glass: open a time-boxed window with a reason first',
  VAULT_NOT_RELEASED: 'The vault is released only to the requesting organisation and the accepting unit',
};

const isChild = (r: CoordinationRequestRow) =>
  r.ageBands.some((b) => (CHILD_AGE_BANDS as readonly string[]).includes(b));

/** The request, who may see it (404 for anyone else) and its vault row, if any. */
async function load(db: Db, actor: Actor, requestId: string, options: { lock?: boolean } = {}) {
  const request = await getRequest(db, requestId, options);
  const access = accessOf(request, await memberIdsOf(db, request.receivingUnitId));
  authorizeVisible(actor, 'vault.see', access, 'Request');
  const query = db.select().from(coordinationVaults).where(eq(coordinationVaults.requestId, requestId));
  const [vault] = options.lock ? await query.for('update') : await query;
  return { request, access, vault: vault ?? null };
}

async function openBreakGlass(db: Db, actor: Actor, requestId: string, now: Date) {
  const [row] = await db
    .select()
    .from(coordinationVaultBreakGlass)
    .where(
      and(
        eq(coordinationVaultBreakGlass.requestId, requestId),
        eq(coordinationVaultBreakGlass.adminUserId, actor.userId),
        isNull(coordinationVaultBreakGlass.endedAt),
        gt(coordinationVaultBreakGlass.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The basis on which the actor may read the contents now, or why not. */
function releaseFor(
  actor: Actor,
  request: CoordinationRequestRow,
  access: CoordinationAccess,
  vault: CoordinationVaultRow | null,
  breakGlassOpen: boolean,
): { basis: ReleaseBasis } | { refusal: VaultRefusal } {
  if (can(actor, 'vault.write', access)) return { basis: 'requester' };
  const inUnit = actor.role !== 'observer' && access.receivingUnitMemberIds.includes(actor.userId);
  if (inUnit) {
    if (!VAULT_RELEASE_STATES.includes(request.state)) return { refusal: 'VAULT_NOT_ACCEPTED' };
    if (isChild(request)) return { basis: 'child' };
    if (vault?.consentGivenAt) return { basis: 'consent' };
    if (vault?.overrideAt) return { basis: 'override' };
    return { refusal: 'VAULT_CONSENT_REQUIRED' };
  }
  if (can(actor, 'vault.breakGlass', undefined))
    return breakGlassOpen ? { basis: 'break_glass' } : { refusal: 'VAULT_BREAK_GLASS_REQUIRED' };
  return { refusal: 'VAULT_NOT_RELEASED' };
}

export async function getVault(deps: VaultDeps, actor: Actor, requestId: string, now: Date) {
  const { request, access, vault } = await load(deps.db, actor, requestId);
  return presentVault(deps.db, actor, request, access, vault, now);
}

async function presentVault(
  db: Db,
  actor: Actor,
  request: CoordinationRequestRow,
  access: CoordinationAccess,
  vault: CoordinationVaultRow | null,
  now: Date,
): Promise<VaultView> {
  const kinds = await db
    .select({ kind: coordinationVaultEntries.kind, count: count() })
    .from(coordinationVaultEntries)
    .where(eq(coordinationVaultEntries.requestId, request.id))
    .groupBy(coordinationVaultEntries.kind)
    .orderBy(asc(coordinationVaultEntries.kind));
  const [glass] = await db
    .select()
    .from(coordinationVaultBreakGlass)
    .where(
      and(
        eq(coordinationVaultBreakGlass.requestId, request.id),
        isNull(coordinationVaultBreakGlass.endedAt),
        gt(coordinationVaultBreakGlass.expiresAt, now),
      ),
    )
    .orderBy(asc(coordinationVaultBreakGlass.startedAt))
    .limit(1);
  const names = await userNames(db, [
    vault?.consentRecordedByUserId ?? null,
    vault?.overrideByUserId ?? null,
    vault?.legalHoldByUserId ?? null,
    vault?.purgedByUserId ?? null,
    glass?.adminUserId ?? null,
  ]);
  const person = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  const purged = vault?.purgedAt ?? null;
  const release = purged
    ? null
    : releaseFor(actor, request, access, vault, glass?.adminUserId === actor.userId);
  const entryCount = kinds.reduce((n, k) => n + k.count, 0);
  const released = can(actor, 'vault.release', access) && !purged;
  return {
    requestId: request.id,
    entryCount,
    kinds: kinds.map((k) => ({ kind: k.kind as VaultEntryKind, count: k.count })),
    child: isChild(request),
    consent:
      vault?.consentGivenAt && vault.consentGivenBy && vault.consentRecordedAt
        ? {
            givenBy: vault.consentGivenBy,
            givenAt: vault.consentGivenAt.toISOString(),
            purpose: vault.consentPurpose ?? '',
            recordedBy: person(vault.consentRecordedByUserId),
            recordedAt: vault.consentRecordedAt.toISOString(),
          }
        : null,
    override:
      vault?.overrideAt && vault.overrideReason
        ? {
            reason: vault.overrideReason,
            by: person(vault.overrideByUserId),
            at: vault.overrideAt.toISOString(),
          }
        : null,
    legalHold:
      vault?.legalHold && vault.legalHoldAt
        ? {
            reason: vault.legalHoldReason ?? '',
            by: person(vault.legalHoldByUserId),
            at: vault.legalHoldAt.toISOString(),
          }
        : null,
    purged:
      purged && vault
        ? {
            at: purged.toISOString(),
            by: person(vault.purgedByUserId),
            entryCount: vault.purgedEntryCount ?? 0,
            closedAt: (request.closedAt ?? purged).toISOString(),
          }
        : null,
    purgeDueAt:
      request.closedAt && !purged
        ? new Date(request.closedAt.getTime() + VAULT_PURGE_DAYS * DAY_MS).toISOString()
        : null,
    breakGlass: glass
      ? {
          id: glass.id,
          by: person(glass.adminUserId),
          reason: glass.reason,
          startedAt: glass.startedAt.toISOString(),
          expiresAt: glass.expiresAt.toISOString(),
        }
      : null,
    may: {
      write: !purged && can(actor, 'vault.write', access),
      recordConsent: released,
      override: released,
      reveal: release !== null && 'basis' in release && entryCount > 0,
      breakGlass: !purged && can(actor, 'vault.breakGlass', undefined),
      legalHold: can(actor, 'vault.legalHold', await holdAccessOf(db, actor, request)),
    },
    refusal: release && 'refusal' in release ? release.refusal : null,
  };
}

// ---- writing (the requesting organisation) ------------------------------------------------------------
const vaultPurged = () =>
  conflict('VAULT_PURGED', 'The vault contents were purged; only the tombstone (counts and dates) remains');

/** The vault row, created on first use, locked for the caller's transaction. */
async function ensureVault(tx: Db, requestId: string, now: Date) {
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

export async function addEntry(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof CreateVaultEntryBody>,
) {
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const { access } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.write', access);
    const vault = await ensureVault(tx, requestId, ctx.now);
    if (vault.purgedAt) throw vaultPurged();
    const [existing] = await tx
      .select({ n: count() })
      .from(coordinationVaultEntries)
      .where(eq(coordinationVaultEntries.requestId, requestId));
    if ((existing?.n ?? 0) >= VAULT_LIMITS.entries)
      throw badRequest('VAULT_FULL', `A vault holds at most ${VAULT_LIMITS.entries} entries`);
    await tx.insert(coordinationVaultEntries).values({
      id,
      requestId,
      kind: input.kind,
      ...sealVaultValue(deps.keyRing, id, requestId, input.value),
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx
      .update(coordinationVaults)
      .set({ updatedAt: ctx.now })
      .where(eq(coordinationVaults.requestId, requestId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_entry_added',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { entryId: id, field: input.kind },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

async function entryOf(tx: Db, requestId: string, entryId: string) {
  const [entry] = await tx
    .select()
    .from(coordinationVaultEntries)
    .where(and(eq(coordinationVaultEntries.id, entryId), eq(coordinationVaultEntries.requestId, requestId)))
    .for('update');
  if (!entry) throw notFound('Vault entry');
  return entry;
}

export async function updateEntry(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  entryId: string,
  input: z.infer<typeof UpdateVaultEntryBody>,
) {
  await deps.db.transaction(async (tx) => {
    const { access, vault } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.write', access);
    if (vault?.purgedAt) throw vaultPurged();
    const entry = await entryOf(tx, requestId, entryId);
    const kind = input.kind ?? entry.kind;
    await tx
      .update(coordinationVaultEntries)
      .set({ kind, ...sealVaultValue(deps.keyRing, entryId, requestId, input.value), updatedAt: ctx.now })
      .where(eq(coordinationVaultEntries.id, entryId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_entry_changed',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { entryId, field: kind, ...(kind !== entry.kind ? { fieldWas: entry.kind } : {}) },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

export async function removeEntry(deps: VaultDeps, ctx: Ctx, requestId: string, entryId: string) {
  await deps.db.transaction(async (tx) => {
    const { access, vault } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.write', access);
    if (vault?.purgedAt) throw vaultPurged();
    const entry = await entryOf(tx, requestId, entryId);
    await tx.delete(coordinationVaultEntries).where(eq(coordinationVaultEntries.id, entryId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_entry_removed',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { entryId, field: entry.kind },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

// ---- release (the accepting unit) ----------------------------------------------------------------------
export async function recordConsent(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof RecordConsentBody>,
) {
  const givenAt = new Date(input.givenAt);
  if (givenAt.getTime() > ctx.now.getTime() + 5 * 60_000)
    throw badRequest('CONSENT_IN_FUTURE', 'Consent cannot be recorded as given in the future');
  await deps.db.transaction(async (tx) => {
    const { access, vault } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.release', access);
    if (vault?.purgedAt) throw vaultPurged();
    await ensureVault(tx, requestId, ctx.now);
    await tx
      .update(coordinationVaults)
      .set({
        consentGivenBy: input.givenBy,
        consentGivenAt: givenAt,
        consentPurpose: input.purpose,
        consentRecordedByUserId: ctx.actor.userId,
        consentRecordedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(coordinationVaults.requestId, requestId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_consent_recorded',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { givenBy: input.givenBy, givenAt: givenAt.toISOString(), purpose: input.purpose },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

export async function recordOverride(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof OverrideBody>,
) {
  await deps.db.transaction(async (tx) => {
    const { access, vault } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.release', access);
    if (vault?.purgedAt) throw vaultPurged();
    await ensureVault(tx, requestId, ctx.now);
    await tx
      .update(coordinationVaults)
      .set({
        overrideReason: input.reason,
        overrideByUserId: ctx.actor.userId,
        overrideAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(coordinationVaults.requestId, requestId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_consent_overridden',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { reason: input.reason },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

/** The contents, to a reader with a basis; audited with the purpose in the same transaction. */
export async function reveal(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof RevealBody>,
): Promise<VaultContents> {
  return deps.db.transaction(async (tx) => {
    const { request, access, vault } = await load(tx, ctx.actor, requestId);
    if (vault?.purgedAt) throw vaultPurged();
    const glass = await openBreakGlass(tx, ctx.actor, requestId, ctx.now);
    const release = releaseFor(ctx.actor, request, access, vault, glass !== null);
    if ('refusal' in release) throw refused(release.refusal, REFUSAL_MESSAGES[release.refusal]);
    const rows = await tx
      .select()
      .from(coordinationVaultEntries)
      .where(eq(coordinationVaultEntries.requestId, requestId))
      .orderBy(asc(coordinationVaultEntries.createdAt), asc(coordinationVaultEntries.id));
    const entries = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      value: openVaultValue(deps.keyRing, row.id, requestId, row.value),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_read',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: {
        purpose: input.purpose,
        basis: release.basis,
        fields: [...new Set(rows.map((r) => r.kind))].sort(),
        entryCount: rows.length,
        ...(glass ? { breakGlassId: glass.id } : {}),
      },
    });
    return { basis: release.basis, purpose: input.purpose, entries };
  });
}
