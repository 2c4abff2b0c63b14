/**
 * What a cached result costs the heap, roughly: V8 keeps a string of Latin-1 text in one byte per character
 * and any other (Thai) in two, and every object and array carries a header and a slot per field. Close
 * enough to hold caches to a memory budget without serialising what may never be sent again.
 */
const OBJECT_HEADER = 24;
const SLOT = 8;
const STRING_HEADER = 16;

export function approximateBytes(value: unknown): number {
  if (value === null || value === undefined) return 0;
  switch (typeof value) {
    case 'string':
      // biome-ignore lint/suspicious/noControlCharactersInRegex: Latin-1 is the one-byte range
      return STRING_HEADER + (/^[\u0000-\u00ff]*$/.test(value) ? value.length : value.length * 2);
    case 'number':
    case 'boolean':
    case 'bigint':
      return SLOT;
    case 'object':
      break;
    default:
      return 0;
  }
  if (value instanceof Date) return OBJECT_HEADER + SLOT;
  if (Array.isArray(value)) {
    let bytes = OBJECT_HEADER + value.length * SLOT;
    for (const item of value) bytes += approximateBytes(item);
    return bytes;
  }
  let bytes = OBJECT_HEADER;
  for (const key in value) bytes += SLOT + approximateBytes((value as Record<string, unknown>)[key]);
  return bytes;
}
