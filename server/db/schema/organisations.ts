import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  CoverageCode,
  OrganisationType,
  Population,
  ProvinceCode,
  Service,
  ServiceLanguage,
  Theme,
} from '../../../common/directory-taxonomies.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { tsvector } from './tsvector.ts';

export const codes = <T extends string>(name: string) =>
  text(name).array().$type<T[]>().notNull().default(sql`'{}'::text[]`);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    abbreviation: text('abbreviation'),
    /** The English abbreviation; the English UI never shows the Thai one beside an English name. */
    abbreviationEn: text('abbreviation_en'),
    sector: text('sector').$type<Sector>().notNull(),
    type: text('type').$type<OrganisationType>(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    descriptionTh: text('description_th'),
    descriptionEn: text('description_en'),
    website: text('website'),
    address: text('address'),
    provinceCode: text('province_code').$type<ProvinceCode>(),
    themes: codes<Theme>('themes'),
    services: codes<Service>('services'),
    populations: codes<Population>('populations'),
    languages: codes<ServiceLanguage>('languages'),
    /** Province codes, 'nationwide' and/or 'abroad'. */
    coverage: codes<CoverageCode>('coverage'),
    eligibilityNotes: text('eligibility_notes'),
    shelterCapacity: integer('shelter_capacity'),
    capacityUpdatedAt: timestamp('capacity_updated_at', { withTimezone: true }),
    // "Working with us": written by the organisation itself, in Thai and optionally in English
    // (the English UI falls back to the Thai, marked as such).
    mandateAndLimits: text('mandate_and_limits'),
    howToRequestHelp: text('how_to_request_help'),
    documentsRequired: text('documents_required'),
    officeHours: text('office_hours'),
    afterHoursContact: text('after_hours_contact'),
    typicalTurnaround: text('typical_turnaround'),
    mandateAndLimitsEn: text('mandate_and_limits_en'),
    howToRequestHelpEn: text('how_to_request_help_en'),
    documentsRequiredEn: text('documents_required_en'),
    officeHoursEn: text('office_hours_en'),
    afterHoursContactEn: text('after_hours_contact_en'),
    typicalTurnaroundEn: text('typical_turnaround_en'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    /**
     * The contact fields the Centre verified (server/modules/directory/verification.ts), as they were then;
     * null until the first verification, or for entries verified before it was kept.
     */
    verifiedContacts: jsonb('verified_contacts').$type<Record<string, string>>(),
    /** Since when the contact fields differ from the verified ones after someone else's edit: the Centre reviews. */
    contactsChangedAt: timestamp('contacts_changed_at', { withTimezone: true }),
    lastReviewedAt: timestamp('last_reviewed_at', { withTimezone: true }),
    staleReminderSentAt: timestamp('stale_reminder_sent_at', { withTimezone: true }),
    /** Optimistic concurrency: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    searchDocument: tsvector('search_document').notNull().default(sql`''::tsvector`),
    /** Names and abbreviation only: small enough to rank and tier results without reading the whole document. */
    nameDocument: tsvector('name_document').notNull().default(sql`''::tsvector`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('organisations_search_idx').using('gin', t.searchDocument),
    index('organisations_name_search_idx').using('gin', t.nameDocument),
    index('organisations_services_idx').using('gin', t.services),
    index('organisations_coverage_idx').using('gin', t.coverage),
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_contacts_changed_idx')
      .on(t.contactsChangedAt)
      .where(sql`${t.contactsChangedAt} is not null`),
    index('organisations_name_en_idx').on(t.nameEn, t.id),
    // The review's network counts (registered, joined, by sector and type): index-only, not 8 MB of rows.
    index('organisations_report_idx').on(t.createdAt, t.sector, t.type, t.id),
    // The review's "not reviewed for over a year": a range of this, not a pass over every row.
    index('organisations_reviewed_idx').on(sql`coalesce(${t.lastReviewedAt}, ${t.createdAt})`),
    // The review names agencies and partners: ~160 index pages instead of ~1,000 pages of wide rows. The
    // longest names the API takes (300 + 300 + 50 + 50 characters) fit a btree entry.
    index('organisations_names_idx').on(
      t.id,
      t.createdAt,
      t.nameTh,
      t.nameEn,
      t.abbreviation,
      t.abbreviationEn,
    ),
  ],
);
export type OrganisationRow = typeof organisations.$inferSelect;
