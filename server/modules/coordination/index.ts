import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';
import { ESCALATION_TICK_MS, runEscalations } from './escalation.ts';
import { rosterRoutes } from './roster.routes.ts';

export { onCall } from './on-call.ts';
export * as coordinationRequestService from './requests.service.ts';
export * as coordinationRosterService from './roster.service.ts';
export * as coordinationUnitService from './units.service.ts';

/**
 * Coordination requests between agencies: units and their inboxes, suggestions, the request state machine,
 * on-call rosters and the escalation of requests nobody acknowledges.
 */
export default defineModule({
  name: 'coordination',
  routes: (app, deps) => {
    coordinationRoutes(app, deps);
    rosterRoutes(app, deps);
  },
  jobs: [
    {
      name: 'coordination escalation',
      everyMs: ESCALATION_TICK_MS,
      run: async (deps) => (await runEscalations(deps)).emails,
    },
  ],
});
