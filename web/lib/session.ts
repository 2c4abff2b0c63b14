/** Who is signed in. Shared by the route guards, the app shell and every feature that needs the actor. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, isApiError } from './api.ts';
import { applyLanguage } from './i18n.ts';
import { clearOfflineData } from './offline.ts';
import type { Language, MeView, OkView } from './types.ts';

export const ME_KEY = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async ({ signal }): Promise<MeView | null> => {
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
  },
  staleTime: 5 * 60_000,
});

/** `data` is null when signed out, undefined while loading. */
export function useMe() {
  return useQuery(meQuery);
}

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

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OkView>('/auth/logout'),
    // Whatever the server said, this device is done with the session.
    onSettled: async () => {
      await clearOfflineData();
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
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
