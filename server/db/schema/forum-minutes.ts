/** What the minutes say about each agenda item beyond "discussed": the Centre's notes (forum part F3). */
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forumAgendaItems } from './forums.ts';

export const forumMinutesNotes = pgTable('forum_minutes_notes', {
  agendaItemId: uuid('agenda_item_id')
    .primaryKey()
    .references(() => forumAgendaItems.id, { onDelete: 'cascade' }),
  notes: text('notes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
