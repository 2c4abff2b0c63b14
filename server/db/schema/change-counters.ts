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

/**
 * Bumps queued by a transaction (one per counter, by `tipnet_bump_change_counter`), applied and deleted at
 * its COMMIT by a deferred trigger (migration 0018): the counter row is locked for the commit alone.
 */
export const changeCounterBumps = pgTable('change_counter_bumps', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
});
