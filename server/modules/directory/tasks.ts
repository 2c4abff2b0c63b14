/**
 * The org admin's task list: people who left still holding focal-point roles (a handover resolves them)
 * and entries not reviewed for 180 days (a review resolves them). Computed from the data, never stored,
 * so a handover or a review takes the task off the list by itself.
 */
import { and, asc, eq, exists, isNull, sql } from 'drizzle-orm';
import { TASKS_LIMIT, type TasksView } from '../../../common/directory-tasks-api.ts';
import type { Db } from '../../db/client.ts';
import { focalPoints, organisations, people } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns, presentOrganisation } from '../../platform/projections.ts';
import { openRolesOf } from './focal-points.ts';
import { presentPersonBrief } from './people.presenter.ts';
import { staleSince, staleSql } from './staleness.ts';

export async function listTasks(
  db: Db,
  actor: Actor,
  now: Date,
  query: { organisationId?: string },
): Promise<TasksView> {
  // Org admins get their own organisation's tasks unless they name one (only their own is allowed).
  const organisationId = query.organisationId ?? (actor.role === 'admin' ? undefined : actor.organisationId);
  authorize(actor, 'directory.tasks', organisationId ? { organisationId } : undefined);
  const [handovers, reviews] = await Promise.all([
    handoverTasks(db, organisationId),
    reviewTasks(db, now, organisationId),
  ]);
  return {
    handovers: handovers.items,
    reviews: reviews.items,
    counts: {
      handovers: handovers.count,
      vacantRoles: handovers.vacantRoles,
      reviews: reviews.count,
      total: handovers.count + reviews.count,
    },
  };
}

async function handoverTasks(db: Db, organisationId: string | undefined) {
  const ofOrganisation = organisationId ? eq(people.organisationId, organisationId) : undefined;
  const holdsOpenRole = exists(
    db
      .select({ one: sql`1` })
      .from(focalPoints)
      .where(and(eq(focalPoints.personId, people.id), isNull(focalPoints.endedAt))),
  );
  const [rows, [counts]] = await Promise.all([
    db
      .select({ person: people, organisation: organisationSummaryColumns })
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.organisationId))
      .where(and(eq(people.active, false), holdsOpenRole, ofOrganisation))
      .orderBy(asc(organisations.nameTh), asc(people.nameTh), asc(people.id))
      .limit(TASKS_LIMIT),
    db
      .select({
        people: sql<number>`count(distinct ${focalPoints.personId})::int`,
        roles: sql<number>`count(*)::int`,
      })
      .from(focalPoints)
      .innerJoin(people, eq(people.id, focalPoints.personId))
      .where(and(isNull(focalPoints.endedAt), eq(people.active, false), ofOrganisation)),
  ]);
  const roles = await openRolesOf(
    db,
    rows.map((r) => r.person.id),
  );
  return {
    items: rows.map(({ person, organisation }) => ({
      person: presentPersonBrief(person),
      organisation: presentOrganisation(organisation),
      topics: (roles.get(person.id) ?? []).map((r) => ({ topic: r.topic, since: r.startedAt.toISOString() })),
    })),
    count: counts?.people ?? 0,
    vacantRoles: counts?.roles ?? 0,
  };
}

async function reviewTasks(db: Db, now: Date, organisationId: string | undefined) {
  const where = and(staleSql(now), organisationId ? eq(organisations.id, organisationId) : undefined);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        ...organisationSummaryColumns,
        lastReviewedAt: organisations.lastReviewedAt,
        createdAt: organisations.createdAt,
      })
      .from(organisations)
      .where(where)
      .orderBy(
        asc(sql`coalesce(${organisations.lastReviewedAt}, ${organisations.createdAt})`),
        asc(organisations.id),
      )
      .limit(TASKS_LIMIT),
    db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return {
    items: rows.map((o) => ({
      organisation: presentOrganisation(o),
      lastReviewedAt: o.lastReviewedAt?.toISOString() ?? null,
      staleSince: staleSince(o).toISOString(),
    })),
    count: counted?.n ?? 0,
  };
}
