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
