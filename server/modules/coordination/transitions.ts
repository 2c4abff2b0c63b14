/** The state machine's server-side checks: a move that does not exist is a 409 naming the allowed ones. */
import type { z } from 'zod';
import type { TransitionCoordinationBody } from '../../../common/coordination-api.ts';
import {
  allowedCoordinationMoves,
  type CoordinationParty,
  type CoordinationState,
  coordinationTransitionTo,
} from '../../../common/coordination-states.ts';
import { AppError, badRequest } from '../../platform/errors.ts';

export function assertMoveExists(
  from: CoordinationState,
  to: CoordinationState,
  parties: readonly CoordinationParty[],
) {
  const move = coordinationTransitionTo(from, to);
  if (move) return move;
  const allowed = allowedCoordinationMoves(from, parties);
  throw new AppError(
    409,
    'INVALID_TRANSITION',
    `A request that is ${from} cannot become ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { from, to, allowed },
  );
}

/** 400 when the move lacks what it requires (a reason, a target inbox, an outcome). */
export function assertRequirements(
  move: NonNullable<ReturnType<typeof coordinationTransitionTo>>,
  input: z.infer<typeof TransitionCoordinationBody>,
) {
  if (move.requires.includes('reason') && !input.reason)
    throw badRequest('REASON_REQUIRED', `A reason is required to mark a request ${input.to}`);
  if (move.requires.includes('forwardTarget') && !input.forwardToUnitId)
    throw badRequest('FORWARD_TARGET_REQUIRED', 'Name the unit to forward to in forwardToUnitId');
  if (move.requires.includes('outcome')) {
    if (!input.outcome) throw badRequest('OUTCOME_REQUIRED', 'Say how it ended: successful, partly or not');
    if (input.outcome === 'not' && !input.outcomeReason)
      throw badRequest('OUTCOME_REASON_REQUIRED', 'Say why help could not be given in outcomeReason');
  }
}
