/** The contract of SLA settings (holidays, policy versions), request ratings and coordination metrics. */
import { z } from 'zod';
import { Id, Language, OrganisationSummary, Timestamp } from './api.ts';
import { SLA_CLOCK_STATES, SLA_TARGET_NAMES } from './coordination-sla.ts';
import { URGENCY_CODES } from './coordination-states.ts';
import { DAY_MS } from './time.ts';

const Day = z.iso.date();

// ---- holidays --------------------------------------------------------------------------------------
export const HolidayView = z.object({ day: Day, nameTh: z.string(), nameEn: z.string() });
export const HolidayList = z.object({ items: z.array(HolidayView) });
export const HolidayListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2200).optional(),
});
export const AddHolidayBody = z.strictObject({
  day: Day,
  nameTh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});
export const HolidayParams = z.strictObject({ day: Day });

// ---- SLA policy versions -----------------------------------------------------------------------------
const MAX_TARGET_MS = 30 * DAY_MS;
export const SlaTargetSchema = z
  .discriminatedUnion('clock', [
    z.strictObject({ clock: z.literal('24x7'), ms: z.number().int().min(60_000).max(MAX_TARGET_MS) }),
    z.strictObject({ clock: z.literal('business'), businessDays: z.number().int().min(1).max(60) }),
  ])
  .nullable();
export const SlaTargetsSchema = z.strictObject({
  acknowledge: SlaTargetSchema,
  acceptOrDecline: SlaTargetSchema,
  outcome: SlaTargetSchema,
});
const PolicyTargets = z.strictObject(
  Object.fromEntries(URGENCY_CODES.map((u) => [u, SlaTargetsSchema])) as Record<
    (typeof URGENCY_CODES)[number],
    typeof SlaTargetsSchema
  >,
);
export const SlaPolicyView = z.object({
  version: z.number().int(),
  targets: PolicyTargets,
  note: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  current: z.boolean(),
});
export const SlaPolicyList = z.object({ items: z.array(SlaPolicyView) });
export const CreateSlaPolicyBody = z.strictObject({
  targets: PolicyTargets,
  note: z.string().trim().max(500).nullable().optional(),
});

// ---- a request's clocks -----------------------------------------------------------------------------
export const SlaClockView = z.object({
  state: z.enum(SLA_CLOCK_STATES),
  clock: z.enum(['24x7', 'business']).nullable(),
  targetMs: z.number().nullable(),
  elapsedMs: z.number(),
  pausedMs: z.number(),
  startedAt: Timestamp.nullable(),
  dueAt: Timestamp.nullable(),
  warnAt: Timestamp.nullable(),
  stoppedAt: Timestamp.nullable(),
  warning: z.boolean(),
});
export const SlaView = z.object({
  policyVersion: z.number().int(),
  unitId: Id.nullable(),
  clocks: z.object(
    Object.fromEntries(SLA_TARGET_NAMES.map((n) => [n, SlaClockView])) as Record<
      (typeof SLA_TARGET_NAMES)[number],
      typeof SlaClockView
    >,
  ),
});
export type SlaView = z.infer<typeof SlaView>;

// ---- ratings -------------------------------------------------------------------------------------------
/** The requesting organisation may change its rating this long after giving it. */
export const RATING_EDIT_WINDOW_MS = 7 * DAY_MS;
export const RATING_LIMITS = { comment: 1000 };
export const RateRequestBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(RATING_LIMITS.comment).nullable().optional(),
});
export const RatingView = z.object({
  score: z.number().int(),
  comment: z.string().nullable(),
  ratedBy: z.object({ id: Id, displayName: z.string() }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  editableUntil: Timestamp,
});

// ---- metrics -----------------------------------------------------------------------------------------------
export const MetricsQuery = z.strictObject({
  groupBy: z.enum(['unit', 'organisation']).default('unit'),
  from: Day.optional(),
  to: Day.optional(),
});
export const MetricsCsvQuery = MetricsQuery.extend({ lang: Language.optional() });
const Durations = z.object({
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  count: z.number(),
});
export const MetricsRow = z.object({
  unit: z.object({ id: Id, nameTh: z.string(), nameEn: z.string() }).nullable(),
  organisation: OrganisationSummary,
  received: z.number().int(),
  acknowledge: Durations,
  accept: Durations,
  outcome: Durations,
  /** Clocks breached ÷ clocks that applied and ended or ran out; null before any. */
  breachRate: z.number().nullable(),
  breaches: z.number().int(),
  /** Clocks that applied and ended or ran out: the breach rate's denominator. */
  judged: z.number().int(),
  declinesByReason: z.record(z.string(), z.number().int()),
  forwardsByReason: z.record(z.string(), z.number().int()),
  /** By outcome code (OUTCOMES), and why not by NOT_SUCCESSFUL_REASONS code. */
  outcomes: z.record(z.string(), z.number().int()),
  notSuccessfulReasons: z.record(z.string(), z.number().int()),
  averageRating: z.number().nullable(),
  ratings: z.number().int(),
});
export type MetricsRow = z.infer<typeof MetricsRow>;
export const MetricsView = z.object({
  groupBy: z.enum(['unit', 'organisation']),
  items: z.array(MetricsRow),
});

/** A unit's page shows how fast it answers over this many days, once it has answered this many requests. */
export const RESPONSE_TIMES = { days: 90, minimumRequests: 5 } as const;
const Speed = Durations.omit({ count: true });
export const UnitResponseTimesView = z.object({
  unitId: Id,
  days: z.number().int(),
  minimumRequests: z.number().int(),
  /**
   * null below the minimum: too few to say anything fair, and so few that a figure would point at one
   * request (its requester could tell how their own case went and deduce the others').
   */
  figures: z.object({ received: z.number().int(), acknowledge: Speed, accept: Speed }).nullable(),
});
export type UnitResponseTimesView = z.infer<typeof UnitResponseTimesView>;
