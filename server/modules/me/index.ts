import { defineModule } from '../../platform/module.ts';
import { meRoutes } from './me.routes.ts';

export { presentMe } from './me.presenter.ts';

/** The signed-in user's own account: profile, language, password, two-factor enrolment. */
export default defineModule({ name: 'me', routes: meRoutes });
