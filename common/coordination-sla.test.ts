import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessMsBetween,
  isWithinBusinessHours,
  nextBusinessOpening,
} from './business-hours.ts';
import { type SlaEvent, slaClockText, slaStatus } from './coordination-sla.ts';
import { DEFAULT_SLA } from './coordination-states.ts';
import { HOUR_MS, MINUTE_MS } from './time.ts';

/** Bangkok wall-clock time as an instant. */
const bkk = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => bkk(local).toISOString();
// December 2026: Friday the 4th, the weekend, Monday the 7th a holiday (Father's Day observed).
const holidays = new Set(['2026-12-07', '2026-12-10']);
const none = new Set<string>();

describe('Thai government business hours', () => {
  it('adds one business day from Friday afternoon across the weekend and a Monday holiday', () => {
    expect(addBusinessDays(bkk('2026-12-04T15:30:00'), 1, holidays).toISOString()).toBe(
      iso('2026-12-08T15:30:00'),
    );
    expect(addBusinessDays(bkk('2026-12-04T15:30:00'), 1, none).toISOString()).toBe(
      iso('2026-12-07T15:30:00'),
    );
  });

  it('starts counting at the next opening when sent at night or on a weekend', () => {
    expect(nextBusinessOpening(bkk('2026-12-05T02:00:00'), holidays).toISOString()).toBe(
      iso('2026-12-08T08:30:00'),
    );
    expect(addBusinessDays(bkk('2026-12-05T02:00:00'), 1, holidays).toISOString()).toBe(
      iso('2026-12-08T16:30:00'),
    );
    expect(addBusinessDays(bkk('2026-12-08T07:00:00'), 3, holidays).toISOString()).toBe(
      iso('2026-12-11T16:30:00'),
    );
  });

  it('counts only office hours between two instants, and negative backwards', () => {
    const from = bkk('2026-12-04T16:00:00');
    const to = bkk('2026-12-08T09:00:00');
    expect(businessMsBetween(from, to, holidays)).toBe(HOUR_MS);
    expect(businessMsBetween(to, from, holidays)).toBe(-HOUR_MS);
    expect(businessMsBetween(from, to, none)).toBe(HOUR_MS + 8 * HOUR_MS);
  });

  it('is closed at 16:30 and open at 08:30, in Bangkok time', () => {
    expect(isWithinBusinessHours(bkk('2026-12-08T08:30:00'), holidays)).toBe(true);
    expect(isWithinBusinessHours(bkk('2026-12-08T16:30:00'), holidays)).toBe(false);
    expect(isWithinBusinessHours(bkk('2026-12-07T10:00:00'), holidays)).toBe(false);
  });
});

const unitA = '00000000-0000-4000-8000-00000000000a';
const unitB = '00000000-0000-4000-8000-00000000000b';
const created = (at: string): SlaEvent => ({
  kind: 'created',
  at: bkk(at),
  unitId: unitA,
  data: { unitId: unitA },
});
const moved = (at: string, from: string, to: string, extra: Record<string, unknown> = {}): SlaEvent => ({
  kind: 'state_changed',
  at: bkk(at),
  unitId: unitA,
  data: { from, to, ...extra },
});
const status = (urgency: keyof typeof DEFAULT_SLA, events: SlaEvent[], now: string, cal = holidays) =>
  slaStatus({ policyVersion: 1, targets: DEFAULT_SLA[urgency], events, now: bkk(now), holidays: cal });

