/**
 * The victim-data vault of a coordination request (issue 12). Named data lives here, never on the
 * request: each value encrypted at rest with AES-256-GCM under the key ring (`key_id` names the key, so
 * the startup check and `keys:rotate` find values under old keys without decrypting). The per-request
 * row keeps consent, override, legal hold and, after the purge, the content-free tombstone.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ConsentGiver, VaultEntryKind, VaultPhotoType } from '../../../common/coordination-vault-api.ts';
import { coordinationRequests } from './coordination.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const coordinationVaults = pgTable('coordination_vaults', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => coordinationRequests.id),
  consentGivenBy: text('consent_given_by').$type<ConsentGiver>(),
  consentGivenAt: ts('consent_given_at'),
  consentPurpose: text('consent_purpose'),
  consentRecordedByUserId: uuid('consent_recorded_by_user_id').references(() => users.id),
  consentRecordedAt: ts('consent_recorded_at'),
  overrideReason: text('override_reason'),
  overrideByUserId: uuid('override_by_user_id').references(() => users.id),
  overrideAt: ts('override_at'),
  legalHold: boolean('legal_hold').notNull().default(false),
  legalHoldReason: text('legal_hold_reason'),
  legalHoldByUserId: uuid('legal_hold_by_user_id').references(() => users.id),
  legalHoldAt: ts('legal_hold_at'),
  /** Tombstone: when the contents were deleted, by whom (null: the retention job), how many. */
  purgedAt: ts('purged_at'),
  purgedByUserId: uuid('purged_by_user_id').references(() => users.id),
  purgedEntryCount: integer('purged_entry_count'),
  /** Tombstone: how many document photos the purge deleted. */
  purgedPhotoCount: integer('purged_photo_count'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
export type CoordinationVaultRow = typeof coordinationVaults.$inferSelect;

export const coordinationVaultEntries = pgTable(
  'coordination_vault_entries',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => coordinationVaults.requestId),
    kind: text('kind').$type<VaultEntryKind>().notNull(),
    /** The key the value is encrypted under (also in the ciphertext's header). */
    keyId: text('key_id').notNull(),
    /** `v1:<keyId>:<iv>:<ciphertext+tag>`, bound to this entry and request (associated data). */
    value: text('value').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('coordination_vault_entries_request_idx').on(t.requestId),
    index('coordination_vault_entries_key_idx').on(t.keyId),
    check('coordination_vault_entries_encrypted', sql`${t.value} like 'v1:%'`),
  ],
);
export type CoordinationVaultEntryRow = typeof coordinationVaultEntries.$inferSelect;

/**
 * Photos of documents (passport, ID card, work permit). The bytes, with location and camera metadata
 * removed, are encrypted like the values (`data`: `v1:<keyId>:<iv>:<ciphertext+tag>`, bound to this photo
 * and request); `type` is the one verified from the bytes' signature, never the client's word.
 */
export const coordinationVaultPhotos = pgTable(
  'coordination_vault_photos',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => coordinationVaults.requestId),
    type: text('type').$type<VaultPhotoType>().notNull(),
    /** Size of the stored image (after the metadata was removed), in bytes. */
    bytes: integer('bytes').notNull(),
    keyId: text('key_id').notNull(),
    data: text('data').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('coordination_vault_photos_request_idx').on(t.requestId),
    index('coordination_vault_photos_key_idx').on(t.keyId),
    check('coordination_vault_photos_encrypted', sql`${t.data} like 'v1:%'`),
    check('coordination_vault_photos_type', sql`${t.type} in ('image/jpeg', 'image/png', 'image/webp')`),
  ],
);
export type CoordinationVaultPhotoRow = typeof coordinationVaultPhotos.$inferSelect;

/** A Centre admin's time-boxed emergency access; `ended_at` set on close or by the job at expiry. */
export const coordinationVaultBreakGlass = pgTable(
  'coordination_vault_break_glass',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => coordinationVaults.requestId),
    adminUserId: uuid('admin_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    startedAt: ts('started_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    endedAt: ts('ended_at'),
    /** `closed` (by the admin) or `expired` (by the job). */
    endedHow: text('ended_how').$type<'closed' | 'expired'>(),
  },
  (t) => [
    index('coordination_vault_break_glass_open_idx').on(t.expiresAt).where(sql`${t.endedAt} is null`),
    index('coordination_vault_break_glass_request_idx').on(t.requestId),
  ],
);
export type CoordinationVaultBreakGlassRow = typeof coordinationVaultBreakGlass.$inferSelect;
