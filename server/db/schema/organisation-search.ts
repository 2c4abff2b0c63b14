import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  CoverageCode,
  OrganisationType,
  Population,
  Service,
  ServiceLanguage,
  Theme,
} from '../../../common/directory-taxonomies.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { codes, organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';

/**
 * The directory search's own rows: one narrow row per organisation holding only what a search matches,
 * filters, counts and orders on, so a broad word reads a few hundred pages instead of the wide rows with
 * their texts and history. Written by triggers on organisations, people and contacts (migration 0043),
 * never by the application, so no write path can leave it behind. The documents are kept out of line
 * (toast_tuple_target), read only through their GIN indexes.
 */
export const organisationSearch = pgTable(
  'organisation_search',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The organisation's whole search document (organisations.search_document). */
    document: tsvector('document').notNull(),
    /** Its names alone (organisations.name_document): matches here come first. */
    names: tsvector('names').notNull(),
    /** The name words of its active people, so a search for a person finds their organisation. */
    peopleNames: tsvector('people_names').notNull(),
    sector: text('sector').$type<Sector>().notNull(),
    type: text('type').$type<OrganisationType>(),
    themes: codes<Theme>('themes'),
    services: codes<Service>('services'),
    populations: codes<Population>('populations'),
    languages: codes<ServiceLanguage>('languages'),
    coverage: codes<CoverageCode>('coverage'),
    /** An organisation-wide 24-hour hotline (a "Centre only" number is no help to the member who filters). */
    hasHotline24h: boolean('has_hotline_24h').notNull(),
    /** Verified by the Centre and unchanged since: an entry whose contacts await review is not. */
    verified: boolean('verified').notNull(),
    /** Last confirmed (or created): stale 180 days later. */
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
    /**
     * Place in the Thai reader's alphabetical order (Thai-initial names first, Thai collation): ranks are
     * spaced apart, so a new name takes one between its neighbours' without renumbering the others.
     */
    rankTh: bigint('rank_th', { mode: 'number' }).notNull().default(0),
    /** Place in English alphabetical order, likewise. */
    rankEn: bigint('rank_en', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('organisation_search_document_idx').using('gin', t.document),
    index('organisation_search_names_idx').using('gin', t.names),
    index('organisation_search_people_idx').using('gin', t.peopleNames),
    // The alphabetical list pages by (rank, id).
    index('organisation_search_rank_th_idx').on(t.rankTh, t.organisationId),
    index('organisation_search_rank_en_idx').on(t.rankEn, t.organisationId),
  ],
);
