import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgDialect, type SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
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
 * On PGlite see `executeOnPgliteSession`.
 */
export function executePrepared(db: Db, query: SQL): Promise<unknown> {
  return runPrepared(db, query);
}

type Selection = Record<string, PgColumn | SQL | SQL.Aliased>;

/**
 * `executePrepared` for a select built with drizzle's builder from a flat `selection` (no nested objects):
 * the rows come decoded as awaiting the builder would give them.
 */
export async function selectPrepared<Q extends { getSQL(): SQL } & PromiseLike<unknown>>(
  db: Db,
  statement: Q,
  selection: Selection,
): Promise<Awaited<Q>> {
  const fields = Object.entries(selection).map(([key, field]) => ({ path: [key], field }));
  return (await runPrepared(db, statement.getSQL(), fields)) as Awaited<Q>;
}

/** `selectPrepared` when `prepared`, else the statement as it is (parsed and planned afresh). */
export function selectPreparedIf<Q extends { getSQL(): SQL } & PromiseLike<unknown>>(
  prepared: boolean,
  db: Db,
  statement: Q,
  selection: Selection,
): Promise<Awaited<Q>> {
  return prepared ? selectPrepared(db, statement, selection) : Promise.resolve(statement);
}

function runPrepared(db: Db, query: SQL, fields?: SelectedFieldsOrdered): Promise<unknown> {
  const built = dialect.sqlToQuery(query);
  const name = `p_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 27)}`;
  const run = (statement: { sql: string; params: unknown[] }, named?: string) =>
    db._.session.prepareQuery(statement, fields, named, fields !== undefined).execute();
  const statements = pgliteSessions.get(sessionRoots.get(db) ?? db);
  const args = statements && literalArguments(built.params);
  if (!statements || !args) return run(built, name);
  return executeOnPgliteSession(db, statements, name, built.sql, args, (text) =>
    text === undefined ? run(built) : run({ sql: text, params: [] }),
  );
}

/** Per PGlite database opened: the names its one session has prepared, or is preparing. */
const pgliteSessions = new WeakMap<Db, Map<string, 'preparing' | 'ready'>>();
/** A transaction on PGlite → the database whose session it runs on. */
const sessionRoots = new WeakMap<Db, Db>();

/** Records `db` as a PGlite database (openPglite): its statements can be prepared with SQL. */
export function registerPgliteSession(db: Db) {
  pgliteSessions.set(db, new Map());
}

/** Records that `tx` runs on the session of `db`, so statements prepared by either serve both. */
export function runsOnSessionOf(tx: Db, db: Db) {
  const root = sessionRoots.get(db) ?? db;
  if (pgliteSessions.has(root)) sessionRoots.set(tx, root);
}

/**
 * PGlite's driver sends every statement unnamed, so it is prepared with SQL's PREPARE and run with EXECUTE,
 * whose arguments cannot be bound parameters (the protocol counts none in a utility statement): they are
 * written as quoted literals, `'` doubled (standard_conforming_strings is on, so nothing else escapes).
 * A statement another request is still preparing is sent as it is: waiting for it could wait for a
 * transaction that is itself waiting. Prepared statements outlive a rolled-back transaction.
 */
async function executeOnPgliteSession(
  db: Db,
  statements: Map<string, 'preparing' | 'ready'>,
  name: string,
  text: string,
  args: string[],
  run: (text?: string) => Promise<unknown>,
): Promise<unknown> {
  const state = statements.get(name);
  if (state === 'preparing') return run();
  if (state === undefined) {
    statements.set(name, 'preparing');
    try {
      await db.execute(sql.raw(`prepare "${name}" as ${text}`));
    } catch (err) {
      statements.delete(name);
      throw err;
    }
    statements.set(name, 'ready');
  }
  return run(args.length ? `execute "${name}"(${args.join(', ')})` : `execute "${name}"`);
}

/** The parameters as SQL literals, or null when one is of a kind not written out here (run it unnamed). */
function literalArguments(params: unknown[]): string[] | null {
  const literals: string[] = [];
  for (const value of params) {
    if (value === null) literals.push('null');
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      literals.push(`'${String(value).replaceAll("'", "''")}'`);
    else return null;
  }
  return literals;
}
