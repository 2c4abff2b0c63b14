/**
 * Coordination requests. The receiving side is an agency unit's inbox, not a person, so a request
 * survives staff rotation. `coordination_request_events` is append-only: every change of a request adds
 * one row in the same transaction, and the request's `state` is the latest `state_changed` event's `to`
 * (kept on the request row for the inbox's filters). No victim names or ID numbers are stored here.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CoordinationState,
  NotSuccessfulReason,
  Outcome,
  RequestType,
  UnitRole,
  Urgency,
} from '../../../common/coordination-states.ts';
import type {
  CoverageCode,
  ProvinceCode,
  Service,
  ServiceLanguage,
} from '../../../common/directory-taxonomies.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const codes = <T extends string>(name: string) =>
  text(name).array().$type<T[]>().notNull().default(sql`'{}'::text[]`);

export const coordinationUnits = pgTable(
  'coordination_units',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    services: codes<Service>('services'),
    coverage: codes<CoverageCode>('coverage'),
    languages: codes<ServiceLanguage>('languages'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('coordination_units_organisation_idx').on(t.organisationId)],
);
export type CoordinationUnitRow = typeof coordinationUnits.$inferSelect;

export const coordinationUnitMembers = pgTable(
  'coordination_unit_members',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<UnitRole>().notNull().default('member'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.userId] }),
    index('coordination_unit_members_user_idx').on(t.userId),
  ],
);

export const coordinationRequests = pgTable(
  'coordination_requests',
  {
    id: uuid('id').primaryKey(),
    requestingOrganisationId: uuid('requesting_organisation_id')
      .notNull()
      .references(() => organisations.id),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    type: text('type').$type<RequestType>().notNull(),
    urgency: text('urgency').$type<Urgency>().notNull(),
    /** The SLA policy version the request started with; a changed target never rewrites history. */
    slaPolicyVersion: integer('sla_policy_version').notNull(),
    province: text('province').$type<ProvinceCode>().notNull(),
    language: text('language').$type<ServiceLanguage>(),
    peopleCount: integer('people_count').notNull(),
    ageBands: codes<string>('age_bands'),
    sexes: codes<string>('sexes'),
    nationalities: codes<string>('nationalities'),
    needs: text('needs').notNull(),
    context: text('context'),
    state: text('state').$type<CoordinationState>().notNull().default('submitted'),
    /** Why it was declined, forwarded, put on hold or cancelled (the latest such move). */
    stateReason: text('state_reason'),
    acknowledgedByUserId: uuid('acknowledged_by_user_id').references(() => users.id),
    acknowledgedAt: ts('acknowledged_at'),
    outcome: text('outcome').$type<Outcome>(),
    outcomeReason: text('outcome_reason').$type<NotSuccessfulReason>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('coordination_requests_inbox_idx').on(t.receivingUnitId, t.createdAt, t.id),
    index('coordination_requests_outgoing_idx').on(t.requestingOrganisationId, t.createdAt, t.id),
    check('coordination_requests_people_count', sql`${t.peopleCount} > 0`),
  ],
);
export type CoordinationRequestRow = typeof coordinationRequests.$inferSelect;

export const coordinationRequestEvents = pgTable(
  'coordination_request_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => coordinationRequests.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** `created`, `state_changed`, `sla_warning`, `sla_breached`, `rated`; escalation adds its own. */
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id),
    /** The inbox the request was in when this happened. */
    unitId: uuid('unit_id').references(() => coordinationUnits.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('coordination_request_events_request_idx').on(t.requestId, t.id),
    /** An SLA warning or breach is recorded once per request, target and inbox, whatever runs the job. */
    uniqueIndex('coordination_request_events_sla_once')
      .on(t.requestId, t.kind, t.unitId, sql`(${t.data}->>'target')`)
      .where(sql`${t.kind} in ('sla_warning', 'sla_breached')`),
  ],
);
export type CoordinationRequestEventRow = typeof coordinationRequestEvents.$inferSelect;
