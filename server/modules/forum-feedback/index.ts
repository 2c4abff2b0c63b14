import { HOUR_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { forumFeedbackRoutes } from './forum-feedback.routes.ts';
import { purgeForumPersonalData } from './retention.ts';
import { sendSurveyInvitations } from './survey.service.ts';

/** Forum feedback (issue 13, part F4): the anonymous survey, the published summary and its PDF, retention. */
export default defineModule({
  name: 'forum-feedback',
  routes: (app: App, deps: Deps) => {
    forumFeedbackRoutes(app, deps);
  },
  jobs: [
    { name: 'forum survey invitations', everyMs: 5 * MINUTE_MS, run: (deps) => sendSurveyInvitations(deps) },
    {
      name: 'forum registrants retention',
      everyMs: 6 * HOUR_MS,
      firstAfterMs: 10 * MINUTE_MS,
      run: (deps) => purgeForumPersonalData(deps).then(() => 0),
    },
  ],
});
