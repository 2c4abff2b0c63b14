/**
 * Background work of notifications on every instance, on the injected clock: the deadline job every
 * 15 minutes and the daily digest, checked every 5 minutes (it sends once the 07:00 Bangkok slot has
 * passed, and nothing twice). Both are safe to run on several instances at once.
 */
import type { Deps } from '../../platform/deps.ts';
import { runDeadlineAlerts } from './deadline-alerts.ts';
import { sendDailyDigests } from './digest.ts';

const MINUTE_MS = 60_000;

export function startNotificationJobs(deps: Deps): () => void {
  const deadlines = () =>
    runDeadlineAlerts(deps).catch((err) => deps.logger.warn({ err }, 'deadline alerts failed'));
  const digests = () =>
    sendDailyDigests(deps)
      .then((n) => {
        if (n > 0) deps.mailer.kick();
      })
      .catch((err) => deps.logger.warn({ err }, 'daily digest failed'));
  const timers = [
    setTimeout(() => void deadlines(), 30_000),
    setInterval(() => void deadlines(), 15 * MINUTE_MS),
    setInterval(() => void digests(), 5 * MINUTE_MS),
  ];
  for (const timer of timers) timer.unref();
  return () => {
    for (const timer of timers) clearTimeout(timer);
  };
}
