/**
 * Synthetic problems board for benchmarks: problems in every state with supports, assignments (one lead),
 * deadlines, official answers, follows, timeline events and comments spread with a long tail (a few
 * problems get hundreds, most a handful). Search documents come from the problems module's own builder.
 * Rows go in as multi-row INSERTs, a few hundred problems per transaction.
 */

import { eq, getTableColumns, notExists, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { labelOf, PROVINCES } from '../../common/directory-taxonomies.ts';
import { type ProblemEventData, type ProblemEventKind, visibilityOf } from '../../common/problem-events.ts';
import {
  isOpenState,
  PROBLEM_CATEGORY_CODES,
  type ProblemCategory,
  type ProblemState,
} from '../../common/problems-taxonomy.ts';
import { SECTORS } from '../../common/taxonomies.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../common/time.ts';
import type { Db } from '../../server/db/client.ts';
import {
  notificationDispatchState,
  organisations,
  problemAnswers,
  problemAssignments,
  problemComments,
  problemEvents,
  problemFollows,
  problemSupports,
  problems,
  users,
} from '../../server/db/schema/index.ts';
import { problemSearchText } from '../../server/modules/problems/search-document.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../server/platform/projections.ts';
import { buildTsvector } from '../../server/platform/search/index.ts';
import * as W from './problem-words.ts';
import type { makeRandom } from './random.ts';
import { vacuumWhereDue } from './vacuum.ts';
import { NAMES } from './words.ts';

type Random = ReturnType<typeof makeRandom>;
type Org = { id: string; nameTh: string; nameEn: string; abbreviation: string | null; sector: string };

const PROBLEMS_PER_TRANSACTION = 250;
/** Problems between two vacuums of what the triggers keep (see vacuum.ts). */
const VACUUM_EVERY = 5_000;
const ROWS_PER_INSERT = 5000;
/** One synthetic member per organisation at most this many organisations (reporters, supporters, authors). */
const MAX_NEW_USERS = 20_000;
/** Share of problems per final state (the rest are in_progress). */
const STATES: [ProblemState, number][] = [
  ['submitted', 0.1],
  ['under_review', 0.08],
  ['assigned', 0.12],
  ['resolved', 0.3],
  ['not_feasible', 0.07],
  ['duplicate', 0.05],
  ['withdrawn', 0.08],
];

/** A v4-shaped UUID from the seeded generator, so the same seed writes the same ids. */
const uuidFrom = (random: Random) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
};

function pickState(random: Random): ProblemState {
  let u = random.next();
  for (const [state, share] of STATES) {
    if (u < share) return state;
    u -= share;
  }
  return 'in_progress';
}

/** Comments per problem: Pareto weights scaled to `total`, so a few problems carry most of the talk. */
function commentCounts(random: Random, problemsCount: number, total: number): number[] {
  const weights = Array.from({ length: problemsCount }, () =>
    Math.min(2000, (1 - random.next()) ** (-1 / 1.3) - 0.6),
  );
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let left = total - counts.reduce((a, b) => a + b, 0);
  while (left-- > 0) counts[random.int(0, problemsCount - 1)]!++;
  return counts;
}

/**
 * Thousands of rows per statement as one JSON parameter: a VALUES list of that many parameters costs
 * PostgreSQL more to parse and plan than to insert. Columns missing from a row are null (not defaulted).
 */
async function insertAll<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k in columns);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows
      .slice(i, i + ROWS_PER_INSERT)
      .map((r) =>
        Object.fromEntries(keys.map((k) => [columns[k]!.name, (r as Record<string, unknown>)[k] ?? null])),
      );
    await tx.execute(
      sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}

