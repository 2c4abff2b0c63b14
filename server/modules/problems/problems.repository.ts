/** Reading problems the way every service needs them: locked for a change, with what the policy needs. */
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import {
  organisations,
  type ProblemRow,
  problemAssignments,
  problemSupports,
  problems,
} from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import type { ProblemAccess } from '../../platform/policy.ts';
import { type OrganisationSummaryRow, organisationSummaryColumns } from '../../platform/projections.ts';

export const problemNotFound = () => notFound('Problem');

/** Every column but the search documents, which only queries read (kilobytes per problem). */
const {
  searchDocument: _searchDocument,
  titleDocument: _titleDocument,
  ...problemColumns
} = getTableColumns(problems);

export { problemColumns };
export type Problem = Omit<ProblemRow, 'searchDocument' | 'titleDocument'>;

/**
 * A problem page's reads are prepared once per connection: planning them cost four to seven times their
 * running (pg_stat_statements, problem-page-fresh at 100,000 problems).
 */
const problemById = preparedPerDatabase((db) =>
  db
    .select(problemColumns)
    .from(problems)
    .where(eq(problems.id, sql.placeholder('id')))
    .prepare('tipnet_problem_by_id'),
);

/** Every signed-in member may see every problem, so a missing row is the only 404. */
export async function getProblem(db: Db, id: string, options: { lock?: boolean } = {}): Promise<Problem> {
  const [row] = options.lock
    ? await db.select(problemColumns).from(problems).where(eq(problems.id, id)).for('update')
    : await problemById(db).execute({ id });
  if (!row) throw problemNotFound();
  return row;
}

const assignmentsStatement = preparedPerDatabase((db) =>
  db
    .select({ assignment: problemAssignments, organisation: organisationSummaryColumns })
    .from(problemAssignments)
    .innerJoin(organisations, eq(organisations.id, problemAssignments.organisationId))
    .where(eq(problemAssignments.problemId, sql.placeholder('problemId')))
    .orderBy(sql`${problemAssignments.lead} desc`, asc(organisations.nameEn))
    .prepare('tipnet_problem_assignments'),
);

export async function assignmentsOf(db: Db, problemId: string) {
  return assignmentsStatement(db).execute({ problemId });
}

export async function assignedOrganisationIds(db: Db, problemId: string) {
  const rows = await db
    .select({ id: problemAssignments.organisationId })
    .from(problemAssignments)
    .where(eq(problemAssignments.problemId, problemId));
  return rows.map((r) => r.id);
}

export const accessOf = (p: Problem, assignedOrganisationIds: readonly string[]): ProblemAccess => ({
  state: p.state,
  reporterUserId: p.reporterUserId,
  reporterOrganisationId: p.reporterOrganisationId,
  anonymous: p.anonymous,
  assignedOrganisationIds,
});

export async function loadAccess(db: Db, id: string, options: { lock?: boolean } = {}) {
  const problem = await getProblem(db, id, options);
  return { problem, access: accessOf(problem, await assignedOrganisationIds(db, id)) };
}

export async function organisationsById(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map<string, OrganisationSummaryRow>();
  const rows = await db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((o) => [o.id, o]));
}

/** Of these problems, the ones the organisation supports. */
export async function supportedBy(db: Db, organisationId: string, problemIds: string[]) {
  if (problemIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: problemSupports.problemId })
    .from(problemSupports)
    .where(
      and(eq(problemSupports.organisationId, organisationId), inArray(problemSupports.problemId, problemIds)),
    );
  return new Set(rows.map((r) => r.id));
}
