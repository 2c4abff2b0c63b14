import { describe, expect, it } from 'vitest';
import {
  allowedCoordinationMoves,
  CLOSED_STATES,
  COORDINATION_STATES,
  COORDINATION_TRANSITIONS,
  DEFAULT_SLA,
  mayMoveCoordination,
  REQUEST_TYPE_CODES,
  SERVICES_FOR_TYPE,
  URGENCY_CODES,
} from './coordination-states.ts';
import { SERVICE_CODES } from './directory-taxonomies.ts';
import { MINUTE_MS } from './time.ts';

describe('the coordination state machine', () => {
  it('reaches every state from submitted', () => {
    const seen = new Set<string>(['submitted']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of COORDINATION_TRANSITIONS)
        if (t.from.some((s) => seen.has(s)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...COORDINATION_STATES].sort());
  });

  it('lets nothing leave a closed state', () => {
    for (const state of CLOSED_STATES) {
      expect(allowedCoordinationMoves(state, ['requester', 'receiver'])).toEqual([]);
    }
  });

  it('gives the receiving unit the answers and the requester only cancelling and resuming', () => {
    expect(allowedCoordinationMoves('submitted', ['receiver'])).toEqual(['acknowledged']);
    expect(allowedCoordinationMoves('acknowledged', ['receiver']).sort()).toEqual([
      'accepted',
      'declined',
      'forwarded',
    ]);
    expect(allowedCoordinationMoves('in_progress', ['receiver']).sort()).toEqual(['awaiting_info', 'done']);
    expect(allowedCoordinationMoves('awaiting_info', ['requester']).sort()).toEqual([
      'cancelled',
      'in_progress',
    ]);
    expect(mayMoveCoordination('submitted', 'acknowledged', ['requester'])).toBe(false);
    expect(mayMoveCoordination('in_progress', 'cancelled', ['receiver'])).toBe(false);
  });

  it('requires a reason to decline, forward, ask for information or cancel, and an outcome to close', () => {
    const requires = (to: string) => COORDINATION_TRANSITIONS.find((t) => t.to === to)!.requires;
    for (const to of ['declined', 'forwarded', 'awaiting_info', 'cancelled'])
      expect(requires(to)).toContain('reason');
    expect(requires('forwarded')).toContain('forwardTarget');
    expect(requires('done')).toEqual(['outcome']);
  });
});

describe('request types and urgencies', () => {
  it('maps every type to directory services that exist', () => {
    for (const type of REQUEST_TYPE_CODES)
      for (const service of SERVICES_FOR_TYPE[type]) expect(SERVICE_CODES).toContain(service);
  });

  it('carries the default SLA targets of the issue for every urgency', () => {
    expect(Object.keys(DEFAULT_SLA).sort()).toEqual([...URGENCY_CODES].sort());
    expect(DEFAULT_SLA.critical.acknowledge).toEqual({ ms: 15 * MINUTE_MS, clock: '24x7' });
    expect(DEFAULT_SLA.normal.outcome).toEqual({ businessDays: 10, clock: 'business' });
    expect(DEFAULT_SLA.low.acceptOrDecline).toBeNull();
  });
});
