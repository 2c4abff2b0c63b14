/**
 * When the session ends unless the user does something, as the server says on every signed-in answer
 * (Session-Expires-At). Shared between tabs, so a tab that stayed signed in does not let another tab's
 * stale timer end the session. Also remembers that a session ran out, for the sign-in page to say so.
 */
import { useSyncExternalStore } from 'react';
import { SESSION_EXPIRES_HEADER } from '../../common/session-headers.ts';

const SHARED_KEY = 'tipnet.sessionExpiresAt';
const EXPIRED_KEY = 'tipnet.sessionExpired';

let expiresAt: number | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/**
 * Reads the expiry from an API answer. Counted from the answer's own Date, not the phone's clock, which is
 * often minutes off: what matters is how long is left.
 */
export function noteSessionExpiry(response: Response) {
  const header = response.headers.get(SESSION_EXPIRES_HEADER);
  if (!header) return;
  const ends = Date.parse(header);
  const serverNow = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(ends)) return;
  setExpiresAt(Date.now() + (ends - (Number.isNaN(serverNow) ? Date.now() : serverNow)));
}

function setExpiresAt(value: number | null) {
  expiresAt = value;
  try {
    if (value === null) localStorage.removeItem(SHARED_KEY);
    else localStorage.setItem(SHARED_KEY, String(value));
  } catch {
    // Private mode: this tab alone keeps count.
  }
  notify();
}

export function forgetSessionExpiry() {
  setExpiresAt(null);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key !== SHARED_KEY) return;
    expiresAt = event.newValue ? Number(event.newValue) : null;
    notify();
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

/** Milliseconds since the epoch (this device's clock), or null before the first signed-in answer. */
export function useSessionExpiresAt(): number | null {
  return useSyncExternalStore(subscribe, () => expiresAt);
}

/** The session ran out (not a sign-out): the sign-in page says so and that drafts were kept. */
export function markSessionExpired() {
  try {
    sessionStorage.setItem(EXPIRED_KEY, '1');
  } catch {
    // The sign-in page then shows its usual text.
  }
}

export function sessionExpiredNotice(): boolean {
  try {
    return sessionStorage.getItem(EXPIRED_KEY) === '1';
  } catch {
    return false;
  }
}

export function clearSessionExpiredNotice() {
  try {
    sessionStorage.removeItem(EXPIRED_KEY);
  } catch {
    // nothing to clear
  }
}
