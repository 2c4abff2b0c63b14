import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type {
  ContactView,
  CreateOrganisationBody,
  OrganisationDetail,
  UpdateOrganisationBody,
} from '../../../common/directory-api.ts';
import type { Db } from '../../db/client.ts';
import {
  auditEvents,
  focalPoints,
  organisationContacts,
  organisations,
  people,
  users,
} from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import {
  organisationSummaryColumns,
  presentOrganisation,
  userNameColumns,
} from '../../platform/projections.ts';
import { openRolesOf } from './focal-points.ts';
import { presentContact, presentListItem, presentWorkingWithUs } from './organisations.presenter.ts';
import { getOrganisationRecord } from './organisations.queries.ts';
import { presentPerson, presentPersonBrief } from './people.presenter.ts';
import { refreshOrganisationSearchDocument } from './search-documents.ts';
import { staleSince } from './staleness.ts';
import { settleVerification, verifiedBaseline, verifyContacts } from './verification.ts';
import { type Viewer, viewerOf, visibleContacts } from './visibility.ts';

const HISTORY_LIMIT = 50;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
type ContactInput = NonNullable<CreateOrganisationBody['contacts']>[number];
type ComparableContact = Pick<ContactView, 'type' | 'value' | 'label' | 'visibility'>;

const comparable = (c: ContactInput | ComparableContact): ComparableContact => ({
  type: c.type,
  value: c.value,
  label: c.label ?? null,
  visibility: c.visibility ?? 'all_members',
});

/** The audit log redacts keys that look like secrets ("code"), so the province is logged under another name. */
const auditKeys = (changes: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(changes).map(([k, v]) => [k === 'provinceCode' ? 'province' : k, v]));

