import { defineModule } from '../../platform/module.ts';
import { userRoutes } from './users.routes.ts';

export { endPasswordChange } from './password-changed.ts';
export { findUserByEmail, getUserWithOrganisation } from './users.repository.ts';

/** Accounts managed by admins and org admins: list, change role, deactivate. */
export default defineModule({ name: 'users', routes: userRoutes });
