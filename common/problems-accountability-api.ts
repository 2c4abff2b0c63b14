/** The accountability page of the problems board (/api/v1/problems/accountability): how the loop is kept. */
import { z } from 'zod';
import { Id, Language, OrganisationSummary, Timestamp } from './api.ts';
import { ProblemCategoryCode, ProblemStateCode, ProblemTypeCode } from './taxonomy-codes.ts';

const Counts = z.record(z.string(), z.number().int());

export const OrganisationAccountability = z.object({
  organisation: OrganisationSummary,
  /** Problems it is responsible for (lead or not), and of those it leads. */
  assigned: z.number().int(),
  lead: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Problems where it has posted at least one official answer. */
  answered: z.number().int(),
  resolved: z.number().int(),
  /** From assignment to its first official answer on the problem; null when it has answered none. */
  medianDaysToFirstAnswer: z.number().nullable(),
  /** From assignment to resolution, over its resolved problems; null when none is resolved. */
  medianDaysToResolution: z.number().nullable(),
});
export type OrganisationAccountability = z.infer<typeof OrganisationAccountability>;

export const OverdueProblem = z.object({
  id: Id,
  type: ProblemTypeCode,
  title: z.string(),
  state: ProblemStateCode,
  category: ProblemCategoryCode,
  leadOrganisation: OrganisationSummary.nullable(),
  dueAt: Timestamp,
  daysOverdue: z.number().int(),
});
export type OverdueProblem = z.infer<typeof OverdueProblem>;

export const AccountabilityView = z.object({
  generatedAt: Timestamp,
  totals: z.object({
    problems: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    resolved: z.number().int(),
  }),
  byState: Counts,
  byCategory: Counts,
  /** Sectors concerned, as the reporters tagged them; a problem may count in several. */
  bySector: Counts,
  /** Responsible organisations, most assigned first. */
  organisations: z.array(OrganisationAccountability),
  /** The most overdue first (at most 100). */
  overdue: z.array(OverdueProblem),
});
export type AccountabilityView = z.infer<typeof AccountabilityView>;

/** The accountability CSV: one table per file; `lang=th` for Thai headers, labels and Buddhist-Era dates. */
export const AccountabilityCsvQuery = z.strictObject({
  table: z.enum(['organisations', 'overdue']).default('organisations'),
  lang: Language.optional(),
});
export type AccountabilityTable = z.infer<typeof AccountabilityCsvQuery>['table'];
