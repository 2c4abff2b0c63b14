import { badRequest } from './errors.ts';

/** Opaque cursors: the sort key and id of the last item seen, so pages stay stable under inserts. */
export type CursorKey = { k: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = { uuid: (id: string) => UUID.test(id), serial: (id: string) => /^\d{1,18}$/.test(id) };
const KEY = {
  text: () => true,
  date: (k: string) => !Number.isNaN(Date.parse(k)),
  none: () => true,
  /** Ranked results (search) page by position, since a rank is no stable key. */
  offset: (k: string) => /^\d{1,6}$/.test(k),
  /** A whole-number sort key (the directory's alphabetical rank). */
  integer: (k: string) => /^\d{1,15}$/.test(k),
};

export const encodeCursor = (key: CursorKey) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Every part is checked here, so a forged cursor is a 400 and never reaches SQL as a bad cast. */
export function decodeCursor(
  cursor: string | undefined,
  kind: { key: keyof typeof KEY; id: keyof typeof ID } = { key: 'text', id: 'uuid' },
): CursorKey | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as CursorKey;
    if (
      typeof key.k === 'string' &&
      typeof key.id === 'string' &&
      KEY[kind.key](key.k) &&
      ID[kind.id](key.id)
    )
      return key;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('INVALID_CURSOR', 'The cursor is not valid; start again from the first page');
}

/** Fetch `limit + 1` rows; the extra one only says whether a next page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  key: (row: Row) => CursorKey,
  present: (row: Row) => Item,
) {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(present), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
