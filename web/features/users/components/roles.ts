import { ROLES } from '../../../../common/taxonomies.ts';
import type { Role } from '../../../lib/types.ts';

/** Organisation admins manage their own organisation but cannot create platform admins. */
export function assignableRoles(actorRole: Role): Role[] {
  return actorRole === 'admin' ? [...ROLES] : ROLES.filter((role) => role !== 'admin');
}
