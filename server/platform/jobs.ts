/**
 * Background jobs: a module declares what to run and how often; `scheduleJobs` runs them on every
 * instance from the app's start until its close. Each job must be safe to run on several instances at
 * once (claims with row locks or idempotent writes), and a failure is logged and retried next time.
 */
import type { Deps } from './deps.ts';
import type { App } from './http.ts';
import { isAdjustable } from './test-clock.ts';

export type Job = {
  /** Named in the log when it fails. */
  name: string;
  everyMs: number;
  /** First run this long after start (default: one period), so a start is not slowed by every job. */
  firstAfterMs?: number;
  /** May resolve to how many emails it queued, so the mailer can be woken at once. */
  run: (deps: Deps) => Promise<unknown>;
};

export function scheduleJobs(app: App, deps: Deps, jobs: readonly Job[]) {
  if (jobs.length === 0) return;
  const timers: NodeJS.Timeout[] = [];
  app.addHook('onReady', async () => {
    for (const job of jobs) {
      const run = () =>
        job.run(deps).then(
          (queuedEmails) => {
            if (typeof queuedEmails === 'number' && queuedEmails > 0) deps.mailer.kick();
          },
          (err) => deps.logger.warn({ err, job: job.name }, 'background job failed'),
        );
      timers.push(setTimeout(run, job.firstAfterMs ?? job.everyMs), setInterval(run, job.everyMs));
      if (isAdjustable(deps.clock)) deps.clock.onAdvance(run);
    }
    for (const timer of timers) timer.unref();
  });
  app.addHook('onClose', async () => {
    for (const timer of timers) clearTimeout(timer);
  });
}
