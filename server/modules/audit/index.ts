import { defineModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit log for the Centre. */
export default defineModule({ name: 'audit', routes: auditRoutes });
