/** The org admin's task list: focal-point roles left vacant by people who left, and entries gone stale. */
import { z } from 'zod';
import { Id, OrganisationSummary, Timestamp } from './api.ts';
import { PersonBrief } from './directory-api.ts';
import { FocalTopicCode } from './taxonomy-codes.ts';

/** Each list stops here; `counts` says how many there are in all. */
export const TASKS_LIMIT = 100;

/** Without `organisationId`: an org admin's own organisation, or every organisation for admins. */
export const TasksQuery = z.strictObject({ organisationId: Id.optional() });

/** Someone who has left but still holds focal-point roles: one handover resolves it. */
export const HandoverTask = z.object({
  person: PersonBrief,
  organisation: OrganisationSummary,
  topics: z.array(z.object({ topic: FocalTopicCode, since: Timestamp })),
});
export type HandoverTask = z.infer<typeof HandoverTask>;

/** An entry not reviewed for 180 days: "still accurate" (or an edit) resolves it. */
export const ReviewTask = z.object({
  organisation: OrganisationSummary,
  lastReviewedAt: Timestamp.nullable(),
  staleSince: Timestamp,
});
export type ReviewTask = z.infer<typeof ReviewTask>;

export const TasksView = z.object({
  handovers: z.array(HandoverTask),
  /** Oldest first. */
  reviews: z.array(ReviewTask),
  counts: z.object({
    handovers: z.number().int(),
    /** Vacant roles in all (a person who left may hold several). */
    vacantRoles: z.number().int(),
    reviews: z.number().int(),
    /** Handovers plus reviews: what the navigation badge shows. */
    total: z.number().int(),
  }),
});
export type TasksView = z.infer<typeof TasksView>;
