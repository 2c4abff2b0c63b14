import { z } from 'zod';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import { assertLocalAdmin } from '../../platform/local-admin.ts';
import { isAdjustable } from '../../platform/test-clock.ts';

const Advance = z.strictObject({
  minutes: z
    .number()
    .int()
    .positive()
    .max((30 * DAY_MS) / MINUTE_MS),
});

/**
 * POST /internal/clock {minutes}: moves a browser test's server clock forward and runs every background
 * job, as that much time passing would. Exists only on a server started with TIPNET_TEST_CLOCK (which
 * production refuses), and only for the local admin (platform/local-admin.ts). Not in OpenAPI.
 */
export function testClockRoutes(app: App, deps: Deps) {
  const clock = deps.clock;
  if (!isAdjustable(clock) || !deps.config.testClockStart) return;
  app.post('/internal/clock', { schema: { hide: true } }, async (req) => {
    assertLocalAdmin(req, deps.localAdminToken);
    const body = Advance.safeParse(req.body);
    if (!body.success)
      throw new AppError(400, 'VALIDATION_FAILED', 'minutes: a whole number from 1 to 43,200');
    const now = await clock.advance(body.data.minutes * MINUTE_MS);
    return { now: now.toISOString() };
  });
}
