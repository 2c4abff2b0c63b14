import { HOUR_MS } from '../../../common/time.ts';
import { defineModule } from '../../platform/module.ts';
import { forumMinutesRoutes } from './forum-minutes.routes.ts';
import { runActionFollowUp } from './reminders.ts';

/** For the reports module: action items due, done on time and overdue, per owner organisation. */
export { type ForumActionOwnerRow, forumActionsDue, forumActionsOverdue } from './metrics.ts';

/** Forum minutes (part F3): minutes and versions, action items and their follow-up, carry-over. */
export default defineModule({
  name: 'forum-minutes',
  routes: (app, deps) => forumMinutesRoutes(app, deps),
  jobs: [{ name: 'forum action follow-up', everyMs: HOUR_MS, run: (deps) => runActionFollowUp(deps) }],
});
