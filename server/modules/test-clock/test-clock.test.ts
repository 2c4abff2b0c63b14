import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { adjustableClock } from '../../platform/test-clock.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';

const START = '2026-12-05T02:00:00+07:00';

describe('the test clock of browser tests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts where the test says, runs on, and jumps forward running whoever waits on time', async () => {
    const clock = adjustableClock(new Date(START));
    expect(Math.abs(clock.now().getTime() - Date.parse(START))).toBeLessThan(1_000);
    const seen: Date[] = [];
    clock.onAdvance(async () => {
      seen.push(clock.now());
    });
    const after = await clock.advance(15 * 60_000);
    expect(after.getTime() - Date.parse(START)).toBeGreaterThanOrEqual(15 * 60_000);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.getTime()).toBeGreaterThanOrEqual(Date.parse(START) + 15 * 60_000);
  });

  it('is refused in production, with the reason', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        BASE_URL: 'https://tipnet.example',
        TIPNET_TEST_CLOCK: START,
      }),
    ).toThrow(/TIPNET_TEST_CLOCK: .*never allowed when NODE_ENV=production/);
    expect(() => loadConfig({ TIPNET_TEST_CLOCK: 'tomorrow at two' })).toThrow(/TIPNET_TEST_CLOCK/);
  });

  it('has no route to move time on a server without it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/internal/clock',
      headers: { authorization: `Bearer ${t.deps.localAdminToken}` },
      remoteAddress: '127.0.0.1',
      payload: { minutes: 15 },
    });
    expect(res.statusCode).toBe(404);
  });
});
