/**
 * Drafts of long forms, kept on this device so that nothing typed is lost when a session expires or the
 * link drops. One draft per user and form; sent or signed out, it is gone. They may hold personal data a
 * user is about to send, so they are kept only for a week and only in this browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSignedInMe } from './signed-in.ts';

const PREFIX = 'tipnet.draft.';
/** A draft older than this is dropped rather than restored: the work it belonged to has moved on. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3_600_000;
/** Saved this long after the last keystroke: often enough to lose nothing, rarely enough to cost nothing. */
export const DRAFT_SAVE_DELAY_MS = 400;

type Stored<T> = { savedAt: number; value: T };

const keyOf = (userId: string, form: string) => `${PREFIX}${userId}.${form}`;

/** The drafts in one Storage (localStorage in the app); pure so it can be tested without a browser. */
export const draftStore = {
  load<T>(storage: Storage, userId: string, form: string, now = Date.now()): T | null {
    const key = keyOf(userId, form);
    try {
      const stored = JSON.parse(storage.getItem(key) ?? 'null') as Stored<T> | null;
      if (!stored || typeof stored.savedAt !== 'number') return null;
      if (now - stored.savedAt > DRAFT_MAX_AGE_MS) {
        storage.removeItem(key);
        return null;
      }
      return stored.value;
    } catch {
      storage.removeItem(key);
      return null;
    }
  },

  save<T>(storage: Storage, userId: string, form: string, value: T, now = Date.now()) {
    try {
      storage.setItem(keyOf(userId, form), JSON.stringify({ savedAt: now, value } satisfies Stored<T>));
    } catch {
      // Storage full or disabled (private mode): the form still works, only without a draft.
    }
  },

  remove(storage: Storage, userId: string, form: string) {
    storage.removeItem(keyOf(userId, form));
  },

  /** On sign-out: nothing this user typed stays on the device. */
  clearUser(storage: Storage, userId: string) {
    const own = `${PREFIX}${userId}.`;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(own)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  },
};

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Users signed out on this page: a form closing after that (a pending save, an unmount) saves nothing. */
const signedOut = new Set<string>();

export function clearDraftsOf(userId: string) {
  signedOut.add(userId);
  const storage = browserStorage();
  if (storage) draftStore.clearUser(storage, userId);
}

const sameAs = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of a long form that survives an expired session or a closed tab: restored when the form opens
 * again (after signing in again), saved as the user types, and gone after `clear()` (call it once sent).
 * `form` names the form and what it is about, e.g. `comment.<problemId>`; `empty` is the blank form.
 */
export function useDraft<T>(form: string, empty: T) {
  const userId = useSignedInMe().user.id;
  const storage = browserStorage();
  const [state, setState] = useState(() => {
    signedOut.delete(userId); // signed in (again)
    return openDraft(storage, userId, form, empty);
  });
  // Another problem's form in the same component: its own draft, never this one's text.
  if (state.form !== form) setState(openDraft(storage, userId, form, empty));

  // Read by the timer and on unmount, which must see the latest value and the form it belongs to.
  const latest = useRef(state);
  latest.current = state;
  const emptyRef = useRef(empty);
  emptyRef.current = empty;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const persist = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (!storage || signedOut.has(userId)) return;
    const { form: key, value } = latest.current;
    if (sameAs(value, emptyRef.current)) draftStore.remove(storage, userId, key);
    else draftStore.save(storage, userId, key, value);
  }, [storage, userId]);

  useEffect(() => {
    if (!state.edited) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(persist, DRAFT_SAVE_DELAY_MS);
  }, [state, persist]);

  // Leaving the page (or being sent to sign in) must not lose the last keystrokes.
  useEffect(() => {
    const flush = () => timer.current !== undefined && persist();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [persist]);

  const setValue = useCallback((update: T | ((previous: T) => T)) => {
    setState((s) => ({
      ...s,
      edited: true,
      value: typeof update === 'function' ? (update as (previous: T) => T)(s.value) : update,
    }));
  }, []);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const blank = { ...latest.current, value: emptyRef.current, restored: false, edited: false };
    latest.current = blank;
    setState(blank);
    if (storage) draftStore.remove(storage, userId, blank.form);
  }, [storage, userId]);

  return { value: state.value, setValue, clear, restored: state.restored };
}

function openDraft<T>(storage: Storage | null, userId: string, form: string, empty: T) {
  const draft = storage ? draftStore.load<T>(storage, userId, form) : null;
  // Fields added to the form since the draft was saved keep their empty value.
  const value =
    draft === null ? empty : isRecord(empty) && isRecord(draft) ? ({ ...empty, ...draft } as T) : draft;
  return { form, value, restored: !sameAs(value, empty), edited: false };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
