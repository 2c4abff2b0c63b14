import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One counter per group of tables, bumped by a statement trigger on every write to them (migration 0010),
 * so a cache of what those tables produce can tell in one indexed read whether it is still current —
 * across every instance on the database, whoever wrote.
 */
export const changeCounters = pgTable('change_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});
