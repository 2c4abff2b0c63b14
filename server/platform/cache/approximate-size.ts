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

/**
 * What the JSON of a result costs the heap once it has been sent (serialised-once.ts keeps it as long as
 * the result): one string, two bytes a character as soon as one character (a Thai one) is outside Latin-1.
 * A soak's heap snapshots showed these strings as most of what grew besides the cached objects.
 */
export function approximateJsonBytes(value: unknown): number {
  const text = { length: 0, wide: false };
  measureJson(value, text);
  return STRING_HEADER + (text.wide ? text.length * 2 : text.length);
}

const DATE_JSON_LENGTH = '"2026-12-04T23:04:47.000Z"'.length;

function measureJson(value: unknown, text: { length: number; wide: boolean }): void {
  switch (typeof value) {
    case 'string':
      text.length += value.length + 2;
      // biome-ignore lint/suspicious/noControlCharactersInRegex: Latin-1 is the one-byte range
      if (!text.wide && !/^[\u0000-\u00ff]*$/.test(value)) text.wide = true;
      return;
    case 'number':
    case 'bigint':
      text.length += String(value).length;
      return;
    case 'boolean':
      text.length += value ? 4 : 5;
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) {
    text.length += 4;
    return;
  }
  if (value instanceof Date) {
    text.length += DATE_JSON_LENGTH;
    return;
  }
  text.length += 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      measureJson(item, text);
      text.length += 1;
    }
    return;
  }
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    text.length += key.length + 4;
    measureJson(field, text);
  }
}
