import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type AuditEventRow, auditEvents } from '../db/schema/index.ts';
import type { RequestContext } from './context.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises audit writers so the chain has exactly one successor per event. */
const AUDIT_CHAIN_LOCK = 0x41554454;
const SECRET_KEY = /pass(word)?|token|secret|hash|code|cookie|otp/i;

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
};

/** Writes one audit event in the caller's transaction, chained to the previous event. */
export async function recordAudit(tx: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const content: AuditContent = {
    at: ctx.now,
    actorUserId: ctx.actor?.userId ?? null,
    actorOrganisationId: ctx.actor?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: redactSecrets(entry.changes ?? {}),
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...content, prevHash, hash: chainHash(prevHash, content) });
}

type AuditContent = Omit<AuditEventRow, 'id' | 'prevHash' | 'hash'>;

export function chainHash(prevHash: string, c: AuditContent): string {
  const canonical = canonicalJson({
    at: c.at.toISOString(),
    actorUserId: c.actorUserId,
    actorOrganisationId: c.actorOrganisationId,
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    changes: c.changes,
    ip: c.ip,
    userAgent: c.userAgent,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
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
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