/** One inactive synthetic member (who cannot sign in) for each organisation that has no user yet. */
async function ensureMembers(db: Db, random: Random, now: Date) {
  const orphans = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      notExists(db.select({ one: sql`1` }).from(users).where(eq(users.organisationId, organisations.id))),
    )
    .orderBy(organisations.createdAt, organisations.id)
    .limit(MAX_NEW_USERS);
  const rows = orphans.map((o, i) => {
    const first = random.pick(NAMES.firstNames);
    const last = random.pick(NAMES.lastNames);
    return {
      id: uuidFrom(random),
      organisationId: o.id,
      email: `member-${o.id}@synthetic.example`,
      displayName: `${first.th} ${last.th}`,
      role: (i % 10 === 0 ? 'org_admin' : 'member') as 'org_admin' | 'member',
      language: 'th' as const,
      passwordHash: 'synthetic-cannot-sign-in',
      active: false,
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await db
      .insert(users)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoNothing();
}

export async function generateSyntheticProblems(
  db: Db,
  random: Random,
  options: { problems: number; comments: number; now: Date },
) {
  const { now } = options;
  await ensureMembers(db, random, now);
  const orgRows = await db
    .select(organisationSummaryColumns)
    .from(organisations)
    .orderBy(organisations.createdAt, organisations.id);
  const userRows = await db
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .orderBy(users.createdAt, users.id);
  const usersByOrg = new Map<string, string[]>();
  for (const u of userRows)
    usersByOrg.set(u.organisationId, [...(usersByOrg.get(u.organisationId) ?? []), u.id]);
  const orgsWithUsers = orgRows.filter((o) => usersByOrg.has(o.id)) as Org[];
  if (orgsWithUsers.length < 2)
    throw new Error('synthetic problems need at least two organisations with users');
  const memberOf = (org: Org) => random.pick(usersByOrg.get(org.id)!);
  const anyUser = () => random.pick(userRows).id;
  const summary = (org: Org) => presentOrganisation(org as Parameters<typeof presentOrganisation>[0]);

  const counts = commentCounts(random, options.problems, options.comments);
  const earlierIds: string[] = [];
  let commentsWritten = 0;
  let pending = Promise.resolve();
  const started = Date.now();

  for (let start = 0; start < options.problems; start += PROBLEMS_PER_TRANSACTION) {
    const problemRows: (typeof problems.$inferInsert)[] = [];
    const supportRows: (typeof problemSupports.$inferInsert)[] = [];
    const assignmentRows: (typeof problemAssignments.$inferInsert)[] = [];
    const answerRows: (typeof problemAnswers.$inferInsert)[] = [];
    const followRows: (typeof problemFollows.$inferInsert)[] = [];
    const commentRows: (typeof problemComments.$inferInsert)[] = [];
    const eventRows: (typeof problemEvents.$inferInsert)[] = [];

    for (let i = start; i < Math.min(options.problems, start + PROBLEMS_PER_TRANSACTION); i++) {
      const id = uuidFrom(random);
      const reporterOrg = random.pick(orgsWithUsers);
      const reporter = memberOf(reporterOrg);
      // Three years of history, more of it recent.
      const createdAt = new Date(now.getTime() - Math.floor(random.next() ** 2 * 3 * 365 * DAY_MS) - DAY_MS);
      const category: ProblemCategory = random.pick(PROBLEM_CATEGORY_CODES);
      const province = random.pick(PROVINCES);
      const provinces = random.chance(0.1)
        ? []
        : [province.code, ...random.sample(PROVINCES, random.int(0, 2)).map((p) => p.code)];
      const english = random.chance(0.3);
      const titles = W.TITLES[category];
      const title = random
        .pick(english ? titles.en : titles.th)
        .replace('{p}', english ? province.en : province.th);
      const body = random
        .sample(english ? W.BODY_EN : W.BODY_TH, random.int(2, 4))
        .join(' ')
        .concat(english ? ` (${labelOf(province.code)?.en})` : ` (จังหวัด${province.th})`);
      const state = pickState(random);
      const anonymous = random.chance(0.1);
      const events: (typeof problemEvents.$inferInsert)[] = [];
      const event = <K extends ProblemEventKind>(
        at: Date,
        kind: K,
        actorUserId: string | null,
        actorOrganisationId: string | null,
        data: ProblemEventData<K>,
      ) =>
        events.push({
          problemId: id,
          at,
          kind,
          actorUserId,
          actorOrganisationId,
          visibility: visibilityOf(kind),
          data,
        });
      const after = (from: Date, days: number) =>
        new Date(Math.min(now.getTime() - MINUTE_MS, from.getTime() + days * DAY_MS));
      const followers = new Set([reporter]);
      event(createdAt, 'raised', reporter, reporterOrg.id, { type: 'problem', category });

      // Supports: most problems a few, some many.
      const supportCount = Math.min(
        orgsWithUsers.length - 1,
        Math.floor((1 - random.next()) ** (-1 / 1.1) - 1),
        state === 'submitted' ? 5 : 200,
      );
      const supporters = new Set<Org>();
      while (supporters.size < supportCount) {
        const org = random.pick(orgsWithUsers);
        if (org.id !== reporterOrg.id) supporters.add(org);
      }
      for (const org of supporters) {
        const userId = memberOf(org);
        const at = after(createdAt, random.int(0, 60));
        const context = random.chance(0.3) ? random.pick(W.COMMENTS_TH) : null;
        supportRows.push({
          id: uuidFrom(random),
          problemId: id,
          organisationId: org.id,
          userId,
          context,
          createdAt: at,
        });
        followers.add(userId);
        event(at, 'supported', userId, org.id, { context });
      }

      // The Centre's loop.
      const reviewedAt = after(createdAt, random.int(1, 5));
      if (state !== 'submitted')
        event(reviewedAt, 'state_changed', null, null, {
          from: 'submitted',
          to: 'under_review',
          reason: null,
        });
      const assignedStates: ProblemState[] = ['assigned', 'in_progress', 'resolved', 'not_feasible'];
      let lead: Org | null = null;
      let assignedAt: Date | null = null;
      let firstAnswerDueAt: Date | null = null;
      let firstAnsweredAt: Date | null = null;
      let lastAnsweredAt: Date | null = null;
      let nextUpdateDueAt: Date | null = null;
      const answers: { bodyTh: string; bodyEn: string | null }[] = [];
      if (assignedStates.includes(state) && !(state === 'not_feasible' && random.chance(0.5))) {
        const assigned = random.sample(orgsWithUsers, random.int(1, 3));
        lead = assigned[0]!;
        assignedAt = after(reviewedAt, random.int(1, 10));
        firstAnswerDueAt = new Date(assignedAt.getTime() + 14 * DAY_MS);
        for (const org of assigned)
          assignmentRows.push({
            id: uuidFrom(random),
            problemId: id,
            organisationId: org.id,
            lead: org === lead,
            assignedBy: anyUser(),
            assignedAt,
          });
        event(assignedAt, 'assigned', null, null, {
          organisations: assigned.map((o) => ({ ...summary(o), lead: o === lead })),
          from: 'under_review',
          to: 'assigned',
          firstAnswerDueAt: firstAnswerDueAt.toISOString(),
        });
        const answerCount = state === 'assigned' ? 0 : random.int(state === 'in_progress' ? 0 : 1, 3);
        let at = assignedAt;
        for (let a = 0; a < answerCount; a++) {
          at = after(at, random.int(3, 40));
          const org = random.pick(assigned);
          const answerId = uuidFrom(random);
          const answer = {
            bodyTh: random.pick(W.ANSWERS_TH),
            bodyEn: random.chance(0.5) ? random.pick(W.ANSWERS_EN) : null,
          };
          answers.push(answer);
          answerRows.push({
            id: answerId,
            problemId: id,
            organisationId: org.id,
            authorUserId: memberOf(org),
            ...answer,
            createdAt: at,
          });
          event(at, 'answered', null, org.id, { answerId });
          firstAnsweredAt ??= at;
          lastAnsweredAt = at;
        }
        if (state === 'in_progress' || (state !== 'assigned' && answerCount > 0)) {
          event(after(firstAnsweredAt ?? assignedAt, 1), 'state_changed', null, lead.id, {
            from: 'assigned',
            to: 'in_progress',
            reason: null,
          });
        }
        if (state === 'in_progress')
          nextUpdateDueAt = new Date((lastAnsweredAt ?? assignedAt).getTime() + 30 * DAY_MS);
      }
      const open = isOpenState(state);
      const dueAt =
        state === 'assigned'
          ? firstAnswerDueAt
          : state === 'in_progress'
            ? (nextUpdateDueAt ?? firstAnswerDueAt)
            : null;
      // Overdue ones were already told (and escalated), so the deadline job has nothing to catch up on.
      const overdueNotifiedAt = dueAt && dueAt < now ? new Date(dueAt.getTime() + HOUR_MS) : null;
      const escalatedAt =
        dueAt && dueAt.getTime() + 14 * DAY_MS < now.getTime()
          ? new Date(dueAt.getTime() + 14 * DAY_MS + HOUR_MS)
          : null;
      const missed: ProblemEventData<'overdue'> | null = dueAt && {
        deadline: firstAnsweredAt ? 'progress_update' : 'first_answer',
        dueAt: dueAt.toISOString(),
      };
      if (overdueNotifiedAt && missed) event(overdueNotifiedAt, 'overdue', null, null, missed);
      if (escalatedAt && missed) event(escalatedAt, 'escalated', null, null, missed);
      let closedAt: Date | null = null;
      let stateReason: string | null = null;
      // The very first problem has nothing to duplicate: it is withdrawn instead.
      const duplicateOfId = state === 'duplicate' && earlierIds.length ? random.pick(earlierIds) : null;
      const finalState: ProblemState = state === 'duplicate' && !duplicateOfId ? 'withdrawn' : state;
      if (!open) {
        closedAt = after(lastAnsweredAt ?? assignedAt ?? reviewedAt, random.int(1, 90));
        if (finalState === 'not_feasible' || finalState === 'withdrawn')
          stateReason = random.pick(W.REASONS_TH);
        const from = lastAnsweredAt ? 'in_progress' : assignedAt ? 'assigned' : 'under_review';
        event(closedAt, 'state_changed', null, null, {
          from,
          to: finalState,
          reason: stateReason,
          ...(duplicateOfId ? { duplicateOfId } : {}),
        });
      }

      // Comments between creation and closing (or now), replies on earlier threads.
      const commentEnd = (closedAt ?? now).getTime();
      const times = Array.from({ length: counts[i]! }, () =>
        Math.floor(createdAt.getTime() + random.next() * (commentEnd - createdAt.getTime())),
      ).sort((a, b) => a - b);
      const threads: string[] = [];
      for (const time of times) {
        const org = random.chance(0.3) && lead ? lead : random.pick(orgsWithUsers);
        const author = memberOf(org);
        const commentId = uuidFrom(random);
        const parentId = threads.length && random.chance(0.25) ? random.pick(threads) : null;
        if (!parentId) threads.push(commentId);
        const thai = !english || random.chance(0.3);
        const hidden = random.chance(0.005);
        commentRows.push({
          id: commentId,
          problemId: id,
          parentId,
          authorUserId: author,
          authorOrganisationId: org.id,
          body: random.pick(thai ? W.COMMENTS_TH : W.COMMENTS_EN),
          mentionedUserIds: [],
          mentionedOrganisationIds: [],
          createdAt: new Date(time),
          hiddenAt: hidden ? new Date(time + DAY_MS) : null,
          hiddenBy: hidden ? anyUser() : null,
          hiddenReason: hidden ? 'ข้อความไม่เกี่ยวข้อง' : null,
        });
        followers.add(author);
        event(new Date(time), 'commented', author, org.id, {
          commentId,
          parentId,
          mentionedUserIds: [],
          mentionedOrganisationIds: [],
        });
      }
      for (let f = random.int(0, 3); f > 0; f--) followers.add(anyUser());
      for (const userId of followers) followRows.push({ problemId: id, userId, createdAt });

      const problem = {
        title,
        body,
        category,
        provinces,
        proposedSolution: random.chance(0.5) ? random.pick(english ? W.SOLUTIONS_EN : W.SOLUTIONS_TH) : null,
        source: random.chance(0.3) ? random.pick(W.FORUMS) : null,
      };
      const lastChange = events.reduce((t, e) => Math.max(t, (e.at as Date).getTime()), createdAt.getTime());
      problemRows.push({
        id,
        type: random.chance(0.25) ? 'recommendation' : 'problem',
        ...problem,
        sectors: random.sample(SECTORS, random.int(1, 2)),
        reporterUserId: reporter,
        reporterOrganisationId: reporterOrg.id,
        anonymous,
        state: finalState,
        stateReason,
        duplicateOfId,
        leadOrganisationId: lead?.id ?? null,
        supportCount: supporters.size,
        commentCount: times.length,
        assignedAt,
        firstAnswerDueAt,
        firstAnsweredAt,
        lastAnsweredAt,
        nextUpdateDueAt,
        dueAt,
        overdueNotifiedAt,
        escalatedAt,
        closedAt,
        version: 1 + events.filter((e) => e.kind === 'state_changed' || e.kind === 'assigned').length,
        searchDocument: buildTsvector(problemSearchText(problem, answers)),
        createdAt,
        updatedAt: new Date(lastChange),
      });
      // The timeline is read in id order: insert each problem's events oldest first.
      eventRows.push(...events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime()));
      earlierIds.push(id);
      commentsWritten += times.length;
    }

    // The database writes this batch while the next one is generated.
    await pending;
    if (start > 0 && start % VACUUM_EVERY === 0) await vacuumWhereDue(db);
    const batchEnd = Math.min(options.problems, start + PROBLEMS_PER_TRANSACTION);
    const batchComments = commentsWritten;
    pending = db
      .transaction(async (tx) => {
        await tx.execute(sql`set local synchronous_commit = off`);
        await insertAll(tx, problems, problemRows);
        await insertAll(tx, problemSupports, supportRows);
        await insertAll(tx, problemAssignments, assignmentRows);
        await insertAll(tx, problemAnswers, answerRows);
        await insertAll(tx, problemFollows, followRows);
        // Replies point at earlier comments of the same batch: insert in order.
        await insertAll(tx, problemComments, commentRows);
        await insertAll(tx, problemEvents, eventRows);
      })
      .then(() => {
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `\r${batchEnd} / ${options.problems} problems, ${batchComments} comments (${seconds.toFixed(0)} s)`,
        );
      });
  }
  await pending;
  process.stdout.write('\n');
  // The synthetic history counts as already told: the server's dispatcher starts after it.
  await db.execute(sql`
    insert into ${notificationDispatchState} (id, low_water, updated_at)
    values (1, (select coalesce(max(id), 0) from ${problemEvents}), ${now.toISOString()}::timestamptz)
    on conflict (id) do update set low_water = greatest(${notificationDispatchState.lowWater}, excluded.low_water)`);
}
