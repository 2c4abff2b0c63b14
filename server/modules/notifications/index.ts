import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { runDeadlineAlerts } from './deadline-alerts.ts';
import { sendDailyDigests } from './digest.ts';
import { startNotificationRuntime } from './live.ts';
import { notificationRoutes } from './notifications.routes.ts';
import { rememberNotificationRuntime } from './runtime-registry.ts';

const MINUTE_MS = 60_000;

/** In-app notifications, the bell's live stream, the deadline alerts and the daily email digest. */
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
    {
      name: 'deadline alerts',
      everyMs: 15 * MINUTE_MS,
      firstAfterMs: 30_000,
      run: async (deps) => {
        await runDeadlineAlerts(deps);
      },
    },
    // Checked every 5 minutes; it sends once the 07:00 Bangkok slot has passed, and nothing twice.
    { name: 'daily digest', everyMs: 5 * MINUTE_MS, run: sendDailyDigests },
  ],
});
