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
  ],
);
