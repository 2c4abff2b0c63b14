/**
 * When the person at this device last did something (a tap, a key, a scroll). Reads made long after that are
 * the app's own (refetches after a live update, reconnects, polling), and say so to the server, which then
 * answers without renewing the session: an unattended tab still times out and warns first.
 */

/** Without an interaction for this long, the user is idle. Shorter than the session warning's two minutes. */
export const IDLE_AFTER_MS = 60_000;

const INTERACTIONS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

let lastActivityAt = Date.now();

export function noteUserActivity(at = Date.now()) {
  lastActivityAt = at;
}

export function isUserIdle(now = Date.now()): boolean {
  return now - lastActivityAt > IDLE_AFTER_MS;
}

if (typeof window !== 'undefined') {
  for (const type of INTERACTIONS) {
    window.addEventListener(type, () => noteUserActivity(), { capture: true, passive: true });
  }
}
