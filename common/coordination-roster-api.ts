/** The contract of on-call rosters, "who is on call", escalations and the one-tap acknowledge link. */
import { z } from 'zod';
import { Id, Timestamp } from './api.ts';
import { ESCALATION_TARGETS, URGENCY_CODES } from './coordination-states.ts';
import { HHMM, ROSTER_LEVELS, ROTATIONS } from './on-call.ts';

export const ROSTER_LIMITS = { name: 100, members: 50, overrideDays: 31, weekDays: 14 };

const Time = z.string().regex(HHMM, 'HH:MM, 00:00 to 23:59');
const Day = z.iso.date();
export const RosterRestrictionBody = z.strictObject({
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'Each weekday once' }),
  from: Time,
  to: Time,
});
export const RosterLayerBody = z.strictObject({
  level: z.enum(ROSTER_LEVELS),
  name: z.string().trim().min(1).max(ROSTER_LIMITS.name),
  rotation: z.enum(ROTATIONS),
  handoverTime: Time,
  startsOn: Day,
  memberIds: z
    .array(Id)
    .max(ROSTER_LIMITS.members)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each member once per layer' }),
  restriction: RosterRestrictionBody.nullable(),
});
export const UpdateRosterLayerBody = RosterLayerBody.partial().refine((b) => Object.keys(b).length > 0, {
  message: 'Change at least one field',
});
export const RosterOverrideBody = z.strictObject({
  layerId: Id,
  userId: Id,
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export const RosterLayerParams = z.strictObject({ id: Id, layerId: Id });
export const RosterOverrideParams = z.strictObject({ id: Id, overrideId: Id });
export const RosterQuery = z.strictObject({
  /** First day of the week shown (Bangkok); today when omitted. */
  from: Day.optional(),
  days: z.coerce.number().int().min(1).max(ROSTER_LIMITS.weekDays).default(7),
});
export const OnCallQuery = z.strictObject({ at: Timestamp.optional() });

const Person = z.object({ id: Id, displayName: z.string() });
export const GAP_REASONS = ['no_members', 'not_started', 'outside_hours', 'not_a_member'] as const;
export const LayerOnCallView = z.object({
  layerId: Id,
  level: z.enum(ROSTER_LEVELS),
  name: z.string(),
  /** null: a gap, with its reason. */
  person: Person.nullable(),
  source: z.enum(['rotation', 'override']).nullable(),
  gap: z.enum(GAP_REASONS).nullable(),
});
export const OnCallView = z.object({ unitId: Id, at: Timestamp, layers: z.array(LayerOnCallView) });
export type OnCallView = z.infer<typeof OnCallView>;

export const RosterLayerView = z.object({
  id: Id,
  level: z.enum(ROSTER_LEVELS),
  name: z.string(),
  rotation: z.enum(ROTATIONS),
  handoverTime: z.string(),
  startsOn: z.string(),
  members: z.array(Person),
  restriction: z.object({ weekdays: z.array(z.number().int()), from: z.string(), to: z.string() }).nullable(),
});
export const RosterOverrideView = z.object({
  id: Id,
  layerId: Id,
  person: Person,
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export const RosterSegmentView = z.object({
  from: Timestamp,
  to: Timestamp,
  person: Person.nullable(),
  source: z.enum(['rotation', 'override']).nullable(),
  gap: z.enum(GAP_REASONS).nullable(),
});
export const RosterView = z.object({
  unitId: Id,
  /** Unit heads, the unit's org admins and the Centre edit; members read. */
  canEdit: z.boolean(),
  members: z.array(Person),
  layers: z.array(RosterLayerView),
  /** Overrides not yet ended. */
  overrides: z.array(RosterOverrideView),
  from: Timestamp,
  to: Timestamp,
  /** Per layer id, its shifts and gaps from `from` to `to`. */
  shifts: z.record(z.string(), z.array(RosterSegmentView)),
  now: OnCallView,
});
export type RosterView = z.infer<typeof RosterView>;

export const EscalationView = z.object({
  id: z.string(),
  request: z.object({
    id: Id,
    urgency: z.enum(URGENCY_CODES),
    unitId: Id,
    unitNameTh: z.string(),
    unitNameEn: z.string(),
  }),
  target: z.enum(ESCALATION_TARGETS),
  step: z.number().int(),
  loop: z.number().int(),
  recipients: z.number().int(),
  dueAt: Timestamp,
  firedAt: Timestamp,
});
export const CentreQueueView = z.object({ items: z.array(EscalationView) });
export type CentreQueueView = z.infer<typeof CentreQueueView>;

export const AcknowledgeLinkBody = z.strictObject({ token: z.string().min(10).max(1000) });
