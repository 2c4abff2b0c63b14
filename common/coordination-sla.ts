/**
 * A request's SLA clocks, computed from its timeline (the append-only events) and the policy version it
 * started with: nothing about a clock is stored, so a changed target never rewrites history.
 *
 * Rules (docs/coordination.md "SLA clocks"):
 * - Every clock starts when the request arrives in the current inbox: at `created`, or at the latest
 *   `forwarded` move. Forwarding hands the request to another unit, which gets its full targets afresh;
 *   the first unit's clocks ended with its answer (forwarding is one).
 * - acknowledge stops at `acknowledged`; acceptOrDecline at `accepted` or `declined`; outcome at `done`.
 * - `awaiting_info` pauses acceptOrDecline and outcome, never acknowledge.
 * - A business clock counts Thai government hours only (common/business-hours.ts).
 * - A warning at 80 % of a target; breached once the target is used up (a late stop stays breached).
 * - Cancelled (or declined, for the outcome) before the target is used up: not applicable.
 */
import { addBusinessMs, BUSINESS_DAY_MS, businessMsBetween, type HolidayCalendar } from './business-hours.ts';
import {
  type CoordinationState,
  SLA_WARNING_SHARE,
  type SlaPolicy,
  type SlaTarget,
} from './coordination-states.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.ts';

export const SLA_TARGET_NAMES = ['acknowledge', 'acceptOrDecline', 'outcome'] as const;
export type SlaTargetName = (typeof SLA_TARGET_NAMES)[number];
export const SLA_CLOCK_STATES = ['running', 'paused', 'met', 'breached', 'not_applicable'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];
export type SlaTargets = Pick<SlaPolicy, SlaTargetName>;

export type SlaClock = {
  state: SlaClockState;
  clock: '24x7' | 'business' | null;
  /** The target in the clock's own time (business time for a business clock). */
  targetMs: number | null;
  /** Clock time used so far (or until it stopped), pauses excluded. */
  elapsedMs: number;
  /** Clock time spent paused while waiting for information. */
  pausedMs: number;
  startedAt: string | null;
  /** When the target is used up if nothing pauses it again. */
  dueAt: string | null;
  /** 80 % of the target. */
  warnAt: string | null;
  /** When it met its target, was cancelled or declined; null while it runs. */
  stoppedAt: string | null;
  /** Past the warning share and not yet stopped. */
  warning: boolean;
};
export type SlaStatus = {
  policyVersion: number;
  /** The inbox the clocks run for: the unit the request arrived at last. */
  unitId: string | null;
  clocks: Record<SlaTargetName, SlaClock>;
};

/** What the clocks read of a timeline event. */
export type SlaEvent = { kind: string; at: Date; unitId: string | null; data: Record<string, unknown> };

const STOPS: Record<SlaTargetName, readonly CoordinationState[]> = {
  acknowledge: ['acknowledged'],
  // Forwarding is this inbox's answer to "can you take it?"; the next inbox starts its own clocks.
  acceptOrDecline: ['accepted', 'declined', 'forwarded'],
  outcome: ['done'],
};
/** Moves that end a clock without an answer to it. */
const ENDS: Record<SlaTargetName, readonly CoordinationState[]> = {
  acknowledge: ['cancelled', 'forwarded'],
  acceptOrDecline: ['cancelled'],
  outcome: ['cancelled', 'declined', 'forwarded'],
};
const PAUSABLE: Record<SlaTargetName, boolean> = { acknowledge: false, acceptOrDecline: true, outcome: true };

export const targetMsOf = (target: SlaTarget): number | null =>
  target === null ? null : target.clock === '24x7' ? target.ms : target.businessDays * BUSINESS_DAY_MS;

const toOf = (e: SlaEvent) => (e.kind === 'state_changed' ? (e.data.to as CoordinationState) : null);

/** One inbox's stay: from an arrival (created or forwarded) to the next forward, which it includes. */
export type SlaStay = { arrivedAt: Date; unitId: string | null; events: readonly SlaEvent[] };

/** Every inbox the request has been in, in order; the last is the current one. */
export function staysOf(events: readonly SlaEvent[]): SlaStay[] {
  const stays: { arrivedAt: Date; unitId: string | null; events: SlaEvent[] }[] = [];
  for (const e of events) {
    const current = stays.at(-1);
    if (current) current.events.push(e);
    if (e.kind === 'created')
      stays.push({ arrivedAt: e.at, unitId: (e.data.unitId as string | undefined) ?? e.unitId, events: [] });
    else if (toOf(e) === 'forwarded')
      stays.push({ arrivedAt: e.at, unitId: (e.data.toUnitId as string | undefined) ?? null, events: [] });
  }
  return stays;
}

