import { createHash, randomBytes } from 'node:crypto';
import { and, asc, gt, inArray, isNotNull, lt, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { insertEachRowOf } from '../db/insert-each-row.ts';
import { type AuditEventRow, auditEvents, auditPending } from '../db/schema/index.ts';
import type { RequestContext } from './context.ts';
import { claimEachRowOf, claimIdempotencyKey, isClaimTaken, stillInFlight } from './idempotency.ts';

export const GENESIS_HASH = '0'.repeat(64);
const SECRET_KEY = /pass(word)?|token|secret|hash|code|cookie|otp/i;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
};

/**
 * Writes one audit event in the caller's transaction, chained to the previous event. The event is queued
 * in `audit_pending`; at COMMIT a deferred trigger (migration 0018) takes the chain lock, reads the head and
 * appends it with sha256(previous hash || the canonical content prepared here). The lock every writer of
 * the network shares is then held for the commit alone, not for the rest of the transaction.
 */
export async function recordAudit(tx: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, ctx, [entry]);
}

/**
 * Several audit events of one transaction in one INSERT (a job firing a hundred escalation steps), chained
 * at COMMIT in the order given, exactly as that many `recordAudit` calls would.
 */
export async function recordAudits(
  tx: Db,
  ctx: RequestContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  // Every mutation audits in its own transaction: the one place its Idempotency-Key is claimed with it.
  if (ctx.idempotency) await claimIdempotencyKey(tx, ctx.idempotency, ctx.now);
  await tx.insert(auditPending).values(entries.map((entry) => pendingRow(ctx, entry)));
}

/**
 * The audit event of a write made in one statement (a QR scan at the door, a forum registration), as CTEs
 * of that statement: one event per row that `source` (an earlier CTE, the write's RETURNING) yields, so a
 * write that wrote nothing audits nothing, and the request's Idempotency-Key claimed with it. The deferred
 * trigger chains the event at commit, as it does every event. Run the statement with `runAuditedWrite`.
 */
export function auditEachRowOf(ctx: RequestContext, entry: AuditEntry, source: SQLWrapper): SQL[] {
  const claim = ctx.idempotency;
  return [
    insertEachRowOf(auditPending, pendingRow(ctx, entry), source),
    ...(claim && !claim.written ? [claimEachRowOf(claim, ctx.now, source)] : []),
  ];
}

/**
 * Runs a write built with `auditEachRowOf`: once it wrote (a result other than null) its Idempotency-Key is
 * claimed; a concurrent request that claimed the key first gets 409, as `recordAudit`'s claim answers.
 */
export async function runAuditedWrite<T>(
  ctx: RequestContext,
  write: () => Promise<T | null>,
): Promise<T | null> {
  try {
    const written = await write();
    if (written !== null && ctx.idempotency) ctx.idempotency.written = true;
    return written;
  } catch (err) {
    if (isClaimTaken(err)) throw stillInFlight();
    throw err;
  }
}

function pendingRow(ctx: RequestContext, entry: AuditEntry) {
  const ip = ctx.ip;
  const userAgent = ctx.userAgent?.slice(0, 500) ?? null;
  const clientSalt = randomBytes(16).toString('hex');
  const content: AuditContent = {
    at: ctx.now,
    actorUserId: ctx.actor?.userId ?? null,
    actorOrganisationId: ctx.actor?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: redactSecrets(entry.changes ?? {}),
    ip,
    userAgent,
    clientCommitment: clientCommitment(clientSalt, ip, userAgent),
    clientSalt,
  };
  return { ...content, canonical: hashedContent(content) };
}

type AuditContent = Omit<AuditEventRow, 'id' | 'prevHash' | 'hash'>;

/**
 * The event's hash: sha256 of the previous hash followed by the canonical content. Events with a client
 * commitment hash it in place of the IP address and browser, so those can be purged and the chain still
 * verifies (ADR 0009); older events hash them as they are.
 */
export function chainHash(prevHash: string, c: AuditContent): string {
  return createHash('sha256').update(prevHash).update(hashedContent(c)).digest('hex');
}

function hashedContent(c: AuditContent): string {
  const what = {
    at: c.at.toISOString(),
    actorUserId: c.actorUserId,
    actorOrganisationId: c.actorOrganisationId,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    changes: c.changes,
  };
  return canonicalJson(
    c.clientCommitment === null
      ? { ...what, ip: c.ip, userAgent: c.userAgent }
      : { ...what, client: c.clientCommitment },
  );
}

/** A hiding commitment: without the random salt, which is purged with the IP, it cannot be matched. */
export function clientCommitment(salt: string, ip: string | null, userAgent: string | null): string {
  return createHash('sha256').update(salt).update(canonicalJson({ ip, userAgent })).digest('hex');
}

/** Whether the event's IP address and browser are still the ones it was written with (or were purged). */
function clientIntact(row: AuditEventRow): boolean {
  if (row.clientCommitment === null) return true;
  if (row.clientSalt === null) return row.ip === null && row.userAgent === null;
  return clientCommitment(row.clientSalt, row.ip, row.userAgent) === row.clientCommitment;
}

/**
 * Retention: forgets the IP address and browser of events written before `before`, keeping the events.
 * Events from before migration 0017 hash their IP directly and keep it. Batched; safe on every instance.
 */
export async function purgeAuditClientDetails(db: Db, before: Date, batchSize = 5000): Promise<number> {
  let purged = 0;
  for (;;) {
    const due = db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(lt(auditEvents.at, before), isNotNull(auditEvents.clientSalt)))
      .limit(batchSize);
    const rows = await db
      .update(auditEvents)
      .set({ ip: null, userAgent: null, clientSalt: null })
      .where(inArray(auditEvents.id, due))
      .returning({ id: auditEvents.id });
    purged += rows.length;
    if (rows.length < batchSize) return purged;
  }
}

/** JSON with object keys sorted at every level, so jsonb's reordering does not change the hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function redactSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : (v ?? null)]),
  );
}

/** Field-by-field summary of what changed, for the audit event. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to !== undefined && !sameValue(before[key], to)) changes[key] = { from: before[key] ?? null, to };
  }
  return changes;
}

/** Lists and objects (taxonomy codes, contact lists) compare by content, dates by instant. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object')
    return canonicalJson(a) === canonicalJson(b);
  return a === b;
}

export type ChainReport =
  | { ok: true; checked: number; head: { id: number; hash: string } | null }
  | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the whole chain in id order and names the first event whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, head: lastId ? { id: lastId, hash: prevHash } : null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: 'previous event missing or changed (link broken)',
        };
      }
      if (chainHash(row.prevHash, row) !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: 'content does not match its hash (event edited)',
        };
      }
      if (!clientIntact(row)) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: 'IP address or browser does not match its commitment (event edited)',
        };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
