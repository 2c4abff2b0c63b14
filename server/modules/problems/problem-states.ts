/** The transition table's one server-side rule: a move that does not exist at all is a 409. */
import { allowedTransitions, type Party, transitionTo } from '../../../common/problem-states.ts';
import type { ProblemState } from '../../../common/problems-taxonomy.ts';
import { AppError } from '../../platform/errors.ts';

/** 409 naming the moves this actor could make instead, when `to` cannot follow `from` at all. */
export function assertTransitionExists(from: ProblemState, to: ProblemState, parties: readonly Party[]) {
  const transition = transitionTo(from, to);
  if (transition) return transition;
  const allowed = allowedTransitions(from, parties);
  throw new AppError(
    409,
    'INVALID_TRANSITION',
    `A problem that is ${from} cannot become ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { from, to, allowed },
  );
}
