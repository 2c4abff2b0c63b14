import { defineModule } from '../../platform/module.ts';
import { coordinationRoutes } from './coordination.routes.ts';

/** For the vault module: the request row, who is in its inbox, and what the policy needs of them. */
export { accessOf, getRequest, memberIdsOf, userNames } from './coordination.queries.ts';
export * as coordinationRequestService from './requests.service.ts';
export * as coordinationUnitService from './units.service.ts';

/** Coordination requests between agencies: units and their inboxes, suggestions, the request state machine. */
export default defineModule({ name: 'coordination', routes: coordinationRoutes });
