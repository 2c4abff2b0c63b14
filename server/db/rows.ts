/**
 * The rows of a raw `db.execute(sql…)`. The driver-neutral Db types its result loosely; both drivers
 * (node-postgres and PGlite) answer `{ rows }`, so the caller names the row type it selected.
 */
export const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
