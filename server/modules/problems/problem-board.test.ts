/**
 * The board's narrow rows (`problem_board`) are kept by triggers on problems: every write that changes what
 * the board filters, sorts or searches on shows on the board, whichever path wrote it, and writes the board
 * does not read leave its row alone.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.ts';
import { problemBoard, problems } from '../../db/schema/index.ts';
import { buildTsvector } from '../../platform/search/index.ts';
import { buildProblem } from '../../test/problem-factories.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { problemSearchText } from './search-document.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** What the board row must hold for the problem as it is now. */
async function expectBoardToMirror(id: string) {
  const [p] = await t.db.select().from(problems).where(eq(problems.id, id));
  const [row] = await t.db.select().from(problemBoard).where(eq(problemBoard.problemId, id));
  expect(row).toEqual({
    problemId: p!.id,
    type: p!.type,
    category: p!.category,
    state: p!.state,
    provinces: p!.provinces,
    sectors: p!.sectors,
    reporterOrganisationId: p!.reporterOrganisationId,
    supportCount: p!.supportCount,
    dueAt: p!.dueAt,
    createdAt: p!.createdAt,
    document: p!.searchDocument,
    titleDocument: p!.titleDocument,
  });
}

/** The board row's version: it changes exactly when the row is rewritten. */
async function boardRowVersion(id: string) {
  const rows = rowsOf<{ xmin: string }>(
    await t.db.execute(sql`select xmin::text from problem_board where problem_id = ${id}`),
  );
  return rows[0]?.xmin;
}

describe('the board rows', () => {
  it('follow every change the board reads, whichever statement makes it', async () => {
    const p = await buildProblem(t.db, { provinces: ['TH-85'], sectors: ['civil_society'] });
    await expectBoardToMirror(p.id);

    const due = new Date('2027-01-15T03:00:00Z');
    await t.db
      .update(problems)
      .set({
        state: 'assigned',
        dueAt: due,
        supportCount: 3,
        provinces: ['TH-10', 'TH-74'],
        category: 'labour_fisheries_inspection',
      })
      .where(eq(problems.id, p.id));
    await expectBoardToMirror(p.id);

    const retitled = buildTsvector(problemSearchText({ ...p, title: 'ล่ามภาษาเมียนมาไม่พอ' }));
    await t.db
      .update(problems)
      .set({ title: 'ล่ามภาษาเมียนมาไม่พอ', searchDocument: sql`${retitled}::tsvector` })
      .where(eq(problems.id, p.id));
    await expectBoardToMirror(p.id);
    const [row] = await t.db.select().from(problemBoard).where(eq(problemBoard.problemId, p.id));
    expect(String(row!.titleDocument)).toContain('ล่าม');
  });

  it('are not rewritten by a write the board does not read (a comment counted, a version bumped)', async () => {
    const p = await buildProblem(t.db);
    const before = await boardRowVersion(p.id);
    await t.db
      .update(problems)
      .set({ commentCount: 5, version: 2, updatedAt: new Date() })
      .where(eq(problems.id, p.id));
    expect(await boardRowVersion(p.id)).toBe(before);
    // Setting a column the board reads to the value it has is not a change either.
    await t.db.update(problems).set({ supportCount: p.supportCount }).where(eq(problems.id, p.id));
    expect(await boardRowVersion(p.id)).toBe(before);
  });

  it('come with problems inserted many in one statement, and go with a deleted problem', async () => {
    const { titleDocument: _generated, ...a } = await buildProblem(t.db);
    const copies = [1, 2, 3].map((n) => ({
      ...a,
      id: crypto.randomUUID(),
      title: `สำเนา ${n}`,
      searchDocument: sql`${buildTsvector(problemSearchText({ ...a, title: `สำเนา ${n}` }))}::tsvector`,
    }));
    await t.db.insert(problems).values(copies);
    for (const c of copies) await expectBoardToMirror(c.id);

    await t.db.delete(problems).where(eq(problems.id, copies[0]!.id));
    expect(await boardRowVersion(copies[0]!.id)).toBeUndefined();
  });
});
