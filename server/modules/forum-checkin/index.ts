import { defineModule } from '../../platform/module.ts';
import { forumCheckinRoutes } from './forum-checkin.routes.ts';

/** A forum's day (issue 13, part F2): QR check-in and walk-ins at the door, live attendance, polls. */
export default defineModule({ name: 'forum-checkin', routes: forumCheckinRoutes });
