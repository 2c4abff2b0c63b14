import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { directoryRoutes } from './directory.routes.ts';
import { organisationRoutes } from './organisations.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { sendStaleReminders } from './stale-reminders.ts';
import { taskRoutes } from './tasks.routes.ts';

export { erasePerson, personOfUser } from './people.service.ts';
export {
  indexUnindexedOrganisations,
  organisationSearchDocuments,
  personSearchText,
  refreshOrganisationSearchDocument,
} from './search-documents.ts';
export { isStale, STALE_AFTER_MS, staleSql } from './staleness.ts';
export { currentContactFields } from './verification.ts';

/** Who does what and whom to call: organisations, people, focal points, search, finder, exports, tasks. */
export default defineModule({
  name: 'directory',
  routes: (app: App, deps: Deps) => {
    organisationRoutes(app, deps);
    peopleRoutes(app, deps);
    directoryRoutes(app, deps);
    taskRoutes(app, deps);
  },
  jobs: [
    {
      name: 'directory stale reminders',
      everyMs: DAY_MS,
      firstAfterMs: MINUTE_MS,
      run: sendStaleReminders,
    },
  ],
});
