import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';
import { slaRoutes } from './sla.routes.ts';
import { runSlaAlerts, SLA_JOB_EVERY_MS } from './sla-jobs.ts';

export type { HolidayCalendar } from '../../../common/business-hours.ts';
export { holidayCalendar } from './holidays.ts';
export * as coordinationRequestService from './requests.service.ts';
export * as coordinationUnitService from './units.service.ts';

/**
 * Coordination requests between agencies: units and their inboxes, suggestions, the request state machine,
 * SLA clocks (holidays, target versions, warning and breach job), ratings and metrics.
 */
export default defineModule({
  name: 'coordination',
  routes: (app, deps) => {
    coordinationRoutes(app, deps);
    slaRoutes(app, deps);
  },
  jobs: [{ name: 'coordination SLA clocks', everyMs: SLA_JOB_EVERY_MS, run: (deps) => runSlaAlerts(deps) }],
});