export async function getOrganisationDetail(db: Db, viewer: Viewer, now: Date, id: string) {
  authorize(viewer.actor, 'directory.read', undefined);
  const org = await getOrganisationRecord(db, id);
  const [parent, children, contacts, members, openRoles, history, verifier] = await Promise.all([
    org.parentId
      ? db.select(organisationSummaryColumns).from(organisations).where(eq(organisations.id, org.parentId))
      : Promise.resolve([]),
    db
      .select(organisationSummaryColumns)
      .from(organisations)
      .where(eq(organisations.parentId, id))
      .orderBy(asc(organisations.nameEn)),
    db
      .select()
      .from(organisationContacts)
      .where(eq(organisationContacts.organisationId, id))
      .orderBy(asc(organisationContacts.position)),
    db
      .select()
      .from(people)
      .where(eq(people.organisationId, id))
      .orderBy(desc(people.active), asc(people.nameTh)),
    db
      .select()
      .from(focalPoints)
      .where(and(eq(focalPoints.organisationId, id), isNull(focalPoints.endedAt)))
      .orderBy(asc(focalPoints.topic)),
    db
      .select({ event: auditEvents, actor: userNameColumns })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(and(eq(auditEvents.entityType, 'organisation'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(HISTORY_LIMIT),
    org.verifiedBy
      ? db.select(userNameColumns).from(users).where(eq(users.id, org.verifiedBy))
      : Promise.resolve([]),
  ]);
  const roles = await openRolesOf(
    db,
    members.map((p) => p.id),
  );
  const personById = new Map(members.map((p) => [p.id, p]));
  const seesRestricted = viewer.seesRestricted(id);
  const detail: OrganisationDetail = {
    ...presentListItem(now)(org),
    parent: parent[0] ? presentOrganisation(parent[0]) : null,
    children: children.map(presentOrganisation),
    descriptionTh: org.descriptionTh,
    descriptionEn: org.descriptionEn,
    website: org.website,
    address: org.address,
    eligibilityNotes: org.eligibilityNotes,
    shelterCapacity: org.shelterCapacity,
    capacityUpdatedAt: org.capacityUpdatedAt?.toISOString() ?? null,
    workingWithUs: presentWorkingWithUs(org),
    verifiedBy: verifier[0] ?? null,
    staleSince: staleSince(org).toISOString(),
    version: org.version,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    contacts: visibleContacts(viewer, contacts).map(presentContact),
    people: members.map((p) => presentPerson(viewer)(p, org, roles.get(p.id) ?? [])),
    focalPoints: openRoles.map((r) => {
      const holder = personById.get(r.personId);
      return {
        topic: r.topic,
        person: holder ? presentPersonBrief(holder) : null,
        vacant: !holder?.active,
        since: r.startedAt.toISOString(),
      };
    }),
    history: history.map(({ event, actor }) => ({
      at: event.at.toISOString(),
      actor: actor?.id ? actor : null,
      action: event.action,
      changes: seesRestricted ? event.changes : withoutRestrictedContacts(event.changes),
    })),
    permissions: {
      edit: can(viewer.actor, 'organisation.update', { organisationId: id }),
      review: can(viewer.actor, 'organisation.review', { organisationId: id }),
      verify: can(viewer.actor, 'organisation.verify', { organisationId: id }),
      addPerson: can(viewer.actor, 'person.manage', { organisationId: id }),
    },
  };
  return detail;
}

/** History must not reveal a "Centre only" number to someone who cannot see it on the page. */
function withoutRestrictedContacts(changes: Record<string, unknown>) {
  const contacts = changes.contacts as { from?: unknown; to?: unknown } | undefined;
  if (!contacts) return changes;
  const keep = (list: unknown) =>
    Array.isArray(list) ? list.filter((c: ComparableContact) => c.visibility === 'all_members') : list;
  return { ...changes, contacts: { from: keep(contacts.from), to: keep(contacts.to) } };
}

async function assertValidParent(tx: Db, id: string | null, parentId: string | null | undefined) {
  if (!parentId) return;
  const invalid = (message: string) =>
    badRequest('INVALID_PARENT', message, [{ field: 'body.parentId', message }]);
  let current: string | null = parentId;
  for (let depth = 0; current; depth++) {
    if (current === id || depth > 20) throw invalid('An organisation cannot be its own ancestor');
    const [row] = await tx
      .select({ parentId: organisations.parentId })
      .from(organisations)
      .where(eq(organisations.id, current));
    if (!row) throw invalid('The parent organisation does not exist');
    current = row.parentId;
  }
}

async function replaceContacts(tx: Db, organisationId: string, contacts: ContactInput[]) {
  await tx.delete(organisationContacts).where(eq(organisationContacts.organisationId, organisationId));
  if (contacts.length === 0) return;
  await tx.insert(organisationContacts).values(
    contacts.map((c, position) => ({
      id: randomUUID(),
      organisationId,
      ...comparable(c),
      position,
    })),
  );
}

export async function createOrganisation(deps: Deps, ctx: RequestContext, input: CreateOrganisationBody) {
  authorize(ctx.actor, 'organisation.create', undefined);
  const id = randomUUID();
  const { contacts = [], ...fields } = input;
  await deps.db.transaction(async (tx) => {
    await assertValidParent(tx, null, fields.parentId);
    await tx.insert(organisations).values({
      id,
      ...fields,
      capacityUpdatedAt: fields.shelterCapacity == null ? null : ctx.now,
      lastReviewedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await replaceContacts(tx, id, contacts);
    await refreshOrganisationSearchDocument(tx, id);
    await recordAudit(tx, ctx, {
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: id,
      changes: auditKeys({ ...fields, contacts: contacts.map(comparable) }),
    });
  });
  return getOrganisationDetail(deps.db, viewerOf(ctx.actor!), ctx.now, id);
}

export async function updateOrganisation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateOrganisationBody,
) {
  const viewer = viewerOf(ctx.actor!);
  await deps.db.transaction(async (tx) => {
    const before = await getOrganisationRecord(tx, id, { forUpdate: true });
    authorize(ctx.actor, 'organisation.update', { organisationId: id });
    if (before.version !== input.version) {
      throw new AppError(409, 'VERSION_CONFLICT', 'Someone else changed this organisation; reload and redo', {
        currentVersion: before.version,
        current: await getOrganisationDetail(tx, viewer, ctx.now, id),
      });
    }
    const { version: _version, contacts, ...fields } = input;
    await assertValidParent(tx, id, fields.parentId);
    const baseline = await verifiedBaseline(tx, id);
    const changes: Record<string, unknown> = changedFields(before, fields);
    if (contacts) {
      const current = await tx
        .select()
        .from(organisationContacts)
        .where(eq(organisationContacts.organisationId, id))
        .orderBy(asc(organisationContacts.position));
      Object.assign(
        changes,
        changedFields({ contacts: current.map(comparable) }, { contacts: contacts.map(comparable) }),
      );
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(organisations)
      .set({
        ...fields,
        ...('shelterCapacity' in changes ? { capacityUpdatedAt: ctx.now } : {}),
        // Whoever edits the entry has looked at it: that counts as a review.
        lastReviewedAt: ctx.now,
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(organisations.id, id));
    if (contacts) await replaceContacts(tx, id, contacts);
    await refreshOrganisationSearchDocument(tx, id);
    const verification = await settleVerification(tx, ctx, id, baseline);
    await recordAudit(tx, ctx, {
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      changes: { ...auditKeys(changes), ...verification },
    });
  });
  return getOrganisationDetail(deps.db, viewer, ctx.now, id);
}

const withoutValues = ({ verifiedContacts: _values, ...rest }: { verifiedContacts?: unknown }) => rest;

/** Verification and review confirm the entry without changing it, so they leave `version` alone. */
export async function markOrganisation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  mark: 'verified' | 'reviewed',
  seen?: string,
) {
  await deps.db.transaction(async (tx) => {
    const before = await getOrganisationRecord(tx, id, { forUpdate: true });
    authorize(ctx.actor, mark === 'verified' ? 'organisation.verify' : 'organisation.review', {
      organisationId: id,
    });
    const set =
      mark === 'verified'
        ? { verifiedAt: ctx.now, verifiedBy: ctx.actor!.userId, lastReviewedAt: ctx.now }
        : { lastReviewedAt: ctx.now };
    // The verified contact values stay out of the audit log: it is append-only and they are personal data.
    const contacts = mark === 'verified' ? await verifyContacts(tx, id, seen) : {};
    await tx
      .update(organisations)
      .set({ ...set, ...contacts })
      .where(eq(organisations.id, id));
    await recordAudit(tx, ctx, {
      action: `organisation.${mark}`,
      entityType: 'organisation',
      entityId: id,
      // Dates as ISO text: the audit hash is computed over JSON values.
      changes: Object.fromEntries(
        Object.entries(changedFields(before, { ...set, ...withoutValues(contacts) })).map(([k, v]) => [
          k,
          { from: iso(v.from), to: iso(v.to) },
        ]),
      ),
    });
  });
  return getOrganisationDetail(deps.db, viewerOf(ctx.actor!), ctx.now, id);
}
