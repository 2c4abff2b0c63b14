import { MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { lineRoutes } from './line.routes.ts';
import { drainLineOutbox, pruneLine, queueLineDigests } from './sender.ts';

export { enqueueLineMessages, type LineMessage } from './channel.ts';
export { forgetLineAccount } from './line.service.ts';
export { problemLineMessages } from './problem-messages.ts';

/** The latest 07:00 in Bangkok (UTC+7, no daylight saving) at or before `now`: midnight UTC. */
const digestSlot = (now: Date) => {
  const slot = new Date(now);
  slot.setUTCHours(0, 0, 0, 0);
  return slot;
};

/** LINE as a notification channel (issue 16): linking, preferences, the webhook and the LINE outbox. */
export default defineModule({
  name: 'line',
  routes: (app: App, deps: Deps) => lineRoutes(app, deps),
  jobs: [
    { name: 'LINE outbox', everyMs: 15_000, run: (deps: Deps) => drainLineOutbox(deps) },
    {
      name: 'LINE daily digest',
      everyMs: 5 * MINUTE_MS,
      run: async (deps: Deps) => {
        await queueLineDigests(deps, digestSlot(deps.clock.now()));
        await pruneLine(deps);
      },
    },
  ],
});
