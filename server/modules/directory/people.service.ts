import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { CreatePersonBody, PersonView, UpdatePersonBody } from '../../../common/directory-api.ts';
import type { FocalTopic } from '../../../common/directory-taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { organisations, type PersonRow, people, users } from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import { organisationSummaryColumns } from '../../platform/projections.ts';
import { formerUserNames } from '../../platform/pseudonym.ts';
import { buildTsquery } from '../../platform/search/index.ts';
import { endRoles, openRolesOf, setFocalTopics, startRoles } from './focal-points.ts';
import { presentPerson } from './people.presenter.ts';
import { refreshPersonSearchDocument } from './search-documents.ts';
import { forgetVerifiedPerson, settleVerification, verifiedBaseline, withoutPerson } from './verification.ts';
import { type Viewer, viewerOf } from './visibility.ts';

async function getPersonWithOrganisation(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ person: people, organisation: organisationSummaryColumns })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: people }) : await query;
  if (!row) throw notFound('Person');
  return row;
}

export async function getPerson(db: Db, viewer: Viewer, id: string): Promise<PersonView> {
  authorize(viewer.actor, 'directory.read', undefined);
  const { person, organisation } = await getPersonWithOrganisation(db, id);
  const roles = await openRolesOf(db, [id]);
  return presentPerson(viewer)(person, organisation, roles.get(id) ?? []);
}

