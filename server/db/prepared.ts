import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * A statement prepared once per database (a transaction is a database of its own: it prepares its own).
 * For the hot reads whose planning costs as much as their execution; `build` calls `.prepare(name)`.
 */
export function preparedPerDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) {
      statement = build(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}

const dialect = new PgDialect();

/**
 * Runs a statement built with `sql` as a prepared statement named after its text: PostgreSQL parses it
 * once per connection and, after five runs, may keep one plan for it (the review's ~20 statements per
 * load spent a sixth of their database time parsing and planning). Only for statements whose text does
 * not vary with the data: a list of varying length would prepare a new statement for each length.
 * PGlite runs it as any other statement.
 */
export function executePrepared(db: Db, query: SQL): Promise<unknown> {
  const built = dialect.sqlToQuery(query);
  const name = `p_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 27)}`;
  return db._.session.prepareQuery(built, undefined, name, false).execute();
}
