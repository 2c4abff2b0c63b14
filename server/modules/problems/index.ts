import { MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { problemAccountabilityRoutes } from './accountability.ts';
import { runDeadlineAlerts } from './deadline-jobs.ts';
import { problemRoutes } from './problems.routes.ts';

export * as commentService from './comments.service.ts';
export { hidesActor, seesReporter } from './problems.presenter.ts';
export * as problemService from './problems.service.ts';

/** The problems board: raise, support, assign, answer, resolve, the deadlines and the accountability figures. */
export default defineModule({
  name: 'problems',
  routes: (app: App, deps: Deps) => {
    problemRoutes(app, deps);
    problemAccountabilityRoutes(app, deps);
  },
  jobs: [
    {
      name: 'deadline alerts',
      everyMs: 15 * MINUTE_MS,
      firstAfterMs: 30_000,
      run: async (deps) => {
        await runDeadlineAlerts(deps);
      },
    },
  ],
});
