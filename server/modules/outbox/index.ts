import { defineModule } from '../../platform/module.ts';
import { outboxRoutes } from './outbox.routes.ts';

/** The email outbox for the Centre. */
export default defineModule({ name: 'outbox', routes: outboxRoutes });
