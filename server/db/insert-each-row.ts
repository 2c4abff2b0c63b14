import { getTableColumns, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * `INSERT INTO table … SELECT <row> FROM source`: one copy of `row` for each row `source` (a CTE of the
 * same statement) yields, none when it yields none. With it a write and what must accompany it (its audit
 * event) are one autocommit statement instead of a transaction of four round trips, and a write that wrote
 * nothing (ON CONFLICT DO NOTHING) brings nothing with it.
 */
export function insertEachRowOf<T extends PgTable>(
  table: T,
  row: Partial<T['$inferInsert']>,
  source: SQLWrapper,
): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(row).filter((key) => row[key as keyof typeof row] !== undefined);
  const names = keys.map((key) => sql.identifier(columns[key]!.name));
  // A parameter in a select list is text unless cast: each is cast to its column's type.
  const values = keys.map((key) => {
    const column = columns[key]!;
    return sql`${sql.param(row[key as keyof typeof row], column)}::${sql.raw(column.getSQLType())}`;
  });
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} from ${source}`;
}

/** What accompanies a write (its audit event, its email): built on `written`, named CTEs to list after it. */
export function alongsideOf(db: Db, written: SQLWrapper, alongside: (written: SQLWrapper) => SQL[]) {
  return alongside(written).map((write, i) => db.$with(`alongside_${i}`, {}).as(write));
}
