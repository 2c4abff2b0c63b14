/**
 * PDPA: a person's copy of their own data, and the anonymisation of someone who left (ADR 0009).
 * The export never holds a secret (password hash, TOTP secret, recovery codes, token hashes) nor other
 * people's personal data: response serialisation drops any field not declared here.
 */
import { z } from 'zod';
import { Id, Language, OrganisationSummary, Role, Timestamp } from './api.ts';
import { NotificationPreferencesView } from './notifications-api.ts';

const Ts = Timestamp;

export const DataExportView = z.object({
  exportedAt: Ts,
  profile: z.object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    role: Role,
    language: Language,
    active: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: Ts,
    updatedAt: Ts,
    lastLoginAt: Ts.nullable(),
    /** The privacy notice accepted with the invitation (null for accounts made before it existed). */
    privacyNoticeVersion: z.string().nullable(),
    privacyNoticeAcceptedAt: Ts.nullable(),
  }),
  organisation: OrganisationSummary,
  /** Their own entry in the directory, if their organisation lists them. */
  directoryEntry: z
    .object({
      id: Id,
      nameTh: z.string(),
      nameEn: z.string().nullable(),
      position: z.string().nullable(),
      positionEn: z.string().nullable(),
      department: z.string().nullable(),
      phones: z.array(z.object({ type: z.string(), value: z.string() })),
      email: z.string().nullable(),
      lineId: z.string().nullable(),
      languages: z.array(z.string()),
      active: z.boolean(),
      createdAt: Ts,
      updatedAt: Ts,
    })
    .nullable(),
  sessions: z.array(
    z.object({
      id: Id,
      createdAt: Ts,
      lastSeenAt: Ts,
      expiresAt: Ts,
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  /** What they did, as the audit log recorded it; details only of changes to their own account. */
  auditEvents: z.array(
    z.object({
      id: z.string(),
      at: Ts,
      action: z.string(),
      entityType: z.string(),
      entityId: z.string().nullable(),
      changes: z.record(z.string(), z.unknown()).nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.object({
      id: Id,
      type: z.string(),
      title: z.string(),
      body: z.string(),
      category: z.string(),
      provinces: z.array(z.string()),
      sectors: z.array(z.string()),
      proposedSolution: z.string().nullable(),
      source: z.string().nullable(),
      anonymous: z.boolean(),
      state: z.string(),
      createdAt: Ts,
    }),
  ),
  comments: z.array(
    z.object({
      id: Id,
      problemId: Id,
      parentId: Id.nullable(),
      body: z.string(),
      createdAt: Ts,
      editedAt: Ts.nullable(),
      hiddenAt: Ts.nullable(),
    }),
  ),
  answers: z.array(
    z.object({
      id: Id,
      problemId: Id,
      organisationId: Id,
      bodyTh: z.string(),
      bodyEn: z.string().nullable(),
      createdAt: Ts,
    }),
  ),
  supports: z.array(
    z.object({ id: Id, problemId: Id, organisationId: Id, context: z.string().nullable(), createdAt: Ts }),
  ),
  notifications: z.array(
    z.object({
      id: Id,
      kind: z.string(),
      reason: z.string(),
      /** A notification is about a problem or about a coordination request. */
      problemId: Id.nullable(),
      coordinationRequestId: Id.nullable(),
      createdAt: Ts,
      readAt: Ts.nullable(),
      emailedAt: Ts.nullable(),
    }),
  ),
  notificationPreferences: NotificationPreferencesView,
});
export type DataExportView = z.infer<typeof DataExportView>;

/** What an anonymised account or directory person is called, followed by its stable pseudonym. */
export const FORMER_USER_TH = 'ผู้ใช้ที่ออกแล้ว';
export const FORMER_USER_EN = 'Former user';
