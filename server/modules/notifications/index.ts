import { MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { sendDailyDigests } from './digest.ts';
import { startNotificationRuntime } from './live.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { rememberNotificationRuntime } from './runtime-registry.ts';

export { notifyRequestEvents, type RequestNotice } from './request-notices.ts';
export { notificationRuntimeOf } from './runtime-registry.ts';

/** In-app notifications of timeline events, the bell's live stream and the daily email digest. */
export default defineModule({
  name: 'notifications',
  routes: async (app: App, deps: Deps) => {
    // Fan-out of timeline events and live unread counts; streams end before the server stops listening.
    const runtime = await startNotificationRuntime(deps);
    rememberNotificationRuntime(app, runtime);
    app.addHook('preClose', async () => runtime.close());
    notificationRoutes(app, deps, runtime);
  },
  jobs: [
    // Checked every 5 minutes; it sends once the 07:00 Bangkok slot has passed, and nothing twice.
    { name: 'daily digest', everyMs: 5 * MINUTE_MS, run: sendDailyDigests },
  ],
});
