/** The signed-in user behind the guard; apart from session.ts so drafts.ts needs no import of it (no cycle). */
import { createContext, useContext } from 'react';
import type { MeView } from './types.ts';

/**
 * Provided by the sign-in guard. A context rather than the query itself, so that pages being torn down
 * after sign-out never render with a missing user.
 */
export const SignedInMeContext = createContext<MeView | null>(null);

/** For components rendered only behind the sign-in guard. */
export function useSignedInMe(): MeView {
  const me = useContext(SignedInMeContext);
  if (!me) throw new Error('useSignedInMe used outside a signed-in route');
  return me;
}
