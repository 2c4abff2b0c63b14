import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AuditEventPage, AuditListQuery } from '../../../common/api.ts';
import { auditEvents, organisations, users } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext } from '../../platform/http.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';
import {
  organisationSummaryColumnsOf,
  presentOrganisation,
  referenceNamesOf,
  userNameColumns,
} from '../../platform/projections.ts';

const actorOrg = alias(organisations, 'actor_org');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A page names at most this many ids: 100 events with a few ids each. */
const MAX_NAMED_IDS = 1000;

/** The ids inside an event's changes (organisationId, { from, to } of a parent, lists of assignees…). */
function idsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return UUID.test(value) ? [value] : [];
  if (depth > 4 || !value || typeof value !== 'object') return [];
  return Object.values(value).flatMap((v) => idsIn(v, depth + 1));
}

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        operationId: 'audit.list',
        tags: ['audit'],
        summary: 'The audit log, newest first (admins)',
        querystring: AuditListQuery,
        response: { 200: AuditEventPage, ...errorResponses },
      },
    },
    async (req) => {
      authorize(requestContext(deps, req).actor, 'audit.read', undefined);
      const q = req.query;
      const after = decodeCursor(q.cursor, { key: 'none', id: 'serial' });
      const rows = await deps.db
        .select({
          event: auditEvents,
          actor: { ...userNameColumns, email: users.email },
          org: organisationSummaryColumnsOf(actorOrg),
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .leftJoin(actorOrg, eq(actorOrg.id, auditEvents.actorOrganisationId))
        .where(
          and(
            q.action ? eq(auditEvents.action, q.action) : undefined,
            q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
            q.actorId ? eq(auditEvents.actorUserId, q.actorId) : undefined,
            q.organisationId ? eq(auditEvents.actorOrganisationId, q.organisationId) : undefined,
            q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
            q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
            after ? lt(auditEvents.id, Number(after.id)) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(q.limit + 1);
      const page = toPage(
        rows,
        q.limit,
        (r) => ({ k: '', id: String(r.event.id) }),
        (r) => ({
          id: String(r.event.id),
          at: r.event.at.toISOString(),
          actor: r.actor?.id
            ? { id: r.actor.id, displayName: r.actor.displayName, email: r.actor.email }
            : null,
          actorOrganisation: r.org ? presentOrganisation(r.org) : null,
          action: r.event.action,
          entityType: r.event.entityType,
          entityId: r.event.entityId,
          changes: r.event.changes,
          ip: r.event.ip,
          userAgent: r.event.userAgent,
        }),
      );
      // Entity ids are not all UUIDs (a deadline setting is logged under its category): only UUIDs are looked up.
      const ids = page.items.flatMap((e) => [...idsIn(e.entityId), ...idsIn(e.changes)]);
      return { ...page, names: await referenceNamesOf(deps.db, [...new Set(ids)].slice(0, MAX_NAMED_IDS)) };
    },
  );
}
