/** Which notification runtime an app runs, for tests and tools that hold only the app. */
import type { App } from '../../platform/http.ts';
import type { NotificationRuntime } from './live.ts';

const runtimes = new WeakMap<object, NotificationRuntime>();

export const rememberNotificationRuntime = (app: App, runtime: NotificationRuntime) =>
  runtimes.set(app, runtime);

export function notificationRuntimeOf(app: App): NotificationRuntime {
  const runtime = runtimes.get(app);
  if (!runtime) throw new Error('this app runs no notification runtime');
  return runtime;
}
