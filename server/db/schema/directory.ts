import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ContactType,
  FocalTopic,
  PhoneType,
  ServiceLanguage,
  Visibility,
} from '../../../common/directory-taxonomies.ts';
import { organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

/** Organisation-level contact channels (office phone, hotline, email, LINE, website). */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    type: text('type').$type<ContactType>().notNull(),
    value: text('value').notNull(),
    label: text('label'),
    visibility: text('visibility').$type<Visibility>().notNull().default('all_members'),
    /** Display order within the organisation. */
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('organisation_contacts_org_idx').on(t.organisationId, t.position),
    // "Has a 24-hour hotline" is asked of every candidate by the finder and the facets: answered from here.
    index('organisation_contacts_hotline_idx')
      .on(t.organisationId)
      .where(sql`${t.type} = 'hotline_24h' and ${t.visibility} = 'all_members'`),
  ],
);
export type OrganisationContactRow = typeof organisationContacts.$inferSelect;

export type PersonPhone = { type: PhoneType; value: string };
export type PersonFieldVisibility = { phones: Visibility; email: Visibility; lineId: Visibility };

/** Someone an organisation puts forward; they may or may not have a TIPNet account. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    position: text('position'),
    /** The job title in English; the English UI falls back to the Thai `position`. */
    positionEn: text('position_en'),
    department: text('department'),
    phones: jsonb('phones').$type<PersonPhone[]>().notNull().default([]),
    email: text('email'),
    lineId: text('line_id'),
    languages: text('languages').array().$type<ServiceLanguage[]>().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    visibility: jsonb('visibility')
      .$type<PersonFieldVisibility>()
      .notNull()
      .default({ phones: 'all_members', email: 'all_members', lineId: 'all_members' }),
    version: integer('version').notNull().default(1),
    searchDocument: tsvector('search_document').notNull().default(sql`''::tsvector`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Left, and their personal fields cleared (ADR 0009); the row and its focal-point history stay. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (t) => [
    index('people_organisation_idx').on(t.organisationId),
    // The review counts the people added in a period, and those in post at its end as the kept count
    // (report_organisation_people) less the people added since: index ranges, read index-only.
    index('people_created_report_idx').on(t.createdAt, t.active, t.organisationId),
    // The review's people who left in a period and its vacant focal-point roles: the few people who
    // left, without reading their rows.
    index('people_left_idx').on(t.updatedAt, t.id).where(sql`not ${t.active}`),
    uniqueIndex('people_user_key').on(t.userId),
    index('people_search_idx').using('gin', t.searchDocument),
  ],
);
export type PersonRow = typeof people.$inferSelect;

/**
 * Who is an organisation's focal point for a topic, over time. A row is never deleted: a change ends
 * the open row and starts a new one, so the history of who held a role stays.
 */
export const focalPoints = pgTable(
  'focal_points',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    topic: text('topic').$type<FocalTopic>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('focal_points_org_idx').on(t.organisationId, t.topic),
    index('focal_points_person_idx').on(t.personId),
    uniqueIndex('focal_points_open_key').on(t.personId, t.topic).where(sql`${t.endedAt} is null`),
  ],
);
export type FocalPointRow = typeof focalPoints.$inferSelect;
