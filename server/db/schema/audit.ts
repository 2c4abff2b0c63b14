import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only and hash-chained; a trigger (migrations 0001, 0017) rejects UPDATE, DELETE and TRUNCATE,
 * except the retention purge nulling `ip`, `user_agent` and `client_salt` of an event that hashes only
 * their salted commitment (ADR 0009).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** sha256(salt, ip, user agent): what the chain hashes instead of them. Null on events before 0017. */
    clientCommitment: text('client_commitment'),
    /** Random per event; purged with the IP, after which the commitment can no longer be matched. */
    clientSalt: text('client_salt'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_action_idx').on(t.action, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorUserId, t.id),
    index('audit_events_org_idx').on(t.actorOrganisationId, t.id),
  ],
);
export type AuditEventRow = typeof auditEvents.$inferSelect;

/**
 * An audit event on its way into the chain: written by `recordAudit`, moved into `audit_events` and deleted
 * at the transaction's COMMIT by a deferred trigger (migration 0018), under the chain lock held only then.
 * `canonical` is what the chain hashes after the previous hash.
 */
export const auditPending = pgTable('audit_pending', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  actorUserId: uuid('actor_user_id'),
  actorOrganisationId: uuid('actor_organisation_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  clientCommitment: text('client_commitment'),
  clientSalt: text('client_salt'),
  canonical: text('canonical').notNull(),
});
