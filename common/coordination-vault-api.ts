/**
 * The victim-data vault of a coordination request: named data (names, ID/passport and phone numbers)
 * kept apart from the request, encrypted at rest, released to the accepting unit only under consent,
 * an override or for children, every reading audited with its purpose. Rules as data, shared by the
 * server (which enforces them) and the web (which explains them).
 */
import { z } from 'zod';
import { Id, Timestamp } from './api.ts';
import type { CoordinationState } from './coordination-states.ts';

export const VAULT_ENTRY_KINDS = ['name', 'national_id', 'passport', 'phone', 'other'] as const;
export type VaultEntryKind = (typeof VAULT_ENTRY_KINDS)[number];

/** Who gave consent: a role, never a name (the name would be vault content). */
export const CONSENT_GIVERS = ['person', 'parent_guardian', 'legal_representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** The accepting unit reads the vault only once it has accepted the request, and until purge. */
export const VAULT_RELEASE_STATES: readonly CoordinationState[] = [
  'accepted',
  'in_progress',
  'awaiting_info',
  'done',
];
/** A request naming one of these age bands concerns a child: no consent needed, the release is logged. */
export const CHILD_AGE_BANDS = ['under_12', '12_17'] as const;

export const VAULT_PURGE_DAYS = 90;
export const BREAK_GLASS_MINUTES = { min: 5, max: 60, default: 30 };
export const VAULT_LIMITS = { value: 300, entries: 50, purpose: 500, reason: 1000 };

/**
 * Photos of documents: JPEG, PNG or WebP (checked from the bytes), at most 5 MB each and 6 per request.
 * Sent as base64 in JSON (`contentBase64`), so the upload is one JSON call like every other.
 */
export const VAULT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type VaultPhotoType = (typeof VAULT_PHOTO_TYPES)[number];
export const VAULT_PHOTO_LIMITS = { bytes: 5 * 1024 * 1024, perRequest: 6 };
/** The base64 text of the largest photo (4 characters per 3 bytes). */
export const VAULT_PHOTO_BASE64_MAX = Math.ceil(VAULT_PHOTO_LIMITS.bytes / 3) * 4;
/** The upload route's body limit: the largest photo in base64, its data: prefix and the JSON around it. */
export const VAULT_PHOTO_BODY_LIMIT = VAULT_PHOTO_BASE64_MAX + 4096;

/** Why a reader got the contents: recorded with every read. */
export const RELEASE_BASES = ['requester', 'consent', 'override', 'child', 'break_glass'] as const;
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

/** Why the contents are refused (403 FORBIDDEN, `details.reason`), so the screen can say what releases them. */
export const VAULT_REFUSALS = [
  'VAULT_NOT_ACCEPTED',
  'VAULT_CONSENT_REQUIRED',
  'VAULT_BREAK_GLASS_REQUIRED',
  'VAULT_NOT_RELEASED',
] as const;
export type VaultRefusal = (typeof VAULT_REFUSALS)[number];

const Text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const Person = z.object({ id: Id, displayName: z.string() });

export const VaultParams = z.strictObject({ id: Id });
export const VaultEntryParams = z.strictObject({ id: Id, entryId: Id });
export const VaultPhotoParams = z.strictObject({ id: Id, photoId: Id });
/**
 * A photo's bytes in standard base64 (a `data:` URL's prefix is accepted and ignored). No length here:
 * the route's body limit and the decoded size answer 413, not a validation error.
 */
export const AddVaultPhotoBody = z.strictObject({ contentBase64: z.string() });
export const VaultPhotoView = z.object({
  id: Id,
  type: z.enum(VAULT_PHOTO_TYPES),
  bytes: z.number().int(),
  createdAt: Timestamp,
});
export const CreateVaultEntryBody = z.strictObject({
  kind: z.enum(VAULT_ENTRY_KINDS),
  value: Text(VAULT_LIMITS.value),
});
export const UpdateVaultEntryBody = z.strictObject({
  kind: z.enum(VAULT_ENTRY_KINDS).optional(),
  value: Text(VAULT_LIMITS.value),
});
export const RecordConsentBody = z.strictObject({
  givenBy: z.enum(CONSENT_GIVERS),
  givenAt: Timestamp,
  purpose: Text(VAULT_LIMITS.purpose, 3),
});
export const OverrideBody = z.strictObject({ reason: Text(VAULT_LIMITS.reason, 10) });
export const RevealBody = z.strictObject({ purpose: Text(VAULT_LIMITS.purpose, 3) });
export const BreakGlassBody = z.strictObject({
  reason: Text(VAULT_LIMITS.reason, 10),
  minutes: z
    .number()
    .int()
    .min(BREAK_GLASS_MINUTES.min)
    .max(BREAK_GLASS_MINUTES.max)
    .default(BREAK_GLASS_MINUTES.default),
});
export const LegalHoldBody = z.strictObject({ hold: z.boolean(), reason: Text(VAULT_LIMITS.reason, 3) });

/** What anyone who may see the request learns of its vault: that it exists, never its contents. */
export const VaultView = z.object({
  requestId: Id,
  entryCount: z.number().int(),
  kinds: z.array(z.object({ kind: z.enum(VAULT_ENTRY_KINDS), count: z.number().int() })),
  /** The photos of documents: type, size and date only (the image is read with a purpose, audited). */
  photos: z.array(VaultPhotoView),
  /** The request names a child's age band: released to the accepting unit without consent. */
  child: z.boolean(),
  consent: z
    .object({
      givenBy: z.enum(CONSENT_GIVERS),
      givenAt: Timestamp,
      purpose: z.string(),
      recordedBy: Person.nullable(),
      recordedAt: Timestamp,
    })
    .nullable(),
  override: z.object({ reason: z.string(), by: Person.nullable(), at: Timestamp }).nullable(),
  legalHold: z.object({ reason: z.string(), by: Person.nullable(), at: Timestamp }).nullable(),
  /** The tombstone: contents deleted, counts and dates kept. */
  purged: z
    .object({
      at: Timestamp,
      by: Person.nullable(),
      entryCount: z.number().int(),
      photoCount: z.number().int(),
      closedAt: Timestamp,
    })
    .nullable(),
  /** When the contents will be purged (90 days after the request closed), unless held. */
  purgeDueAt: Timestamp.nullable(),
  breakGlass: z
    .object({ id: Id, by: Person.nullable(), reason: z.string(), startedAt: Timestamp, expiresAt: Timestamp })
    .nullable(),
  /** What the viewer may do now; `reveal: false` comes with the reason. */
  may: z.object({
    write: z.boolean(),
    /** Add a photo of a document: the requesting organisation, while the request is open, under the cap. */
    addPhoto: z.boolean(),
    recordConsent: z.boolean(),
    override: z.boolean(),
    reveal: z.boolean(),
    breakGlass: z.boolean(),
    legalHold: z.boolean(),
  }),
  refusal: z.enum(VAULT_REFUSALS).nullable(),
});
export type VaultView = z.infer<typeof VaultView>;

export const VaultEntryView = z.object({
  id: Id,
  kind: z.enum(VAULT_ENTRY_KINDS),
  value: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type VaultEntryView = z.infer<typeof VaultEntryView>;
export const VaultContents = z.object({
  basis: z.enum(RELEASE_BASES),
  purpose: z.string(),
  entries: z.array(VaultEntryView),
});
export type VaultContents = z.infer<typeof VaultContents>;
