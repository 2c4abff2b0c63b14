/**
 * The rules of a forum action item that the server, the contract and the web share: who may move its status
 * where, and when it counts as overdue (by the Bangkok calendar day, never by the UTC one).
 */
import { type ActionStatus, OPEN_ACTION_STATUSES } from './forum-states.ts';
import { DAY_MS } from './time.ts';

export type ActionParty = 'owner' | 'centre';

/** open → in_progress → done, and back to open if the work stalls; only the Centre drops an action. */
const MOVES: Record<ActionStatus, Partial<Record<ActionStatus, readonly ActionParty[]>>> = {
  open: { in_progress: ['owner', 'centre'], done: ['owner', 'centre'], dropped: ['centre'] },
  in_progress: { open: ['owner', 'centre'], done: ['owner', 'centre'], dropped: ['centre'] },
  done: { in_progress: ['centre'] },
  dropped: { open: ['centre'] },
};

export function mayMoveAction(from: ActionStatus, to: ActionStatus, parties: readonly ActionParty[]) {
  return (MOVES[from][to] ?? []).some((p) => parties.includes(p));
}

export function actionMovesFor(from: ActionStatus, parties: readonly ActionParty[]): ActionStatus[] {
  return (Object.keys(MOVES[from]) as ActionStatus[]).filter((to) => mayMoveAction(from, to, parties));
}

export const isOpenAction = (status: ActionStatus) =>
  (OPEN_ACTION_STATUSES as readonly ActionStatus[]).includes(status);

/** Days past due on `today` (both `YYYY-MM-DD` Bangkok days); 0 when not overdue or closed. */
export function daysOverdue(dueOn: string | null, status: ActionStatus, today: string): number {
  if (!dueOn || !isOpenAction(status) || dueOn >= today) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / DAY_MS);
}

/** A reminder goes out this many days before an action is due. */
export const ACTION_REMINDER_DAYS_BEFORE = 7;
/** The overdue digest goes out on Monday (ISO weekday 1) from this hour, Bangkok time. */
export const OVERDUE_DIGEST_WEEKDAY = 1;
export const OVERDUE_DIGEST_FROM_HOUR = 8;