function clockOf(
  name: SlaTargetName,
  target: SlaTarget,
  arrivedAt: Date,
  stay: readonly SlaEvent[],
  now: Date,
  holidays: HolidayCalendar,
): SlaClock {
  const targetMs = targetMsOf(target);
  if (target === null || targetMs === null)
    return {
      state: 'not_applicable',
      clock: null,
      targetMs: null,
      elapsedMs: 0,
      pausedMs: 0,
      startedAt: null,
      dueAt: null,
      warnAt: null,
      stoppedAt: null,
      warning: false,
    };
  const span = (from: Date, to: Date) =>
    target.clock === 'business' ? businessMsBetween(from, to, holidays) : to.getTime() - from.getTime();
  const after = (from: Date, ms: number) =>
    target.clock === 'business' ? addBusinessMs(from, ms, holidays) : new Date(from.getTime() + ms);

  let stop: { at: Date; answered: boolean } | null = null;
  let pausedMs = 0;
  let pausedSince: Date | null = null;
  for (const e of stay) {
    const to = toOf(e);
    if (!to || e.at.getTime() > now.getTime()) continue;
    if (pausedSince) {
      pausedMs += span(pausedSince, e.at);
      pausedSince = null;
    }
    if (STOPS[name].includes(to) || ENDS[name].includes(to)) {
      stop = { at: e.at, answered: STOPS[name].includes(to) };
      break;
    }
    if (to === 'awaiting_info' && PAUSABLE[name]) pausedSince = e.at;
  }
  if (pausedSince) pausedMs += span(pausedSince, now);
  const end = stop?.at ?? now;
  const elapsedMs = Math.max(0, span(arrivedAt, end) - pausedMs);
  const used = elapsedMs > targetMs;
  const state: SlaClockState = stop
    ? used
      ? 'breached'
      : stop.answered
        ? 'met'
        : 'not_applicable'
    : used
      ? 'breached'
      : pausedSince
        ? 'paused'
        : 'running';
  return {
    state,
    clock: target.clock,
    targetMs,
    elapsedMs,
    pausedMs,
    startedAt: arrivedAt.toISOString(),
    dueAt: after(arrivedAt, targetMs + pausedMs).toISOString(),
    warnAt: after(arrivedAt, Math.round(targetMs * SLA_WARNING_SHARE) + pausedMs).toISOString(),
    stoppedAt: stop?.at.toISOString() ?? null,
    warning: !stop && elapsedMs >= targetMs * SLA_WARNING_SHARE,
  };
}

/** The clocks of one stay in an inbox. */
export function stayClocks(
  stay: SlaStay,
  targets: SlaTargets,
  now: Date,
  holidays: HolidayCalendar,
): Record<SlaTargetName, SlaClock> {
  return Object.fromEntries(
    SLA_TARGET_NAMES.map((name) => [
      name,
      clockOf(name, targets[name], stay.arrivedAt, stay.events, now, holidays),
    ]),
  ) as Record<SlaTargetName, SlaClock>;
}

/** The clocks of a request now, for its current inbox, from its events in timeline order. */
export function slaStatus(input: {
  policyVersion: number;
  targets: SlaTargets;
  events: readonly SlaEvent[];
  now: Date;
  holidays: HolidayCalendar;
}): SlaStatus {
  const stay = staysOf(input.events).at(-1) ?? { arrivedAt: input.now, unitId: null, events: [] };
  const targets = staysOf(input.events).length
    ? input.targets
    : { acknowledge: null, acceptOrDecline: null, outcome: null };
  return {
    policyVersion: input.policyVersion,
    unitId: stay.unitId,
    clocks: stayClocks(stay, targets, input.now, input.holidays),
  };
}

// ---- plain words -----------------------------------------------------------------------------------
export type SlaDuration = {
  key:
    | 'coordinationSla.duration.minutes'
    | 'coordinationSla.duration.hours'
    | 'coordinationSla.duration.days';
  count: number;
};
/** An i18n key and its parameters; `duration` is itself translated and passed as `{{duration}}`. */
export type SlaClockText = {
  key: `coordinationSla.${SlaTargetName}.${'dueIn' | 'overdue' | 'paused' | 'met' | 'metLate'}`;
  duration: SlaDuration | null;
};

/** Wall-clock time in the unit people say it in: minutes under 2 h, hours under 2 days, else days. */
export function durationOf(ms: number): SlaDuration {
  const abs = Math.max(Math.abs(ms), MINUTE_MS);
  if (abs < 2 * HOUR_MS)
    return { key: 'coordinationSla.duration.minutes', count: Math.ceil(abs / MINUTE_MS) };
  if (abs < 2 * DAY_MS) return { key: 'coordinationSla.duration.hours', count: Math.ceil(abs / HOUR_MS) };
  return { key: 'coordinationSla.duration.days', count: Math.ceil(abs / DAY_MS) };
}

/**
 * What a clock says in plain words ("ต้องตอบรับภายใน 7 นาที", "เกินกำหนดตอบรับ 12 นาที",
 * "หยุดนับระหว่างรอข้อมูล"); null when the target does not apply. Time left and time over are wall-clock
 * time to or from `dueAt`, which is what the reader's watch shows, on a business clock as well.
 */
export function slaClockText(name: SlaTargetName, clock: SlaClock, now: Date): SlaClockText | null {
  const due = clock.dueAt ? new Date(clock.dueAt).getTime() : null;
  if (clock.state === 'not_applicable' || due === null) return null;
  if (clock.state === 'paused') return { key: `coordinationSla.${name}.paused`, duration: null };
  if (clock.stoppedAt) {
    const late = new Date(clock.stoppedAt).getTime() - due;
    return clock.state === 'met'
      ? { key: `coordinationSla.${name}.met`, duration: null }
      : { key: `coordinationSla.${name}.metLate`, duration: durationOf(late) };
  }
  return clock.state === 'breached'
    ? { key: `coordinationSla.${name}.overdue`, duration: durationOf(now.getTime() - due) }
    : { key: `coordinationSla.${name}.dueIn`, duration: durationOf(due - now.getTime()) };
}

/** The clock the inbox shows first: the earliest target still counting (running, paused or over). */
export const leadingClock = (status: SlaStatus): SlaTargetName | null =>
  SLA_TARGET_NAMES.find((n) => status.clocks[n].state !== 'not_applicable' && !status.clocks[n].stoppedAt) ??
  null;
