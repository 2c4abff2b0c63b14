import { MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { forumRoutes } from './forums.routes.ts';
import { expirePromotions } from './registration.service.ts';

export { eventUid } from './ics.ts';
/** For the reports module: who came to the forums held in a period, per event, organisation and sector. */
export { type ForumAttendanceRow, forumAttendance } from './metrics.ts';

/**
 * "Let's Talk TIP" events (forums part F1): events and their agenda, invitations, registration with a FIFO
 * waitlist and promotions, the emails with .ics and QR ticket, and the private calendar feed.
 */
export default defineModule({
  name: 'forums',
  routes: (app: App, deps: Deps) => forumRoutes(app, deps),
  jobs: [
    {
      name: 'forum promotions expiry',
      everyMs: 5 * MINUTE_MS,
      firstAfterMs: 45_000,
      run: async (deps) => {
        await expirePromotions(deps);
      },
    },
  ],
});