describe('SLA clocks from the timeline', () => {
  it('runs the critical clocks day and night, met when answered in time', () => {
    const s = status(
      'critical',
      [
        created('2026-12-05T02:00:00'),
        moved('2026-12-05T02:05:00', 'submitted', 'acknowledged'),
        moved('2026-12-05T02:40:00', 'acknowledged', 'accepted'),
      ],
      '2026-12-05T03:00:00',
    );
    expect(s.clocks.acknowledge).toMatchObject({ state: 'met', dueAt: iso('2026-12-05T02:15:00') });
    // Accepted 40 minutes after arriving against a 30-minute target: late, and it stays breached.
    expect(s.clocks.acceptOrDecline).toMatchObject({
      state: 'breached',
      stoppedAt: iso('2026-12-05T02:40:00'),
    });
    expect(s.clocks.outcome).toMatchObject({ state: 'running', dueAt: iso('2026-12-05T06:00:00') });
  });

  it('pauses the outcome clock while waiting for information and moves its due time by the pause', () => {
    const events = [
      created('2026-12-05T02:00:00'),
      moved('2026-12-05T02:05:00', 'submitted', 'acknowledged'),
      moved('2026-12-05T02:20:00', 'acknowledged', 'accepted'),
      moved('2026-12-05T02:25:00', 'accepted', 'in_progress'),
      moved('2026-12-05T03:00:00', 'in_progress', 'awaiting_info', { reason: 'Which pier?' }),
    ];
    const paused = status('critical', events, '2026-12-05T04:00:00');
    expect(paused.clocks.outcome).toMatchObject({ state: 'paused', pausedMs: HOUR_MS, elapsedMs: HOUR_MS });
    const resumed = status(
      'critical',
      [...events, moved('2026-12-05T05:00:00', 'awaiting_info', 'in_progress')],
      '2026-12-05T06:30:00',
    );
    expect(resumed.clocks.outcome).toMatchObject({
      state: 'running',
      pausedMs: 2 * HOUR_MS,
      elapsedMs: 2.5 * HOUR_MS,
      dueAt: iso('2026-12-05T08:00:00'),
      warning: false,
    });
    // The acknowledge clock never pauses: it was met before and stays met.
    expect(resumed.clocks.acknowledge.state).toBe('met');
  });

  it('keeps a breach when the clock is paused after its target was used up', () => {
    const s = status(
      'critical',
      [
        created('2026-12-05T02:00:00'),
        moved('2026-12-05T02:05:00', 'submitted', 'acknowledged'),
        moved('2026-12-05T02:20:00', 'acknowledged', 'accepted'),
        moved('2026-12-05T02:25:00', 'accepted', 'in_progress'),
        moved('2026-12-05T06:30:00', 'in_progress', 'awaiting_info', { reason: 'Which pier?' }),
      ],
      '2026-12-05T07:00:00',
    );
    expect(s.clocks.outcome.state).toBe('breached');
  });

  it('counts a normal request only in office hours, across a weekend and a holiday', () => {
    const events = [created('2026-12-04T15:30:00')];
    const tuesday = status('normal', events, '2026-12-08T15:00:00');
    expect(tuesday.clocks.acknowledge).toMatchObject({
      state: 'running',
      clock: 'business',
      elapsedMs: 7.5 * HOUR_MS,
      dueAt: iso('2026-12-08T15:30:00'),
      warnAt: iso('2026-12-08T13:54:00'),
      warning: true,
    });
    expect(slaClockText('acknowledge', tuesday.clocks.acknowledge, bkk('2026-12-08T15:00:00'))).toEqual({
      key: 'coordinationSla.acknowledge.dueIn',
      duration: { key: 'coordinationSla.duration.minutes', count: 30 },
    });
    const late = status('normal', events, '2026-12-08T15:42:00');
    expect(late.clocks.acknowledge.state).toBe('breached');
    expect(slaClockText('acknowledge', late.clocks.acknowledge, bkk('2026-12-08T15:42:00'))).toEqual({
      key: 'coordinationSla.acknowledge.overdue',
      duration: { key: 'coordinationSla.duration.minutes', count: 12 },
    });
    // Without the holiday the same request was due on the Monday.
    expect(status('normal', events, '2026-12-08T09:00:00', none).clocks.acknowledge.dueAt).toBe(
      iso('2026-12-07T15:30:00'),
    );
  });

  it('pauses a business clock by the office hours spent waiting, not the nights and the holiday', () => {
    const s = status(
      'normal',
      [
        created('2026-12-03T09:00:00'),
        moved('2026-12-03T09:10:00', 'submitted', 'acknowledged'),
        moved('2026-12-03T09:20:00', 'acknowledged', 'accepted'),
        moved('2026-12-03T09:30:00', 'accepted', 'in_progress'),
        moved('2026-12-04T16:00:00', 'in_progress', 'awaiting_info', { reason: 'Which shelter?' }),
        moved('2026-12-08T09:00:00', 'awaiting_info', 'in_progress'),
      ],
      '2026-12-08T10:00:00',
    );
    expect(s.clocks.outcome).toMatchObject({ state: 'running', pausedMs: HOUR_MS });
    // 3 Dec 09:00–16:30 (7.5 h) + 4 Dec 08:30–16:00 (7.5 h) + 8 Dec 09:00–10:00 (1 h).
    expect(s.clocks.outcome.elapsedMs).toBe(16 * HOUR_MS);
  });

  it('restarts acknowledge and accept for the new inbox when forwarded', () => {
    const s = status(
      'critical',
      [
        created('2026-12-05T02:00:00'),
        moved('2026-12-05T02:05:00', 'submitted', 'acknowledged'),
        moved('2026-12-05T02:10:00', 'acknowledged', 'forwarded', {
          reason: 'No Burmese interpreter tonight',
          fromUnitId: unitA,
          toUnitId: unitB,
        }),
      ],
      '2026-12-05T02:20:00',
    );
    expect(s.unitId).toBe(unitB);
    expect(s.clocks.acknowledge).toMatchObject({
      state: 'running',
      startedAt: iso('2026-12-05T02:10:00'),
      dueAt: iso('2026-12-05T02:25:00'),
      elapsedMs: 10 * MINUTE_MS,
    });
    expect(slaClockText('acknowledge', s.clocks.acknowledge, bkk('2026-12-05T02:18:00'))?.duration).toEqual({
      key: 'coordinationSla.duration.minutes',
      count: 7,
    });
  });

  it('drops the clocks of a request cancelled in time, and has no accept clock for low urgency', () => {
    const s = status(
      'high',
      [
        created('2026-12-05T02:00:00'),
        moved('2026-12-05T02:30:00', 'submitted', 'cancelled', { reason: 'x' }),
      ],
      '2026-12-05T09:00:00',
    );
    expect(s.clocks.acknowledge.state).toBe('not_applicable');
    expect(s.clocks.outcome.state).toBe('not_applicable');
    const low = status('low', [created('2026-12-04T10:00:00')], '2026-12-04T11:00:00');
    expect(low.clocks.acceptOrDecline.state).toBe('not_applicable');
    expect(
      slaClockText('acceptOrDecline', low.clocks.acceptOrDecline, bkk('2026-12-04T11:00:00')),
    ).toBeNull();
    expect(low.clocks.acknowledge.state).toBe('running');
  });

  it('says "paused while waiting" in words for a paused clock', () => {
    const s = status(
      'high',
      [
        created('2026-12-05T02:00:00'),
        moved('2026-12-05T02:05:00', 'submitted', 'acknowledged'),
        moved('2026-12-05T02:10:00', 'acknowledged', 'accepted'),
        moved('2026-12-05T02:15:00', 'accepted', 'in_progress'),
        moved('2026-12-05T02:20:00', 'in_progress', 'awaiting_info', { reason: 'Which pier?' }),
      ],
      '2026-12-05T03:00:00',
    );
    expect(slaClockText('outcome', s.clocks.outcome, bkk('2026-12-05T03:00:00'))).toEqual({
      key: 'coordinationSla.outcome.paused',
      duration: null,
    });
  });
});
