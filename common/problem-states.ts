/**
 * The Centre's loop as data: which state may follow which, and which party may make each move.
 * Pure: the service asks it before writing, the policy asks it who may act, the web shows what it allows.
 */
import { OPEN_STATES, type ProblemState } from './problems-taxonomy.ts';

/** `reporter`: the user who raised it or an org admin of their organisation. `assignee`: a member or org admin of a responsible organisation. */
export type Party = 'admin' | 'reporter' | 'assignee';
/** What a move needs besides permission. `assignment` moves go through POST /problems/:id/assign. */
export type Requirement = 'reason' | 'duplicateOf' | 'assignment';

type Transition = {
  from: readonly ProblemState[];
  to: ProblemState;
  by: readonly Party[];
  requires?: Requirement;
};

export const TRANSITIONS: readonly Transition[] = [
  { from: ['submitted'], to: 'under_review', by: ['admin'] },
  { from: ['submitted', 'under_review'], to: 'assigned', by: ['admin'], requires: 'assignment' },
  { from: ['assigned'], to: 'in_progress', by: ['admin', 'assignee'] },
  { from: ['assigned', 'in_progress'], to: 'resolved', by: ['admin'] },
  { from: OPEN_STATES, to: 'not_feasible', by: ['admin'], requires: 'reason' },
  { from: OPEN_STATES, to: 'duplicate', by: ['admin'], requires: 'duplicateOf' },
  { from: ['submitted', 'under_review'], to: 'withdrawn', by: ['reporter'] },
];

export const transitionTo = (from: ProblemState, to: ProblemState) =>
  TRANSITIONS.find((t) => t.to === to && t.from.includes(from));

/** The states this set of parties may move a problem to from `from`. */
export const allowedTransitions = (from: ProblemState, parties: readonly Party[]): ProblemState[] =>
  TRANSITIONS.filter((t) => t.from.includes(from) && t.by.some((p) => parties.includes(p))).map((t) => t.to);

export const mayTransition = (from: ProblemState, to: ProblemState, parties: readonly Party[]) =>
  transitionTo(from, to)?.by.some((p) => parties.includes(p)) ?? false;
