/**
 * What the board's search indexes: titles (A), category and province labels (B), descriptions, proposed
 * solutions and official answers (C), the source forum (D). Never the reporting organisation, so a search
 * cannot reveal who raised an anonymous problem.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { labelOf } from '../../../common/directory-taxonomies.ts';
import { problemLabelOf } from '../../../common/problems-taxonomy.ts';
import type { Db } from '../../db/client.ts';
import { type ProblemAnswerRow, type ProblemRow, problemAnswers, problems } from '../../db/schema/index.ts';
import { buildTsvector, type WeightedText } from '../../platform/search/index.ts';

const labels = (entries: ({ th: string; en: string } | undefined)[]) =>
  entries.flatMap((e) => (e ? [e.th, e.en] : []));

export function problemSearchText(
  p: Pick<ProblemRow, 'title' | 'body' | 'category' | 'provinces' | 'proposedSolution' | 'source'>,
  answers: Pick<ProblemAnswerRow, 'bodyTh' | 'bodyEn'>[] = [],
): WeightedText {
  return {
    A: [p.title],
    B: labels([problemLabelOf(p.category), ...p.provinces.map(labelOf)]),
    C: [
      p.body,
      ...(p.proposedSolution ? [p.proposedSolution] : []),
      ...answers.flatMap((a) => [a.bodyTh, ...(a.bodyEn ? [a.bodyEn] : [])]),
    ],
    D: p.source ? [p.source] : [],
  };
}

export async function refreshProblemSearchDocument(tx: Db, problemId: string) {
  const [problem] = await tx.select().from(problems).where(eq(problems.id, problemId));
  if (!problem) return;
  const answers = await tx
    .select({ bodyTh: problemAnswers.bodyTh, bodyEn: problemAnswers.bodyEn })
    .from(problemAnswers)
    .where(eq(problemAnswers.problemId, problemId))
    .orderBy(asc(problemAnswers.createdAt));
  const document = buildTsvector(problemSearchText(problem, answers));
  await tx
    .update(problems)
    .set({ searchDocument: sql`${document}::tsvector` })
    .where(eq(problems.id, problemId));
}
