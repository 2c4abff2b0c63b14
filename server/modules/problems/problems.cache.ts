/**
 * The board and a problem's page as served: the same read is answered from memory until a problem, its
 * supports, comments, answers, assignments, follows or timeline, a name shown, or an organisation changes
 * (counters 'problems' and 'directory', checked against the database on every request), or until a
 * deadline or a comment's edit window in it passes. Members reload the board and pages far more often
 * than anyone writes; broad Thai searches over 100,000 problems cost tens of ms of SQL each time.
 *
 * What a viewer sees depends on their role and organisation (anonymous reporters, "supported by my
 * organisation", what they may do) and, on a page, on themselves (following, their own comments still
 * editable): keys carry exactly that. Authorisation is checked before the cache on every request.
 *
 * Sizes bound memory: a page of 100 comments is up to ~100 KB with its JSON, so 300 of those at most.
 */
import type { ProblemListQuery } from '../../../common/problems-api.ts';
import type { Db } from '../../db/client.ts';
import { type CacheOptions, versionedCache } from '../../platform/cache/versioned-cache.ts';
import type { Actor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { authorizeBoard, listProblems, nextDeadlineAfter } from './board.ts';
import { listComments } from './comments.service.ts';
import { getProblemDetail, getTimeline } from './problems.service.ts';

const READS = ['problems', 'directory'] as const;
const byRoleAndOrganisation = (v: Actor) => `${v.role}:${v.organisationId}`;
const byPerson = (v: Actor) => `${byRoleAndOrganisation(v)}:${v.userId}`;
const earliest = (dates: (string | null)[]) => {
  const times = dates.flatMap((d) => (d ? [Date.parse(d)] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
};

type BoardPage = Awaited<ReturnType<typeof listProblems>>;
/** Overdue filters and flags change when any problem's deadline passes, so a page holds until the next one. */
const boardCache = versionedCache<{ page: BoardPage; nextDeadline: Date | null }>(
  READS,
  { name: 'board', entries: 500, megabytes: 8 },
  (v) => v.nextDeadline,
);

export async function listProblemsCached(
  db: Db,
  viewer: Actor,
  now: Date,
  q: ProblemListQuery,
  o: CacheOptions,
) {
  authorizeBoard(viewer, q);
  const key = `${byRoleAndOrganisation(viewer)}:${JSON.stringify(q)}`;
  const { page } = await boardCache(
    db,
    key,
    async () => {
      const [page, nextDeadline] = await Promise.all([
        listProblems(db, viewer, now, q),
        nextDeadlineAfter(db, now),
      ]);
      return { page, nextDeadline };
    },
    { ...o, now },
  );
  return page;
}

type Detail = Awaited<ReturnType<typeof getProblemDetail>>;
const detailCache = versionedCache<Detail>(READS, { name: 'problem', entries: 500, megabytes: 4 }, (d) =>
  d.overdue ? null : earliest([d.dueAt]),
);

export function getProblemDetailCached(db: Db, viewer: Actor, now: Date, id: string, o: CacheOptions) {
  authorize(viewer, 'problem.read', undefined);
  return detailCache(db, `${byPerson(viewer)}:${id}`, () => getProblemDetail(db, viewer, now, id), {
    ...o,
    now,
  });
}

type Timeline = Awaited<ReturnType<typeof getTimeline>>;
const timelineCache = versionedCache<Timeline>(READS, { name: 'timeline', entries: 300, megabytes: 4 });

export function getTimelineCached(
  db: Db,
  viewer: Actor,
  id: string,
  query: { cursor?: string; limit: number },
  o: CacheOptions,
) {
  authorize(viewer, 'problem.read', undefined);
  const key = `${byRoleAndOrganisation(viewer)}:${id}:${query.limit}:${query.cursor ?? ''}`;
  return timelineCache(db, key, () => getTimeline(db, viewer, id, query), o);
}

type Comments = Awaited<ReturnType<typeof listComments>>;
/** The viewer's own recent comments stop being editable when their 15 minutes are up. */
const commentsCache = versionedCache<Comments>(
  READS,
  { name: 'comments', entries: 300, megabytes: 4 },
  (page) => earliest(page.items.map((c) => c.editableUntil)),
);

export function listCommentsCached(
  db: Db,
  viewer: Actor,
  now: Date,
  id: string,
  query: { cursor?: string; limit: number },
  o: CacheOptions,
) {
  authorize(viewer, 'problem.read', undefined);
  const key = `${byPerson(viewer)}:${id}:${query.limit}:${query.cursor ?? ''}`;
  return commentsCache(db, key, () => listComments(db, viewer, now, id, query), { ...o, now });
}
