import { ROLES } from '../../common/taxonomies.ts';
import type { Role } from './types.ts';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
