import { defineModule } from '../../platform/module.ts';
import { invitationRoutes } from './invitations.routes.ts';

/** Invitation-only accounts: invite, accept. */
export default defineModule({ name: 'invitations', routes: invitationRoutes });
