/** Appends to a problem's timeline in the caller's transaction; notifications and deadline jobs read it. */
import type { Db } from '../../db/client.ts';
import { problemEvents } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';

export const PROBLEM_EVENT_KINDS = [
  'raised',
  'supported',
  'support_withdrawn',
  'supports_merged',
  'assigned',
  'answered',
  'state_changed',
  'commented',
  'comment_edited',
  'comment_hidden',
  'comment_reported',
  'privacy_warning_acknowledged',
] as const;
export type ProblemEventKind = (typeof PROBLEM_EVENT_KINDS)[number];

/** Shown to the Centre only: what members reported and what the privacy check found. */
const CENTRE_ONLY: ReadonlySet<ProblemEventKind> = new Set([
  'comment_reported',
  'privacy_warning_acknowledged',
]);

export async function recordProblemEvent(
  tx: Db,
  ctx: RequestContext,
  problemId: string,
  kind: ProblemEventKind,
  data: Record<string, unknown> = {},
) {
  await tx.insert(problemEvents).values({
    problemId,
    at: ctx.now,
    kind,
    actorUserId: ctx.actor?.userId ?? null,
    actorOrganisationId: ctx.actor?.organisationId ?? null,
    visibility: CENTRE_ONLY.has(kind) ? 'centre' : 'all',
    data,
  });
}
