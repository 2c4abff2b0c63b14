/**
 * The HTTP contract between server and web: every request body, query and response shape.
 * The server validates and documents with these; the web app types its calls with them.
 */
import { z } from 'zod';
import { LANGUAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, SECTORS } from './taxonomies.ts';

export const Id = z.uuid();
export const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const Role = z.enum(ROLES);
export const Sector = z.enum(SECTORS);
export const Language = z.enum(LANGUAGES);
export const DisplayName = z.string().trim().min(1).max(120);
export const Timestamp = z.iso.datetime({ offset: true });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

// ---- organisations -------------------------------------------------------
export const OrganisationSummary = z.object({
  id: Id,
  nameTh: z.string(),
  nameEn: z.string(),
  abbreviation: z.string().nullable(),
  /** English pages show this one, never the Thai `abbreviation`. */
  abbreviationEn: z.string().nullable(),
  sector: Sector,
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

// ---- current user --------------------------------------------------------
export const MeView = z.object({
  user: z.object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    language: Language,
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
  }),
  organisation: OrganisationSummary,
});
export type MeView = z.infer<typeof MeView>;

export const UpdateMeBody = z.strictObject({
  displayName: DisplayName.optional(),
  language: Language.optional(),
});
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: Password,
});

export { BACKGROUND_READ_HEADER, SESSION_EXPIRES_HEADER } from './session-headers.ts';
export const SessionExpiryView = z.object({ expiresAt: Timestamp });
export type SessionExpiryView = z.infer<typeof SessionExpiryView>;

export const SessionView = z.object({
  id: Id,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof SessionView>;

// ---- auth ------------------------------------------------------------------
export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
/** 200 from login: either signed in, or a TOTP code is needed to finish. */
export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: MeView }),
  z.object({ status: z.literal('totp_required'), challenge: z.string() }),
]);
export type LoginResult = z.infer<typeof LoginResult>;
/** `code` is a 6-digit TOTP code or one of the recovery codes. */
export const LoginTotpBody = z.strictObject({
  challenge: z.string().min(1).max(1000),
  code: z.string().trim().min(6).max(32),
});

export const PasswordResetRequestBody = z.strictObject({ email: Email });
export const PasswordResetConfirmBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: Password,
});

export const TotpSetupView = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const TotpConfirmBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const RecoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
export const TotpDisableBody = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

// ---- invitations -----------------------------------------------------------
export const CreateInvitationBody = z.strictObject({
  email: Email,
  organisationId: Id,
  role: Role,
  language: Language.default('th'),
});
export const InvitationView = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  organisation: OrganisationSummary,
  invitedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type InvitationView = z.infer<typeof InvitationView>;
/** What the invitee sees before accepting (public, by token). */
export const InvitationPreview = z.object({
  email: z.string(),
  role: Role,
  organisation: OrganisationSummary,
});
export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(1).max(200),
  displayName: DisplayName,
  password: Password,
  language: Language.optional(),
  /** The version of the privacy notice the invitee read and accepted: it must be the current one. */
  privacyNoticeVersion: z.string().min(1).max(40),
});

// ---- users (admin) -----------------------------------------------------------
export const UserView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  language: Language,
  active: z.boolean(),
  /** Left and anonymised (PDPA): cannot be reactivated. */
  anonymised: z.boolean(),
  totpEnabled: z.boolean(),
  organisation: OrganisationSummary,
  createdAt: Timestamp,
  lastLoginAt: Timestamp.nullable(),
});
export type UserView = z.infer<typeof UserView>;
export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: Id.optional(),
});
export const UpdateUserBody = z.strictObject({ role: Role.optional(), active: z.boolean().optional() });

// ---- audit ---------------------------------------------------------------------
export const AuditEventView = z.object({
  id: z.string(),
  at: Timestamp,
  actor: z.object({ id: Id, displayName: z.string(), email: z.string() }).nullable(),
  actorOrganisation: OrganisationSummary.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventView>;
/** What an id in the log names (an organisation, user, person or problem), in Thai and English. */
export const AuditName = z.object({ th: z.string(), en: z.string() });
export const AuditEventPage = Page(AuditEventView).extend({
  /** Names of the ids on this page (entities and ids inside changes), so the log never shows a bare UUID. */
  names: z.record(z.string(), AuditName),
});
export type AuditEventPage = z.infer<typeof AuditEventPage>;
export const AuditListQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorId: Id.optional(),
  organisationId: Id.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
});

// ---- email outbox (admin) ----------------------------------------------------------
export const OutboxEmailView = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'held']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
});
export type OutboxEmailView = z.infer<typeof OutboxEmailView>;
export const OutboxListQuery = PageQuery.extend({
  status: z.enum(['pending', 'sent', 'failed', 'held']).optional(),
});

export const OkView = z.object({ ok: z.literal(true) });
