import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Sector } from '../../../common/taxonomies.ts';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  abbreviation: text('abbreviation'),
  sector: text('sector').$type<Sector>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
export type OrganisationRow = typeof organisations.$inferSelect;
