import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';

export * as coordinationRequestService from './requests.service.ts';
export * as coordinationUnitService from './units.service.ts';

/** Coordination requests between agencies: units and their inboxes, suggestions, the request state machine. */
export default defineModule({ name: 'coordination', routes: coordinationRoutes });
