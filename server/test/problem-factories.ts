/** Problem factories shared by the tests, the route matrix and the demo seed; each creates missing parents. */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  type ProblemCommentRow,
  type ProblemRow,
  problemAssignments,
  problemComments,
  problems,
  users,
} from '../db/schema/index.ts';
import { buildUser } from '../demo/factories.ts';
import { problemSearchText } from '../modules/problems/search-document.ts';
import { buildTsvector } from '../platform/search/index.ts';

let sequence = 0;

/** A problem straight in the table (no events or audit): for tests that need one in a given state. */
export async function buildProblem(
  db: Db,
  overrides: Partial<ProblemRow> & { assignedTo?: string[] } = {},
): Promise<ProblemRow> {
  const n = ++sequence;
  const { assignedTo = [], ...rest } = overrides;
  let reporterUserId = rest.reporterUserId;
  let reporterOrganisationId = rest.reporterOrganisationId;
  if (!reporterUserId) {
    const reporter = await buildUser(
      db,
      reporterOrganisationId ? { organisationId: reporterOrganisationId } : {},
    );
    reporterUserId = reporter.id;
    reporterOrganisationId = reporter.organisationId;
  } else if (!reporterOrganisationId) {
    const [row] = await db.select().from(users).where(sql`${users.id} = ${reporterUserId}`);
    reporterOrganisationId = row!.organisationId;
  }
  const now = rest.createdAt ?? new Date();
  const values = {
    id: randomUUID(),
    type: 'problem' as const,
    title: `ปัญหาทดสอบ ${n}`,
    body: `รายละเอียดของปัญหาทดสอบ ${n}`,
    category: 'inter_agency_coordination' as const,
    provinces: [],
    sectors: [],
    proposedSolution: null,
    source: null,
    createdAt: now,
    updatedAt: now,
    ...(assignedTo.length > 0
      ? { state: 'assigned' as const, leadOrganisationId: assignedTo[0]!, assignedAt: now }
      : {}),
    ...rest,
    reporterUserId,
    reporterOrganisationId: reporterOrganisationId!,
  };
  const document = buildTsvector(problemSearchText(values));
  const [row] = await db
    .insert(problems)
    .values({ ...values, searchDocument: sql`${document}::tsvector` })
    .returning();
  if (assignedTo.length > 0) {
    await db.insert(problemAssignments).values(
      assignedTo.map((organisationId, i) => ({
        id: randomUUID(),
        problemId: row!.id,
        organisationId,
        lead: i === 0,
        assignedBy: reporterUserId!,
        assignedAt: now,
      })),
    );
  }
  return row!;
}

export async function buildComment(
  db: Db,
  overrides: Partial<ProblemCommentRow> & {
    problemId: string;
    authorUserId: string;
    authorOrganisationId: string;
  },
): Promise<ProblemCommentRow> {
  const [row] = await db
    .insert(problemComments)
    .values({ id: randomUUID(), body: `ความคิดเห็น ${++sequence}`, createdAt: new Date(), ...overrides })
    .returning();
  await db
    .update(problems)
    .set({ commentCount: sql`${problems.commentCount} + 1` })
    .where(sql`${problems.id} = ${overrides.problemId}`);
  return row!;
}
