/**
 * Deadline arithmetic, pure and clock-free: callers pass `now`. The first official answer is due at the end
 * of the Bangkok working day N days after assignment (or when the Centre sets it); while in progress an update is due every M days after the latest answer. `dueAt` is
 * the nearest one still pending, which the board sorts and the Centre's queue filters on.
 */

import { DEFAULT_DEADLINES, type ProblemState } from '../../../common/problems-taxonomy.ts';
import { DAY_MS } from '../../../common/time.ts';
import { defaultDeadline } from '../../../common/working-day.ts';

export type DeadlineSettings = {
  firstAnswerDays: number;
  updateIntervalDays: number;
  escalationDays: number;
};
export type DeadlineFields = {
  state: ProblemState;
  firstAnswerDueAt: Date | null;
  firstAnsweredAt: Date | null;
  nextUpdateDueAt: Date | null;
  dueAt?: Date | null;
};

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export const settingsOrDefault = (row: Partial<DeadlineSettings> | undefined): DeadlineSettings => ({
  ...DEFAULT_DEADLINES,
  ...row,
});

/** The nearest pending deadline: the first answer until it is given, then the next update while in progress. */
export function dueAtOf(p: DeadlineFields): Date | null {
  if (p.state !== 'assigned' && p.state !== 'in_progress') return null;
  if (!p.firstAnsweredAt) return p.firstAnswerDueAt;
  return p.state === 'in_progress' ? p.nextUpdateDueAt : null;
}

export const isOverdue = (p: DeadlineFields, now: Date) => {
  const due = p.dueAt === undefined ? dueAtOf(p) : p.dueAt;
  return due !== null && due.getTime() < now.getTime();
};

/**
 * On (first) assignment: the first answer's clock starts, to the deadline the Centre set or else to the end
 * of the working day the category's days fall on. Reassignment keeps a deadline already running unless the
 * Centre sets another.
 */
export function onAssigned<T extends DeadlineFields & { assignedAt: Date | null }>(
  p: T,
  s: DeadlineSettings,
  now: Date,
  chosenDueAt?: Date,
) {
  const assignedAt = p.assignedAt ?? now;
  const firstAnswerDueAt =
    chosenDueAt ?? p.firstAnswerDueAt ?? defaultDeadline(assignedAt, s.firstAnswerDays);
  const next = {
    ...p,
    state: p.state === 'in_progress' ? p.state : ('assigned' as const),
    assignedAt,
    firstAnswerDueAt,
  };
  return { ...next, dueAt: dueAtOf(next) };
}

/** Work starts: the first progress update is due M days from now (or from the latest answer, if later). */
export function onInProgress(
  p: DeadlineFields & { lastAnsweredAt: Date | null },
  s: DeadlineSettings,
  now: Date,
) {
  const from = p.lastAnsweredAt && p.lastAnsweredAt > now ? p.lastAnsweredAt : now;
  const next = { ...p, state: 'in_progress' as const, nextUpdateDueAt: addDays(from, s.updateIntervalDays) };
  return { ...next, dueAt: dueAtOf(next) };
}

/** An official answer counts as the first answer and, while in progress, as the periodic update. */
export function onAnswered<T extends DeadlineFields>(p: T, s: DeadlineSettings, now: Date) {
  const next = {
    ...p,
    firstAnsweredAt: p.firstAnsweredAt ?? now,
    lastAnsweredAt: now,
    nextUpdateDueAt: p.state === 'in_progress' ? addDays(now, s.updateIntervalDays) : p.nextUpdateDueAt,
  };
  return { ...next, dueAt: dueAtOf(next) };
}

/** Closed problems have nothing due. */
export const onClosed = <T extends DeadlineFields>(p: T, state: ProblemState) => ({
  ...p,
  state,
  dueAt: null,
});
