import { describe, expect, it } from 'vitest';
import { ESCALATION_POLICY, escalationSchedule } from './coordination-states.ts';
import { onCallAt, onCallSegments, onCallUsers, type Roster, type RosterLayer } from './on-call.ts';

const bkk = (local: string) => new Date(`${local}+07:00`);
// 2026-11-30 is a Monday.
const primary: RosterLayer = {
  id: 'p',
  level: 'primary',
  name: 'เวรหลัก',
  rotation: 'daily',
  handoverTime: '08:30',
  startsOn: '2026-11-30',
  memberIds: ['anong', 'boonmee', 'chai'],
  restriction: null,
};
const nightsBackup: RosterLayer = {
  id: 'b',
  level: 'backup',
  name: 'เวรสำรองกลางคืน',
  rotation: 'weekly',
  handoverTime: '18:00',
  startsOn: '2026-11-30',
  memberIds: ['dao', 'ek'],
  restriction: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '08:30' },
};
const roster: Roster = { layers: [primary, nightsBackup], overrides: [] };
const who = (r: Roster, local: string) => onCallAt(r, bkk(local)).map((l) => l.userId);

describe('who is on call', () => {
  it('hands over a daily rotation at the handover time, not at midnight', () => {
    expect(who(roster, '2026-11-30T08:30:00')[0]).toBe('anong');
    expect(who(roster, '2026-12-01T08:29:59')[0]).toBe('anong');
    expect(who(roster, '2026-12-01T08:30:00')[0]).toBe('boonmee');
    expect(who(roster, '2026-12-02T23:00:00')[0]).toBe('chai');
    expect(who(roster, '2026-12-03T09:00:00')[0]).toBe('anong');
  });

  it('shows a gap before the rotation starts', () => {
    expect(onCallAt(roster, bkk('2026-11-30T08:00:00'))[0]).toEqual({
      layerId: 'p',
      level: 'primary',
      userId: null,
      gap: 'not_started',
    });
  });

  it('covers a night-only layer across midnight and leaves the day as a gap', () => {
    expect(who(roster, '2026-11-30T18:00:00')[1]).toBe('dao');
    expect(who(roster, '2026-12-01T02:00:00')[1]).toBe('dao');
    expect(onCallAt(roster, bkk('2026-12-01T12:00:00'))[1]).toMatchObject({
      userId: null,
      gap: 'outside_hours',
    });
    // The weekly turn changes a week after the first handover.
    expect(who(roster, '2026-12-07T17:59:00')[1]).toBe(null);
    expect(who(roster, '2026-12-07T18:00:00')[1]).toBe('ek');
  });

  it('keeps a Friday night window going into Saturday morning for a weekday restriction', () => {
    const weekdayNights: Roster = {
      layers: [{ ...nightsBackup, restriction: { weekdays: [1, 2, 3, 4, 5], from: '18:00', to: '08:30' } }],
      overrides: [],
    };
    expect(who(weekdayNights, '2026-12-05T02:00:00')).toEqual(['dao']); // Saturday 02:00, Friday's night
    expect(who(weekdayNights, '2026-12-06T02:00:00')).toEqual([null]); // Sunday 02:00, Saturday's night
  });

  it('lets an override win over the rotation and the restriction, the later-made one first', () => {
    const swapped: Roster = {
      layers: roster.layers,
      overrides: [
        {
          id: 'o1',
          layerId: 'b',
          userId: 'fah',
          startsAt: bkk('2026-12-01T10:00:00'),
          endsAt: bkk('2026-12-01T20:00:00'),
          createdAt: bkk('2026-11-01T00:00:00'),
        },
        {
          id: 'o2',
          layerId: 'b',
          userId: 'gun',
          startsAt: bkk('2026-12-01T19:00:00'),
          endsAt: bkk('2026-12-02T08:30:00'),
          createdAt: bkk('2026-11-02T00:00:00'),
        },
      ],
    };
    expect(onCallAt(swapped, bkk('2026-12-01T12:00:00'))[1]).toMatchObject({
      userId: 'fah',
      source: 'override',
    });
    expect(who(swapped, '2026-12-01T19:30:00')[1]).toBe('gun');
    expect(who(swapped, '2026-12-02T08:30:00')[1]).toBe(null); // the override ended at the handover
    expect(who(swapped, '2026-12-02T20:00:00')[1]).toBe('dao');
  });

  it('treats someone who left the unit as a gap, so nobody off the unit is paged', () => {
    const members = new Set(['boonmee', 'chai', 'dao']);
    expect(onCallAt(roster, bkk('2026-11-30T09:00:00'), members)[0]).toMatchObject({
      userId: null,
      gap: 'not_a_member',
    });
    expect(onCallUsers(roster, bkk('2026-11-30T20:00:00'), 'backup', members)).toEqual(['dao']);
    expect(onCallUsers(roster, bkk('2026-11-30T09:00:00'), 'primary', members)).toEqual([]);
  });

  it('draws shifts for a week view with gaps as segments of their own', () => {
    const segments = onCallSegments(roster, bkk('2026-11-30T00:00:00'), bkk('2026-12-01T00:00:00'));
    expect(segments.get('p')!.map((s) => [s.from.toISOString(), s.onCall.userId])).toEqual([
      [bkk('2026-11-30T00:00:00').toISOString(), null],
      [bkk('2026-11-30T08:30:00').toISOString(), 'anong'],
    ]);
    // Before the first handover the night layer has not started; in the day it is outside its hours.
    expect(segments.get('b')!.map((s) => ('gap' in s.onCall ? s.onCall.gap : s.onCall.userId))).toEqual([
      'not_started',
      'outside_hours',
      'dao',
    ]);
    expect(segments.get('b')![2]!.from).toEqual(bkk('2026-11-30T18:00:00'));
  });
});

describe('escalation policy', () => {
  it('walks critical requests through on-call, backup and head twice, then the Centre', () => {
    const steps = escalationSchedule(ESCALATION_POLICY.critical);
    expect(steps.map((s) => `${s.loop}:${s.target}`)).toEqual([
      '1:on_call',
      '1:backup',
      '1:head',
      '2:on_call',
      '2:backup',
      '2:head',
      '2:centre',
    ]);
    expect(steps.reduce((sum, s) => sum + ('ms' in s.after ? s.after.ms : 0), 0)).toBe(90 * 60_000);
  });

  it('only notifies for low urgency and waits a business day for the head on normal', () => {
    expect(escalationSchedule(ESCALATION_POLICY.low).map((s) => s.target)).toEqual(['on_call']);
    expect(escalationSchedule(ESCALATION_POLICY.normal)[1]).toMatchObject({
      target: 'head',
      after: { businessDays: 1 },
    });
  });
});
