/** Who is signed in. Shared by the route guards, the app shell and every feature that needs the actor. */
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, isApiError } from './api.ts';
import { copyFirst } from './copy-first.ts';
import { clearDraftsOf } from './drafts.ts';
import { applyLanguage } from './i18n.ts';
import { clearOfflineData } from './offline.ts';
import { clearSendQueue } from './send-queue.ts';
import { clearSessionExpiredNotice, forgetSessionExpiry, markSessionExpired } from './session-expiry.ts';
import type { Language, MeView, OkView, SessionExpiryView } from './types.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(signal: AbortSignal): Promise<MeView | null> {
  try {
    return await api.get<MeView>('/me', undefined, signal);
  } catch (error) {
    if (isApiError(error, 401)) {
      // Whoever signs in next on this device must not find the last user's offline copies.
      await clearOfflineData();
      return null;
    }
    throw error;
  }
}

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  // The copy at once: it is this device's last answer, shown offline anyway, and the page's own reads
  // wait for it. The server's answer follows and signs out a user whose session has ended.
  queryFn: copyFirst('/me', fetchMe, 0),
  staleTime: 5 * 60_000,
});

/** `data` is null when signed out, undefined while loading. */
export function useMe() {
  return useQuery(meQuery);
}

export { SignedInMeContext, useSignedInMe } from './signed-in.ts';

/** Signing out on purpose: this device keeps nothing of the user, drafts included. */
export function forgetUserAfterSignOut(queryClient: QueryClient) {
  const me = queryClient.getQueryData<MeView | null>(ME_KEY);
  if (me) {
    clearDraftsOf(me.user.id);
    clearSendQueue(me.user.id);
  }
  // Contact details kept for offline reading go with the session (the service worker's copies too).
  void clearOfflineData();
  forgetSessionExpiry();
  clearSessionExpiredNotice();
  queryClient.clear();
  queryClient.setQueryData(ME_KEY, null);
}

/**
 * The session ran out while the user was working: the guard sends them to sign in, which says so, and
 * their drafts stay for when they are back.
 */
export function forgetUserAfterExpiry(queryClient: QueryClient) {
  if (queryClient.getQueryData(ME_KEY)) markSessionExpired();
  forgetSessionExpiry();
  queryClient.setQueryData(ME_KEY, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    // Offline too: TanStack would otherwise hold the sign-out (and the queue's clearing) until online.
    networkMode: 'always',
    mutationFn: () => api.post<OkView>('/auth/logout'),
    // Whatever the server said, this device is done with the session, and with what waited to be sent.
    onSettled: () => forgetUserAfterSignOut(queryClient),
  });
}

/** "Stay signed in": the server renews the session; the answer's header moves the warning on. */
export function useExtendSession() {
  return useMutation({ mutationFn: () => api.post<SessionExpiryView>('/me/session/extend') });
}

/**
 * The warning ran out unanswered: end the session on the server too (as GOV.UK services do), so the
 * device left on a desk is signed out, but keep the drafts.
 */
export function useEndExpiredSession() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      api
        .post<OkView>('/auth/logout')
        .catch(() => undefined)
        .finally(() => forgetUserAfterExpiry(queryClient)),
    [queryClient],
  );
}

/** Switches the language at once and, when signed in, saves it on the account for every device. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const save = useMutation({
    mutationFn: (language: Language) => api.patch<MeView>('/me', { language }),
    onSuccess: (updated) => queryClient.setQueryData(ME_KEY, updated),
  });
  return (language: Language) => {
    applyLanguage(language);
    if (me && me.user.language !== language) save.mutate(language);
  };
}
