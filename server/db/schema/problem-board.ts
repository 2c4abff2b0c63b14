import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProvinceCode } from '../../../common/directory-taxonomies.ts';
import type { ProblemCategory, ProblemState, ProblemType } from '../../../common/problems-taxonomy.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { codes } from './organisations.ts';
import { problems } from './problems.ts';
import { tsvector } from './tsvector.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The board's own rows: one narrow row per problem holding only what the board filters, sorts and searches
 * on, so a walk in order or a sample of a filter's problems reads a few thousand rows from a table that
 * stays in memory, not the wide rows with their texts and deadlines (~1.2 KB each in line). Written by
 * triggers on problems (migration 0054), never by the application. The documents are kept out of line
 * (toast_tuple_target), read through their GIN indexes or tested on the few rows a page needs.
 */
export const problemBoard = pgTable(
  'problem_board',
  {
    problemId: uuid('problem_id')
      .primaryKey()
      .references(() => problems.id, { onDelete: 'cascade' }),
    type: text('type').$type<ProblemType>().notNull(),
    category: text('category').$type<ProblemCategory>().notNull(),
    state: text('state').$type<ProblemState>().notNull(),
    provinces: codes<ProvinceCode>('provinces'),
    sectors: codes<Sector>('sectors'),
    reporterOrganisationId: uuid('reporter_organisation_id').notNull(),
    supportCount: integer('support_count').notNull(),
    dueAt: ts('due_at'),
    createdAt: ts('created_at').notNull(),
    /** The problem's whole search document (problems.search_document). */
    document: tsvector('document').notNull(),
    /** Its title's part (problems.title_document): relevance puts these matches first. */
    titleDocument: tsvector('title_document').notNull(),
  },
  (t) => [
    index('problem_board_created_idx').on(t.createdAt, t.problemId),
    index('problem_board_state_created_idx').on(t.state, t.createdAt, t.problemId),
    index('problem_board_support_idx').on(t.supportCount, t.problemId),
    // Not partial: 'nearest deadline' orders every problem (due_at asc nulls last, id) and reads it in order.
    index('problem_board_due_idx').on(t.dueAt, t.problemId),
    // "Overdue", newest first: walks only problems with a deadline.
    index('problem_board_with_deadline_created_idx')
      .on(t.createdAt, t.problemId)
      .where(sql`${t.dueAt} is not null`),
    index('problem_board_category_idx').on(t.category, t.createdAt),
    index('problem_board_reporter_org_idx').on(t.reporterOrganisationId, t.createdAt),
    index('problem_board_provinces_idx').using('gin', t.provinces),
    index('problem_board_sectors_idx').using('gin', t.sectors),
    index('problem_board_document_idx').using('gin', t.document),
    index('problem_board_title_idx').using('gin', t.titleDocument),
  ],
);
