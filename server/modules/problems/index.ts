import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { problemAccountabilityRoutes } from './accountability.ts';
import { problemRoutes } from './problems.routes.ts';

export * as commentService from './comments.service.ts';
export { hidesActor, seesReporter } from './problems.presenter.ts';
export * as problemService from './problems.service.ts';

/** The problems board: raise, support, assign, answer, resolve, and the accountability figures. */
export default defineModule({
  name: 'problems',
  routes: (app: App, deps: Deps) => {
    problemRoutes(app, deps);
    problemAccountabilityRoutes(app, deps);
  },
});
