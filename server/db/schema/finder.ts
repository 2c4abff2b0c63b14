import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { Population, Service, ServiceLanguage } from '../../../common/directory-taxonomies.ts';
import { codes, organisations } from './organisations.ts';

/**
 * "Who can help?" as one indexed read: a row per organisation, service it offers and area it covers (a
 * province code or 'nationwide'), holding only what the finder filters and ranks on. Written by triggers
 * on organisations and their contacts (migration 0042), never by the application, so no write path can
 * leave it behind.
 */
export const finderEntries = pgTable(
  'finder_entries',
  {
    service: text('service').$type<Service>().notNull(),
    area: text('area').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    languages: codes<ServiceLanguage>('languages'),
    /** Empty: the organisation serves everyone. */
    populations: codes<Population>('populations'),
    hasHotline24h: boolean('has_hotline_24h').notNull(),
    verified: boolean('verified').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.service, t.area, t.organisationId] }),
    // The triggers rewrite an organisation's rows by its id.
    index('finder_entries_organisation_idx').on(t.organisationId),
    // Everything a lookup ranks on, so it reads the index alone: the rows of one service and area lie one
    // per heap page (an organisation's rows are written together), and at 50,000 organisations a lookup read
    // ~1,000 pages for them (ADR 0006). Needs the visibility map that (auto)vacuum keeps.
    index('finder_entries_ranking_idx').on(
      t.service,
      t.area,
      t.organisationId,
      t.hasHotline24h,
      t.verified,
      t.nameEn,
      t.languages,
      t.populations,
    ),
  ],
);
