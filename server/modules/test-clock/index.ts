import { defineModule } from '../../platform/module.ts';
import { testClockRoutes } from './test-clock.routes.ts';

/** A clock browser tests move forward (TIPNET_TEST_CLOCK); absent everywhere else. */
export default defineModule({ name: 'test-clock', routes: testClockRoutes });
