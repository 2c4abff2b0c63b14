/**
 * The vault of a coordination request: who learns what.
 * - Whoever may see the request (requesting organisation, the receiving unit, the Centre) sees that a
 *   vault exists, its counts by kind, consent, hold and tombstone: never a value.
 * - The requesting organisation (not observers) writes entries and reads back its own, with a purpose.
 * - The accepting unit reads once it accepted, and only under recorded consent, an override, or when the
 *   request names a child's age band (release logged as `child`).
 * - A Centre admin reads only inside an open break-glass window (break-glass.ts).
 * Every reading writes an audit event naming the purpose, the basis and the kinds read: never a value.
 * Photos of documents follow the same rules: the requesting organisation adds them while the request is
 * open, each one is viewed on its own with a purpose (`coordination.vault_photo_viewed`), and anyone
 * without a basis to read gets 404 for the image.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { OPEN_COORDINATION_STATES } from '../../../common/coordination-states.ts';
import {
  type AddVaultPhotoBody,
  CHILD_AGE_BANDS,
  type CreateVaultEntryBody,
  type OverrideBody,
  type RecordConsentBody,
  type ReleaseBasis,
  type RevealBody,
  type UpdateVaultEntryBody,
  VAULT_LIMITS,
  VAULT_PHOTO_LIMITS,
  VAULT_PURGE_DAYS,
  VAULT_RELEASE_STATES,
  type VaultContents,
  type VaultEntryKind,
  type VaultPhotoType,
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
  coordinationVaultPhotos,
  coordinationVaults,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto/key-ring.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, type CoordinationAccess, can } from '../../platform/policy.ts';
import { accessOf, getRequest, memberIdsOf, userNames } from '../coordination/index.ts';
import { openVaultPhoto, openVaultValue, sealVaultPhoto, sealVaultValue } from './vault.crypto.ts';
import { holdAccessOf } from './vault.hold-access.ts';
import { PhotoFormatError, photoTypeOf, withoutMetadata } from './vault.photo.ts';

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
  const photos = await db
    .select({
      id: coordinationVaultPhotos.id,
      type: coordinationVaultPhotos.type,
      bytes: coordinationVaultPhotos.bytes,
      createdAt: coordinationVaultPhotos.createdAt,
    })
    .from(coordinationVaultPhotos)
    .where(eq(coordinationVaultPhotos.requestId, request.id))
    .orderBy(asc(coordinationVaultPhotos.createdAt), asc(coordinationVaultPhotos.id));
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
    photos: photos.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
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
            photoCount: vault.purgedPhotoCount ?? 0,
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
      addPhoto:
        !purged &&
        can(actor, 'vault.write', access) &&
        OPEN_COORDINATION_STATES.includes(request.state) &&
        photos.length < VAULT_PHOTO_LIMITS.perRequest,
      recordConsent: released,
      override: released,
      reveal: release !== null && 'basis' in release && entryCount + photos.length > 0,
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

// ---- photos of documents ---------------------------------------------------------------------------------
/** The decoded bytes of a base64 upload (a `data:` URL's prefix is ignored), or a 400. */
function decodePhoto(contentBase64: string): Buffer {
  const text = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1)
    throw badRequest('PHOTO_NOT_BASE64', 'contentBase64 must be the photo in standard base64');
  return Buffer.from(text, 'base64');
}

/** Adds a photo of a document (the requesting organisation, while the request is open). */
export async function addPhoto(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  input: z.infer<typeof AddVaultPhotoBody>,
) {
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const { request, access } = await load(tx, ctx.actor, requestId, { lock: true });
    authorize(ctx.actor, 'vault.write', access);
    if (!OPEN_COORDINATION_STATES.includes(request.state))
      throw conflict('REQUEST_CLOSED', 'Photos are added only while the request is open');
    const raw = decodePhoto(input.contentBase64);
    if (raw.length === 0) throw badRequest('PHOTO_EMPTY', 'The photo is empty');
    if (raw.length > VAULT_PHOTO_LIMITS.bytes)
      throw new AppError(
        413,
        'PHOTO_TOO_LARGE',
        `A photo is at most ${VAULT_PHOTO_LIMITS.bytes / (1024 * 1024)} MB`,
      );
    const type = photoTypeOf(raw);
    if (!type)
      throw new AppError(415, 'PHOTO_TYPE_UNSUPPORTED', 'Only JPEG, PNG or WebP photos are accepted');
    let bytes: Buffer;
    try {
      bytes = withoutMetadata(raw, type);
    } catch (err) {
      if (err instanceof PhotoFormatError)
        throw new AppError(415, 'PHOTO_TYPE_UNSUPPORTED', `The file is not a readable ${type} image`);
      throw err;
    }
    const vault = await ensureVault(tx, requestId, ctx.now);
    if (vault.purgedAt) throw vaultPurged();
    const [existing] = await tx
      .select({ n: count() })
      .from(coordinationVaultPhotos)
      .where(eq(coordinationVaultPhotos.requestId, requestId));
    if ((existing?.n ?? 0) >= VAULT_PHOTO_LIMITS.perRequest)
      throw conflict('VAULT_PHOTOS_FULL', `A vault holds at most ${VAULT_PHOTO_LIMITS.perRequest} photos`);
    await tx.insert(coordinationVaultPhotos).values({
      id,
      requestId,
      type,
      bytes: bytes.length,
      ...sealVaultPhoto(deps.keyRing, id, requestId, bytes),
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await tx
      .update(coordinationVaults)
      .set({ updatedAt: ctx.now })
      .where(eq(coordinationVaults.requestId, requestId));
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_photo_added',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: { photoId: id, type, bytes: bytes.length, metadataRemoved: raw.length - bytes.length },
    });
  });
  return getVault(deps, ctx.actor, requestId, ctx.now);
}

/**
 * One photo's bytes, to a reader with a basis (the same as for the fields), audited with the purpose in
 * the same transaction. Anyone else, and any photo of another request, gets 404.
 */
export async function viewPhoto(
  deps: VaultDeps,
  ctx: Ctx,
  requestId: string,
  photoId: string,
  input: z.infer<typeof RevealBody>,
): Promise<{ type: VaultPhotoType; bytes: Buffer }> {
  return deps.db.transaction(async (tx) => {
    const { request, access, vault } = await load(tx, ctx.actor, requestId);
    const glass = await openBreakGlass(tx, ctx.actor, requestId, ctx.now);
    const release = vault?.purgedAt ? null : releaseFor(ctx.actor, request, access, vault, glass !== null);
    authorizeVisible(
      ctx.actor,
      'vault.viewPhoto',
      { basis: release && 'basis' in release ? release.basis : null },
      'Photo',
    );
    const [row] = await tx
      .select()
      .from(coordinationVaultPhotos)
      .where(and(eq(coordinationVaultPhotos.id, photoId), eq(coordinationVaultPhotos.requestId, requestId)));
    if (!row || !release || !('basis' in release)) throw notFound('Photo');
    const bytes = openVaultPhoto(deps.keyRing, row.id, requestId, row.data);
    await recordAudit(tx, ctx, {
      action: 'coordination.vault_photo_viewed',
      entityType: 'coordination_request',
      entityId: requestId,
      changes: {
        purpose: input.purpose,
        basis: release.basis,
        photoId,
        ...(glass ? { breakGlassId: glass.id } : {}),
      },
    });
    return { type: row.type, bytes };
  });
}
