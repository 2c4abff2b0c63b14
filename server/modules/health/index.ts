import { defineModule } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

/** /healthz and /readyz for load balancers and orchestrators. */
export default defineModule({ name: 'health', routes: healthRoutes });
