import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, isUserIdle, noteUserActivity } from './user-activity.ts';

describe('whether the user is at the device', () => {
  it('is active for a minute after a tap, then idle until the next one', () => {
    const tap = 1_000_000;
    noteUserActivity(tap);
    expect(isUserIdle(tap + 1_000)).toBe(false);
    expect(isUserIdle(tap + IDLE_AFTER_MS)).toBe(false);
    expect(isUserIdle(tap + IDLE_AFTER_MS + 1)).toBe(true);
    noteUserActivity(tap + 5 * IDLE_AFTER_MS);
    expect(isUserIdle(tap + 5 * IDLE_AFTER_MS + 1_000)).toBe(false);
  });
});
