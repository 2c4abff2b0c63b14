/** The HTTP contract of the LINE notification channel (/api/v1/line) and its per-kind preferences. */
import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './api.ts';

export const LINE_FREQUENCIES = ['immediately', 'daily', 'off'] as const;
export type LineFrequency = (typeof LINE_FREQUENCIES)[number];
const LineFrequencyCode = z.enum(LINE_FREQUENCIES);

/**
 * What a LINE message can be about: the four reasons of problem notifications (as email has), coordination
 * requests, and critical coordination escalations (for on-call members, on LINE by default).
 */
export const LINE_KINDS = [
  'myProblems',
  'assignedToMyOrganisation',
  'followed',
  'mentions',
  'coordination',
  'criticalEscalation',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const LinePreferencesView = z.object({
  myProblems: LineFrequencyCode,
  assignedToMyOrganisation: LineFrequencyCode,
  followed: LineFrequencyCode,
  mentions: LineFrequencyCode,
  coordination: LineFrequencyCode,
  criticalEscalation: LineFrequencyCode,
});
export type LinePreferences = z.infer<typeof LinePreferencesView>;
export const UpdateLinePreferencesBody = z.strictObject(LinePreferencesView.shape);

/** Someone who links LINE wants to hear there what needs them now; what they only follow stays off. */
export const DEFAULT_LINE_PREFERENCES: LinePreferences = {
  myProblems: 'immediately',
  assignedToMyOrganisation: 'immediately',
  followed: 'off',
  mentions: 'immediately',
  coordination: 'immediately',
  criticalEscalation: 'immediately',
};

export const LineStatusView = z.object({
  /** false: the server has no LINE channel configured; settings say so and nothing is sent. */
  configured: z.boolean(),
  /** The Official Account's add-friend link, for the QR code; null when not configured. */
  addFriendUrl: z.string().nullable(),
  /** The add-friend link as an SVG QR code, for scanning from a computer; null when there is no link. */
  addFriendQrSvg: z.string().nullable(),
  linked: z.boolean(),
  linkedAt: Timestamp.nullable(),
});
export type LineStatus = z.infer<typeof LineStatusView>;

/** The link token LINE issued to the bot, carried in the link the bot replied with on `follow`. */
export const StartLineLinkBody = z.strictObject({
  linkToken: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export const StartLineLinkView = z.object({
  /** LINE's account-link endpoint with the link token and TIPNet's nonce: the browser goes there. */
  redirectUrl: z.string(),
});

export const LineQuotaView = z.object({
  configured: z.boolean(),
  /** null: no monthly limit, or not known. */
  limit: z.number().int().nullable(),
  used: z.number().int().nullable(),
  /** used ≥ 80 % of the limit. */
  warn: z.boolean(),
  /** Pushes waiting or retrying, and those given up on, in the LINE outbox. */
  pending: z.number().int(),
  failed: z.number().int(),
});
export type LineQuota = z.infer<typeof LineQuotaView>;

/** pending → sent | failed; digest → digested (folded into one daily message). */
export const LINE_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'digest', 'digested'] as const;
export type LineDeliveryStatus = (typeof LINE_DELIVERY_STATUSES)[number];

export const LineDeliveryListQuery = PageQuery.extend({ status: z.enum(LINE_DELIVERY_STATUSES).optional() });

/**
 * One LINE message in the outbox as the Centre sees it: what kind it was, to whom, and how delivery went.
 * Never its text: the kind is all an operator needs to judge it.
 */
export const LineDeliveryView = z.object({
  id: Id,
  kind: z.enum([...LINE_KINDS, 'digest']),
  status: z.enum(LINE_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  recipient: z.object({ id: Id, displayName: z.string() }),
  /** Whether the recipient has LINE linked now: a failed message to someone unlinked cannot be retried. */
  recipientLinked: z.boolean(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  /** When a pending message is tried next (null once it is no longer pending). */
  nextAttemptAt: Timestamp.nullable(),
});
export type LineDelivery = z.infer<typeof LineDeliveryView>;
export const LineDeliveryParams = z.strictObject({ id: Id });
