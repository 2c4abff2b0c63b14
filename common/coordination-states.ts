/**
 * Coordination requests as data: the request types and the directory services each needs, the urgencies
 * with their default SLA targets, and the state machine with who may make each move. Pure: the service
 * asks it before writing, the policy asks it who may act, the web shows what it allows.
 */
import type { Service, TaxonomyEntry } from './directory-taxonomies.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';

const entries = <const T extends readonly TaxonomyEntry[]>(list: T) => list;
const codesOf = <T extends readonly TaxonomyEntry[]>(list: T) =>
  list.map((e) => e.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const REQUEST_TYPES = entries([
  { code: 'interpreter', th: 'ขอล่าม', en: 'Interpreter' },
  { code: 'shelter_placement', th: 'ขอที่พักพิง/สถานคุ้มครอง', en: 'Shelter placement' },
  {
    code: 'victim_screening',
    th: 'ขอสนับสนุนการคัดแยกผู้เสียหาย',
    en: 'Victim screening or identification support',
  },
  { code: 'inspection', th: 'ขอตรวจแรงงานหรือตรวจเรือ', en: 'Labour or vessel inspection' },
  { code: 'medical_care', th: 'ขอการรักษาพยาบาล', en: 'Medical care' },
  { code: 'transport_escort', th: 'ขอรถรับส่ง/ผู้ติดตาม', en: 'Transport or escort' },
  { code: 'legal_aid', th: 'ขอความช่วยเหลือทางกฎหมาย', en: 'Legal aid' },
  { code: 'repatriation', th: 'ขอประสานการส่งกลับ', en: 'Repatriation' },
  { code: 'information', th: 'ขอข้อมูล', en: 'Information request' },
  { code: 'other', th: 'อื่น ๆ', en: 'Other' },
]);
export const REQUEST_TYPE_CODES = codesOf(REQUEST_TYPES);
export type RequestType = (typeof REQUEST_TYPE_CODES)[number];

/** The directory services a unit must offer to take each type; `other` and `information` fit any unit. */
export const SERVICES_FOR_TYPE: Record<RequestType, readonly Service[]> = {
  interpreter: ['interpretation'],
  shelter_placement: ['shelter'],
  victim_screening: ['victim_identification'],
  inspection: ['labour_inspection'],
  medical_care: ['medical', 'psychosocial'],
  transport_escort: ['rescue_operations'],
  legal_aid: ['legal_aid', 'compensation_claims'],
  repatriation: ['repatriation_reintegration'],
  information: [],
  other: [],
};

export const URGENCIES = entries([
  { code: 'critical', th: 'วิกฤต', en: 'Critical' },
  { code: 'high', th: 'เร่งด่วน', en: 'High' },
  { code: 'normal', th: 'ปกติ', en: 'Normal' },
  { code: 'low', th: 'ไม่เร่งด่วน', en: 'Low' },
]);
export const URGENCY_CODES = codesOf(URGENCIES);
export type Urgency = (typeof URGENCY_CODES)[number];

/**
 * A target: an amount of time on a clock. `business` days count Thai government working days; `null`
 * means no target. The SLA engine (a later step) reads these; a request keeps the version it started with.
 */
export type SlaTarget = { ms: number; clock: '24x7' } | { businessDays: number; clock: 'business' } | null;
export type SlaPolicy = {
  acknowledge: SlaTarget;
  acceptOrDecline: SlaTarget;
  outcome: SlaTarget;
  /** Escalation when not acknowledged, in words until the escalation engine exists. */
  escalation: string;
};
const h24 = (ms: number): SlaTarget => ({ ms, clock: '24x7' });
const business = (businessDays: number): SlaTarget => ({ businessDays, clock: 'business' });

export const SLA_POLICY_VERSION = 1;
/** The defaults; the Centre will edit them (a later step). A warning fires at 80 % of each. */
export const DEFAULT_SLA: Record<Urgency, SlaPolicy> = {
  critical: {
    acknowledge: h24(15 * MINUTE_MS),
    acceptOrDecline: h24(30 * MINUTE_MS),
    outcome: h24(4 * HOUR_MS),
    escalation: 'on-call → backup after 15 min → unit head after 15 more; 2 loops; then the Centre',
  },
  high: {
    acknowledge: h24(HOUR_MS),
    acceptOrDecline: h24(4 * HOUR_MS),
    outcome: h24(DAY_MS),
    escalation: 'on-call → unit head after 1 h',
  },
  normal: {
    acknowledge: business(1),
    acceptOrDecline: business(3),
    outcome: business(10),
    escalation: '→ unit head after 1 business day',
  },
  low: { acknowledge: business(3), acceptOrDecline: null, outcome: null, escalation: 'none (notify only)' },
};
export const SLA_WARNING_SHARE = 0.8;

/**
 * Escalation when a request is not acknowledged, as data (the table). A request walks its
 * urgency's steps: each waits `after` from the previous one, then notifies its target — the unit's
 * on-call layer, its backup layer, the unit's heads, or the Centre. The steps repeat `loops` times
 * (`loopAfter` between loops), then `finally` (the Centre) once. Acknowledging stops it. A step that reaches
 * nobody (a roster gap, no head) falls through to the next at once.
 */
export const ESCALATION_TARGETS = ['on_call', 'backup', 'head', 'centre'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export type EscalationDelay = { ms: number } | { businessDays: number };
export type EscalationStep = { target: EscalationTarget; after: EscalationDelay };
export type EscalationPolicy = {
  steps: EscalationStep[];
  loops: number;
  loopAfter: EscalationDelay;
  finally: EscalationStep | null;
};
const now0: EscalationDelay = { ms: 0 };
const minutes = (n: number): EscalationDelay => ({ ms: n * MINUTE_MS });

export const ESCALATION_POLICY: Record<Urgency, EscalationPolicy> = {
  critical: {
    steps: [
      { target: 'on_call', after: now0 },
      { target: 'backup', after: minutes(15) },
      { target: 'head', after: minutes(15) },
    ],
    loops: 2,
    loopAfter: minutes(15),
    finally: { target: 'centre', after: minutes(15) },
  },
  high: {
    steps: [
      { target: 'on_call', after: now0 },
      { target: 'head', after: { ms: HOUR_MS } },
    ],
    loops: 1,
    loopAfter: now0,
    finally: null,
  },
  normal: {
    steps: [
      { target: 'on_call', after: now0 },
      { target: 'head', after: { businessDays: 1 } },
    ],
    loops: 1,
    loopAfter: now0,
    finally: null,
  },
  // Notify only: the inbox's on-call officer hears of it, nobody is chased.
  low: { steps: [{ target: 'on_call', after: now0 }], loops: 1, loopAfter: now0, finally: null },
};

/** One step of a request's escalation, numbered as the claim row records it. */
export type ScheduledEscalationStep = EscalationStep & { index: number; step: number; loop: number };

/** The policy unrolled: loop 1's steps, loop 2's (the first waiting `loopAfter`), …, then the Centre. */
export function escalationSchedule(policy: EscalationPolicy): ScheduledEscalationStep[] {
  const list: ScheduledEscalationStep[] = [];
  for (let loop = 1; loop <= policy.loops; loop++)
    for (const [step, s] of policy.steps.entries())
      list.push({
        ...s,
        after: loop > 1 && step === 0 ? policy.loopAfter : s.after,
        index: list.length,
        step,
        loop,
      });
  if (policy.finally)
    list.push({ ...policy.finally, index: list.length, step: policy.steps.length, loop: policy.loops });
  return list;
}

export const COORDINATION_STATES = [
  'submitted',
  'acknowledged',
  'accepted',
  'declined',
  'forwarded',
  'in_progress',
  'awaiting_info',
  'done',
  'cancelled',
] as const;
export type CoordinationState = (typeof COORDINATION_STATES)[number];
export const CLOSED_STATES: readonly CoordinationState[] = ['declined', 'done', 'cancelled'];
export const OPEN_COORDINATION_STATES = COORDINATION_STATES.filter((s) => !CLOSED_STATES.includes(s));
export const isOpen = (s: CoordinationState) => !CLOSED_STATES.includes(s);

export const OUTCOMES = ['successful', 'partly', 'not'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Why help could not be given; required with outcome `not`. */
export const NOT_SUCCESSFUL_REASONS = [
  'no_capacity',
  'not_eligible',
  'person_declined',
  'person_unreachable',
  'outside_mandate',
  'other',
] as const;
export type NotSuccessfulReason = (typeof NOT_SUCCESSFUL_REASONS)[number];

/**
 * `requester`: a contributing member of the requesting organisation (a request survives staff rotation
 * on both sides). `receiver`: a member of the receiving unit.
 */
export type CoordinationParty = 'requester' | 'receiver';
/** What a move needs besides permission. */
export type CoordinationRequirement = 'reason' | 'forwardTarget' | 'outcome';

type Transition = {
  from: readonly CoordinationState[];
  to: CoordinationState;
  by: readonly CoordinationParty[];
  requires: readonly CoordinationRequirement[];
};

/** A forwarded request waits in its new inbox to be acknowledged, like a new one. */
export const COORDINATION_TRANSITIONS: readonly Transition[] = [
  { from: ['submitted', 'forwarded'], to: 'acknowledged', by: ['receiver'], requires: [] },
  { from: ['acknowledged'], to: 'accepted', by: ['receiver'], requires: [] },
  { from: ['acknowledged'], to: 'declined', by: ['receiver'], requires: ['reason'] },
  { from: ['acknowledged'], to: 'forwarded', by: ['receiver'], requires: ['reason', 'forwardTarget'] },
  { from: ['accepted'], to: 'in_progress', by: ['receiver'], requires: [] },
  /** The requester answering the question resumes the work as well as the unit. */
  { from: ['awaiting_info'], to: 'in_progress', by: ['receiver', 'requester'], requires: [] },
  { from: ['in_progress'], to: 'awaiting_info', by: ['receiver'], requires: ['reason'] },
  { from: ['in_progress'], to: 'done', by: ['receiver'], requires: ['outcome'] },
  { from: OPEN_COORDINATION_STATES, to: 'cancelled', by: ['requester'], requires: ['reason'] },
];

export const coordinationTransitionTo = (from: CoordinationState, to: CoordinationState) =>
  COORDINATION_TRANSITIONS.find((t) => t.to === to && t.from.includes(from));

/** The states these parties may move a request to from `from`. */
export const allowedCoordinationMoves = (
  from: CoordinationState,
  parties: readonly CoordinationParty[],
): CoordinationState[] =>
  COORDINATION_TRANSITIONS.filter((t) => t.from.includes(from) && t.by.some((p) => parties.includes(p))).map(
    (t) => t.to,
  );

export const mayMoveCoordination = (
  from: CoordinationState,
  to: CoordinationState,
  parties: readonly CoordinationParty[],
) => coordinationTransitionTo(from, to)?.by.some((p) => parties.includes(p)) ?? false;

/** What routing needs to know about the people helped: bands and groups, never names or numbers. */
export const AGE_BANDS = ['under_12', '12_17', '18_59', '60_plus', 'unknown'] as const;
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const NATIONALITIES = [
  'thai',
  'myanmar',
  'cambodian',
  'lao',
  'vietnamese',
  'chinese',
  'other',
  'stateless',
  'unknown',
] as const;
export const UNIT_ROLES = ['member', 'head'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
