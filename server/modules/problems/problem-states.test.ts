import { describe, expect, it } from 'vitest';
import { allowedTransitions, mayTransition, type Party } from '../../../common/problem-states.ts';
import { PROBLEM_STATE_CODES, type ProblemState } from '../../../common/problems-taxonomy.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addDays,
  type DeadlineFields,
  dueAtOf,
  isOverdue,
  onAnswered,
  onAssigned,
  onInProgress,
} from './deadlines.ts';
import { assertTransitionExists } from './problem-states.ts';

/** The whole table the issue asks for, written out: from → to → parties allowed. */
const EXPECTED: Record<ProblemState, Partial<Record<ProblemState, Party[]>>> = {
  submitted: {
    under_review: ['admin'],
    assigned: ['admin'],
    not_feasible: ['admin'],
    duplicate: ['admin'],
    withdrawn: ['reporter'],
  },
  under_review: {
    assigned: ['admin'],
    not_feasible: ['admin'],
    duplicate: ['admin'],
    withdrawn: ['reporter'],
  },
  assigned: {
    in_progress: ['admin', 'assignee'],
    resolved: ['admin'],
    not_feasible: ['admin'],
    duplicate: ['admin'],
  },
  in_progress: { resolved: ['admin'], not_feasible: ['admin'], duplicate: ['admin'] },
  resolved: {},
  not_feasible: {},
  duplicate: {},
  withdrawn: {},
};
const PARTIES: Party[] = ['admin', 'reporter', 'assignee'];

describe('problem state machine', () => {
  const cells = PROBLEM_STATE_CODES.flatMap((from) =>
    PROBLEM_STATE_CODES.flatMap((to) => PARTIES.map((party) => [from, to, party] as const)),
  );
  it.each(cells)('%s → %s by %s', (from, to, party) => {
    const allowed = EXPECTED[from][to]?.includes(party) ?? false;
    expect(mayTransition(from, to, [party])).toBe(allowed);
  });

  it('answers 409 naming the moves the actor could make instead', () => {
    try {
      assertTransitionExists('submitted', 'resolved', ['admin']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.statusCode).toBe(409);
      expect(err.code).toBe('INVALID_TRANSITION');
      expect(err.details).toEqual({
        from: 'submitted',
        to: 'resolved',
        allowed: ['under_review', 'assigned', 'not_feasible', 'duplicate'],
      });
    }
    expect(allowedTransitions('submitted', ['reporter'])).toEqual(['withdrawn']);
    expect(allowedTransitions('resolved', ['admin', 'reporter', 'assignee'])).toEqual([]);
  });

  it('withdrawal is possible only before assignment', () => {
    expect(mayTransition('under_review', 'withdrawn', ['reporter'])).toBe(true);
    expect(mayTransition('assigned', 'withdrawn', ['reporter'])).toBe(false);
    expect(mayTransition('in_progress', 'withdrawn', ['reporter', 'admin'])).toBe(false);
  });
});

describe('deadlines', () => {
  const now = new Date('2026-11-26T03:00:00.000Z');
  const settings = { firstAnswerDays: 14, updateIntervalDays: 30, escalationDays: 14 };
  const fresh: DeadlineFields & { assignedAt: Date | null; lastAnsweredAt: Date | null } = {
    state: 'under_review',
    assignedAt: null,
    firstAnswerDueAt: null,
    firstAnsweredAt: null,
    nextUpdateDueAt: null,
    lastAnsweredAt: null,
  };

  // Thursday 26 November 2026, 10:00 in Bangkok + 14 days: Thursday 10 December at the end of the working day.
  const firstDue = new Date('2026-12-10T09:30:00.000Z');

  it('starts the first-answer clock at assignment, due at 16:30 Bangkok time, and keeps it on reassignment', () => {
    const assigned = onAssigned(fresh, settings, now);
    expect(assigned.firstAnswerDueAt).toEqual(firstDue);
    expect(assigned.dueAt).toEqual(firstDue);
    const again = onAssigned(assigned, settings, addDays(now, 5));
    expect(again.firstAnswerDueAt).toEqual(firstDue);
    expect(again.assignedAt).toEqual(now);
  });

  it('takes the deadline the Centre chose, at assignment and on reassignment', () => {
    const chosen = new Date('2026-12-01T09:30:00.000Z');
    expect(onAssigned(fresh, settings, now, chosen).dueAt).toEqual(chosen);
    const later = new Date('2026-12-20T09:30:00.000Z');
    const again = onAssigned(onAssigned(fresh, settings, now), settings, addDays(now, 2), later);
    expect(again.firstAnswerDueAt).toEqual(later);
    expect(again.dueAt).toEqual(later);
  });

  it('is overdue the moment after the deadline, not before', () => {
    const assigned = onAssigned(fresh, settings, now);
    expect(isOverdue(assigned, firstDue)).toBe(false);
    expect(isOverdue(assigned, new Date(firstDue.getTime() + 1))).toBe(true);
  });

  it('after the first answer, asks for an update every M days while in progress', () => {
    const assigned = onAssigned(fresh, settings, now);
    const answered = onAnswered(assigned, settings, addDays(now, 3));
    expect(answered.firstAnsweredAt).toEqual(addDays(now, 3));
    expect(answered.dueAt).toBeNull();
    const working = onInProgress({ ...answered }, settings, addDays(now, 4));
    expect(working.dueAt).toEqual(addDays(now, 34));
    const update = onAnswered(working, settings, addDays(now, 20));
    expect(update.dueAt).toEqual(addDays(now, 50));
    expect(update.firstAnsweredAt).toEqual(addDays(now, 3));
  });

  it('keeps the first-answer deadline when work starts before any answer', () => {
    const working = onInProgress(onAssigned(fresh, settings, now), settings, addDays(now, 1));
    expect(working.dueAt).toEqual(firstDue);
    expect(dueAtOf({ ...working, state: 'resolved' })).toBeNull();
  });

  it('uses per-category settings', () => {
    const assigned = onAssigned(fresh, { ...settings, firstAnswerDays: 7 }, now);
    expect(assigned.dueAt).toEqual(new Date('2026-12-03T09:30:00.000Z'));
  });
});
