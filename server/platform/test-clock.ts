/**
 * A server clock that browser tests move forward: "nobody acknowledges for 15 minutes" is a test of the
 * real server, not of a mocked timer, and nobody waits 15 minutes for it. Started from TIPNET_TEST_CLOCK
 * (refused in production, config.ts), it runs at real speed from that instant and jumps when the local
 * admin moves it (POST /internal/clock, modules/test-clock); every background job then runs at once, as
 * it would have on its own timer once that time had passed.
 */
import type { Clock } from './context.ts';

export type AdjustableClock = Clock & {
  /** Moves the clock forward and runs whoever waits on time; resolves with the new time once they have. */
  advance: (ms: number) => Promise<Date>;
  /** Called after every advance (scheduleJobs runs every job). */
  onAdvance: (listener: () => Promise<unknown>) => void;
};

export function adjustableClock(start: Date): AdjustableClock {
  const startedAt = performance.now();
  let offsetMs = 0;
  const listeners: (() => Promise<unknown>)[] = [];
  const now = () => new Date(start.getTime() + (performance.now() - startedAt) + offsetMs);
  return {
    now,
    async advance(ms) {
      offsetMs += ms;
      await Promise.all(listeners.map((listener) => listener()));
      return now();
    },
    onAdvance: (listener) => listeners.push(listener),
  };
}

export const isAdjustable = (clock: Clock): clock is AdjustableClock => 'onAdvance' in clock;