export async function listPeople(
  db: Db,
  viewer: Viewer,
  query: { cursor?: string; limit: number; q?: string; organisationId?: string; active?: boolean },
) {
  authorize(viewer.actor, 'directory.read', undefined);
  const after = decodeCursor(query.cursor);
  const tsquery = query.q ? buildTsquery(query.q) : null;
  const rows = await db
    .select({ person: people, organisation: organisationSummaryColumns })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      and(
        query.organisationId ? eq(people.organisationId, query.organisationId) : undefined,
        query.active === undefined ? undefined : eq(people.active, query.active),
        tsquery ? sql`${people.searchDocument} @@ ${tsquery}::tsquery` : undefined,
        after
          ? or(gt(people.nameTh, after.k), and(eq(people.nameTh, after.k), gt(people.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(asc(people.nameTh), asc(people.id))
    .limit(query.limit + 1);
  const roles = await openRolesOf(
    db,
    rows.map((r) => r.person.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: r.person.nameTh, id: r.person.id }),
    (r) => presentPerson(viewer)(r.person, r.organisation, roles.get(r.person.id) ?? []),
  );
}

async function assertAccountOfOrganisation(
  tx: Db,
  userId: string | null | undefined,
  organisationId: string,
) {
  if (!userId) return;
  const [user] = await tx
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.organisationId !== organisationId) {
    const message = 'The account must belong to the same organisation';
    throw badRequest('INVALID_USER', message, [{ field: 'body.userId', message }]);
  }
}

export async function createPerson(deps: Deps, ctx: RequestContext, input: CreatePersonBody) {
  const [organisation] = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!organisation) {
    const message = 'The organisation does not exist';
    throw badRequest('INVALID_ORGANISATION', message, [{ field: 'body.organisationId', message }]);
  }
  authorize(ctx.actor, 'person.manage', { organisationId: input.organisationId });
  const id = randomUUID();
  const { focalTopics = [], ...fields } = input;
  await deps.db.transaction(async (tx) => {
    await assertAccountOfOrganisation(tx, fields.userId, fields.organisationId);
    const baseline = await verifiedBaseline(tx, fields.organisationId);
    const [person] = await tx
      .insert(people)
      .values({ id, ...fields, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (focalTopics.length > 0) await startRoles(tx, person!, focalTopics, ctx.now);
    await refreshPersonSearchDocument(tx, id);
    const verification = await settleVerification(tx, ctx, fields.organisationId, baseline);
    await recordAudit(tx, ctx, {
      action: 'person.created',
      entityType: 'person',
      entityId: id,
      changes: { ...fields, focalTopics, ...verification },
    });
  });
  return getPerson(deps.db, viewerOf(ctx.actor!), id);
}

export async function updatePerson(deps: Deps, ctx: RequestContext, id: string, input: UpdatePersonBody) {
  const viewer = viewerOf(ctx.actor!);
  await deps.db.transaction(async (tx) => {
    const { person: before } = await getPersonWithOrganisation(tx, id, { forUpdate: true });
    authorize(ctx.actor, 'person.manage', before);
    if (before.anonymisedAt) throw conflict('ALREADY_ANONYMISED', 'This person has left and was anonymised');
    if (before.version !== input.version) {
      throw new AppError(409, 'VERSION_CONFLICT', 'Someone else changed this person; reload and redo', {
        currentVersion: before.version,
        current: await getPerson(tx, viewer, id),
      });
    }
    const { version: _version, focalTopics, ...fields } = input;
    const staysActive = fields.active ?? before.active;
    if (!staysActive && focalTopics && focalTopics.length > 0) {
      throw conflict('PERSON_INACTIVE', 'Someone who has left cannot take on a focal-point role');
    }
    const baseline = await verifiedBaseline(tx, before.organisationId);
    const changes: Record<string, unknown> = changedFields(before, fields);
    if (focalTopics) {
      const { started, ended } = await setFocalTopics(tx, before, focalTopics, ctx.now);
      if (started.length > 0 || ended.length > 0) changes.focalTopics = { started, ended };
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(people)
      .set({ ...fields, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(people.id, id));
    await refreshPersonSearchDocument(tx, id);
    Object.assign(changes, await settleVerification(tx, ctx, before.organisationId, baseline));
    await recordAudit(tx, ctx, { action: 'person.updated', entityType: 'person', entityId: id, changes });
  });
  return getPerson(deps.db, viewer, id);
}

/** Moves every open focal-point role of one person to a colleague in one step, keeping the history. */
export async function handOver(deps: Deps, ctx: RequestContext, id: string, toPersonId: string) {
  const viewer = viewerOf(ctx.actor!);
  const topics = await deps.db.transaction(async (tx) => {
    const { person: from } = await getPersonWithOrganisation(tx, id, { forUpdate: true });
    authorize(ctx.actor, 'person.manage', from);
    const [to] = await tx.select().from(people).where(eq(people.id, toPersonId)).for('update');
    const invalid = (message: string) =>
      badRequest('INVALID_HANDOVER', message, [{ field: 'body.toPersonId', message }]);
    if (!to || to.organisationId !== from.organisationId)
      throw invalid('Hand over to someone of the same organisation');
    if (to.id === from.id) throw invalid('Hand over to someone else');
    if (!to.active)
      throw conflict('PERSON_INACTIVE', 'Someone who has left cannot take on a focal-point role');
    const moving = ((await openRolesOf(tx, [from.id])).get(from.id) ?? []).map((r) => r.topic);
    if (moving.length === 0) return [];
    const baseline = await verifiedBaseline(tx, from.organisationId);
    const alreadyHeld = new Set(((await openRolesOf(tx, [to.id])).get(to.id) ?? []).map((r) => r.topic));
    await endRoles(tx, from.id, moving, ctx.now);
    const newRoles = moving.filter((t) => !alreadyHeld.has(t));
    if (newRoles.length > 0) await startRoles(tx, to, newRoles, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'person.handed_over',
      entityType: 'person',
      entityId: from.id,
      changes: {
        toPersonId: to.id,
        topics: moving,
        ...(await settleVerification(tx, ctx, from.organisationId, baseline)),
      },
    });
    return moving;
  });
  return {
    from: await getPerson(deps.db, viewer, id),
    to: await getPerson(deps.db, viewer, toPersonId),
    topics,
  };
}

/**
 * Clears the personal fields of someone who left (ADR 0009), in the caller's transaction: names become a
 * pseudonym; phones, email, LINE, position and department are emptied; open focal-point roles end. The
 * row, its organisation and its focal-point history stay. Returns the topics whose roles ended.
 */
export async function erasePerson(tx: Db, person: PersonRow, now: Date): Promise<FocalTopic[]> {
  const names = formerUserNames(person.id);
  const open = ((await openRolesOf(tx, [person.id])).get(person.id) ?? []).map((r) => r.topic);
  if (open.length > 0) await endRoles(tx, person.id, open, now);
  await tx
    .update(people)
    .set({
      nameTh: names.th,
      nameEn: names.en,
      position: null,
      positionEn: null,
      department: null,
      phones: [],
      email: null,
      lineId: null,
      active: false,
      anonymisedAt: now,
      version: person.version + 1,
      updatedAt: now,
    })
    .where(eq(people.id, person.id));
  await refreshPersonSearchDocument(tx, person.id);
  await forgetVerifiedPerson(tx, person.organisationId, person.id);
  return open;
}

/** An organisation's admin (or the Centre) erases a directory person who left; one audited transaction. */
export async function anonymisePerson(deps: Deps, ctx: RequestContext, id: string) {
  await deps.db.transaction(async (tx) => {
    const { person } = await getPersonWithOrganisation(tx, id, { forUpdate: true });
    authorize(ctx.actor, 'person.manage', person);
    if (person.anonymisedAt) throw conflict('ALREADY_ANONYMISED', 'This person has already been anonymised');
    const baseline = await verifiedBaseline(tx, person.organisationId);
    const endedRoles = await erasePerson(tx, person, ctx.now);
    const verification = await settleVerification(
      tx,
      ctx,
      person.organisationId,
      baseline && withoutPerson(baseline, person.id),
    );
    await recordAudit(tx, ctx, {
      action: 'person.anonymised',
      entityType: 'person',
      entityId: id,
      changes: { endedRoles, ...verification },
    });
  });
  return getPerson(deps.db, viewerOf(ctx.actor!), id);
}

/** The directory entry linked to an account, locked for the caller's transaction. */
export async function personOfUser(tx: Db, userId: string): Promise<PersonRow | null> {
  const [row] = await tx.select().from(people).where(eq(people.userId, userId)).for('update');
  return row ?? null;
}
