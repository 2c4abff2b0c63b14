/**
 * On-call rosters of coordination units and the escalation engine's rows.
 * - `coordination_roster_layers`: a unit's layers (primary = on call, backup), each a rotation of members
 *   with a handover time and an optional restriction (common/on-call.ts resolves them).
 * - `coordination_roster_overrides`: member X covers a layer from T1 to T2.
 * - `coordination_escalation_queue`: one row per open, unacknowledged request: the next step and when it
 *   is due. A trigger keeps it (a new request enters; acknowledging, closing or forwarding changes it), so
 *   the engine's tick is one indexed range scan, whoever wrote the request.
 * - `coordination_escalations`: one row per step fired, unique per (request, inbox, step, loop): the claim
 *   that makes a step notify exactly once across instances, and the Centre's queue.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EscalationTarget } from '../../../common/coordination-states.ts';
import type { RosterLevel, RosterRestriction, Rotation } from '../../../common/on-call.ts';
import { coordinationRequests, coordinationUnits } from './coordination.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const coordinationRosterLayers = pgTable(
  'coordination_roster_layers',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    position: integer('position').notNull(),
    level: text('level').$type<RosterLevel>().notNull(),
    name: text('name').notNull(),
    rotation: text('rotation').$type<Rotation>().notNull(),
    handoverTime: text('handover_time').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    restriction: jsonb('restriction').$type<RosterRestriction>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('coordination_roster_layers_unit_idx').on(t.unitId, t.position)],
);
export type CoordinationRosterLayerRow = typeof coordinationRosterLayers.$inferSelect;

export const coordinationRosterOverrides = pgTable(
  'coordination_roster_overrides',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    layerId: uuid('layer_id')
      .notNull()
      .references(() => coordinationRosterLayers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('coordination_roster_overrides_unit_idx').on(t.unitId, t.endsAt),
    check('coordination_roster_overrides_span', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type CoordinationRosterOverrideRow = typeof coordinationRosterOverrides.$inferSelect;

export const coordinationEscalationQueue = pgTable(
  'coordination_escalation_queue',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => coordinationRequests.id, { onDelete: 'cascade' }),
    /** The inbox being chased; forwarding starts again in the new one. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    /** Index into escalationSchedule(policy) of the next step. */
    nextIndex: integer('next_index').notNull().default(0),
    dueAt: ts('due_at').notNull(),
  },
  (t) => [index('coordination_escalation_queue_due_idx').on(t.dueAt)],
);

export const coordinationEscalations = pgTable(
  'coordination_escalations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => coordinationRequests.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => coordinationUnits.id),
    step: integer('step').notNull(),
    loop: integer('loop').notNull(),
    target: text('target').$type<EscalationTarget>().notNull(),
    /** Who was notified; empty when the step reached nobody and fell through. */
    recipientUserIds: uuid('recipient_user_ids').array().notNull(),
    dueAt: ts('due_at').notNull(),
    firedAt: ts('fired_at').notNull(),
  },
  (t) => [
    uniqueIndex('coordination_escalations_once').on(t.requestId, t.unitId, t.step, t.loop),
    index('coordination_escalations_centre_idx').on(t.firedAt).where(sql`${t.target} = 'centre'`),
  ],
);
export type CoordinationEscalationRow = typeof coordinationEscalations.$inferSelect;
