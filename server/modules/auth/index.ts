import { defineModule } from '../../platform/module.ts';
import { authRoutes } from './auth.routes.ts';

/** Sign-in, two-factor challenge, sign-out, password reset. */
export default defineModule({ name: 'auth', routes: authRoutes });
