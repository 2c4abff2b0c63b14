import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';
import { ESCALATION_TICK_MS, runEscalations } from './escalation.ts';
import { startCoordinationLive } from './live.ts';
import { rosterRoutes } from './roster.routes.ts';
import { slaRoutes } from './sla.routes.ts';
import { runSlaAlerts, SLA_JOB_EVERY_MS } from './sla-jobs.ts';

export type { HolidayCalendar } from '../../../common/business-hours.ts';
/** For the vault module: the request row, who is in its inbox, and what the policy needs of them. */
export { accessOf, getRequest, memberIdsOf, userNames } from './coordination.queries.ts';
/** For the LINE module: the acknowledge quick reply acknowledges exactly as the signed email link does. */
export { acknowledgeByLink } from './escalation.service.ts';
export { runEscalations } from './escalation.ts';
export { holidayCalendar } from './holidays.ts';
/** For the reports module: answer times, breaches and outcomes per organisation for a period. */
export { coordinationMetrics } from './metrics.service.ts';
export { onCall } from './on-call.ts';
export * as coordinationRatingService from './ratings.service.ts';
export * as coordinationRequestService from './requests.service.ts';
export * as coordinationRosterService from './roster.service.ts';
export { runSlaAlerts } from './sla-jobs.ts';
export * as coordinationUnitService from './units.service.ts';

/**
 * Coordination requests between agencies: units and their inboxes, suggestions, the request state machine,
 * live request pages, on-call rosters and the escalation of requests nobody acknowledges, SLA clocks
 * (holidays, target versions, warning and breach job), ratings and metrics.
 */
export default defineModule({
  name: 'coordination',
  routes: async (app: App, deps: Deps) => {
    // Live request pages; streams end before the server stops listening.
    const live = await startCoordinationLive(deps);
    app.addHook('preClose', async () => live.close());
    coordinationRoutes(app, deps, live);
    rosterRoutes(app, deps);
    slaRoutes(app, deps);
  },
  jobs: [
    {
      name: 'coordination escalation',
      everyMs: ESCALATION_TICK_MS,
      run: async (deps) => (await runEscalations(deps)).emails,
    },
    { name: 'coordination SLA clocks', everyMs: SLA_JOB_EVERY_MS, run: (deps) => runSlaAlerts(deps) },
  ],
});
