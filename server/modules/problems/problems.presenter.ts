/** Problem rows to API views. The one place that decides whether the reporter is shown. */
import type { OrganisationSummary } from '../../../common/api.ts';
import type { AnswerView, ProblemListItem } from '../../../common/problems-api.ts';
import type { ProblemAnswerRow, ProblemRow } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { can } from '../../platform/policy.ts';
import {
  type OrganisationSummaryRow,
  presentOrganisation,
  type UserName,
} from '../../platform/projections.ts';
import { isOverdue } from './deadlines.ts';
import type { Problem } from './problems.repository.ts';

const EXCERPT_CHARS = 280;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const seesReporter = (viewer: Actor, p: Pick<ProblemRow, 'anonymous' | 'reporterOrganisationId'>) =>
  can(viewer, 'problem.seeReporter', p);

/** True when this organisation's part must be hidden from the viewer: it is the anonymous reporter's. */
export const hidesOrganisation = (
  viewer: Actor,
  p: Pick<ProblemRow, 'anonymous' | 'reporterOrganisationId'>,
  organisationId: string | null,
) => organisationId !== null && organisationId === p.reporterOrganisationId && !seesReporter(viewer, p);

/**
 * Timeline events any organisation does in another capacity than the reporter's: as an assignee (official
 * answers), as a supporter, or the Centre's own acts. The reporting organisation doing these is shown as
 * any other organisation doing them: hiding only its part would single it out as the reporter.
 */
const NOT_AS_REPORTER: ReadonlySet<string> = new Set([
  'answered',
  'assigned',
  'supported',
  'support_withdrawn',
  'supports_merged',
  'comment_hidden',
]);

/**
 * Whether the event's actor acted as the reporter: raising, withdrawing, commenting (comments of the
 * reporting organisation speak as the reporter) and any kind not known to be done in another capacity.
 * A state change is the reporter's only when it withdraws: every other move is the Centre's or an
 * assignee's.
 */
export const actsAsReporter = (event: { kind: string; data: Record<string, unknown> }) =>
  event.kind === 'state_changed' ? event.data.to === 'withdrawn' : !NOT_AS_REPORTER.has(event.kind);

/**
 * True when who did this must be hidden from the viewer: the anonymous reporter's organisation acting as
 * the reporter. What it does as an assignee or supporter is shown exactly as for anyone else.
 */
export const hidesActor = (
  viewer: Actor,
  p: Pick<ProblemRow, 'anonymous' | 'reporterOrganisationId'>,
  event: { kind: string; data: Record<string, unknown>; actorOrganisationId: string | null },
) => actsAsReporter(event) && hidesOrganisation(viewer, p, event.actorOrganisationId);

export function presentProblemListItem(
  viewer: Actor,
  now: Date,
  p: Problem,
  related: {
    reporterOrganisation: OrganisationSummaryRow | null;
    leadOrganisation: OrganisationSummaryRow | null;
    supportedByMyOrganisation: boolean;
  },
): ProblemListItem {
  const showReporter = seesReporter(viewer, p);
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    excerpt: [...p.body].slice(0, EXCERPT_CHARS).join(''),
    category: p.category,
    state: p.state,
    provinces: p.provinces,
    sectors: p.sectors,
    anonymous: p.anonymous,
    reporterOrganisation:
      showReporter && related.reporterOrganisation ? presentOrganisation(related.reporterOrganisation) : null,
    mine: viewer.organisationId === p.reporterOrganisationId,
    leadOrganisation: related.leadOrganisation ? presentOrganisation(related.leadOrganisation) : null,
    supportCount: p.supportCount,
    commentCount: p.commentCount,
    supportedByMyOrganisation: related.supportedByMyOrganisation,
    dueAt: iso(p.dueAt),
    overdue: isOverdue(p, now),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const presentAnswer = (
  a: ProblemAnswerRow,
  organisation: OrganisationSummaryRow,
  author: UserName | null,
): AnswerView => ({
  id: a.id,
  organisation: presentOrganisation(organisation),
  author,
  bodyTh: a.bodyTh,
  bodyEn: a.bodyEn,
  createdAt: a.createdAt.toISOString(),
});

export const summaryOrNull = (o: OrganisationSummaryRow | null | undefined): OrganisationSummary | null =>
  o ? presentOrganisation(o) : null;
