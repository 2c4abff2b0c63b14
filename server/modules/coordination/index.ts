import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';
import { startCoordinationLive } from './live.ts';

export * as coordinationRequestService from './requests.service.ts';
export * as coordinationUnitService from './units.service.ts';

/** Coordination requests between agencies: units and their inboxes, suggestions, the request state machine. */
export default defineModule({
  name: 'coordination',
  routes: async (app: App, deps: Deps) => {
    // Live request pages; streams end before the server stops listening.
    const live = await startCoordinationLive(deps);
    app.addHook('preClose', async () => live.close());
    coordinationRoutes(app, deps, live);
  },
});
