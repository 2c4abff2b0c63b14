import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/** NUL and unpaired UTF-16 surrogates: valid in JSON and URLs, but PostgreSQL text and jsonb cannot store them. */
const isUnstorable = (s: string) =>
  s.includes('\0') || !(s as string & { isWellFormed(): boolean }).isWellFormed();
const MAX_DEPTH = 20;

function containsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnstorable(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : [...Object.keys(value), ...Object.values(value)];
  return items.some((item) => containsUnstorable(item, depth + 1));
}

/** Refuses such input up front, before validation, so it can never reach a query half-way through a change. */
export function assertStorableInput(req: FastifyRequest): void {
  // Path parameters are ids, which their schemas already reject in any malformed form.
  if (containsUnstorable(req.body) || containsUnstorable(req.query)) {
    throw badRequest(
      'INVALID_TEXT',
      'The request contains characters that cannot be stored (NUL or broken Unicode)',
    );
  }
}
