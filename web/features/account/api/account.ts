import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { forgetUserAfterSignOut, ME_KEY } from '../../../lib/session.ts';
import type {
  ChangePasswordBody,
  MeView,
  OkView,
  RecoveryCodesView,
  SessionView,
  TotpSetupView,
} from '../../../lib/types.ts';

/** A download link (the browser saves the attachment), not a query: the file is for the person, not the page. */
export const MY_DATA_EXPORT_URL = '/api/v1/me/data-export';

export function useUpdateDisplayName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (displayName: string) => api.patch<MeView>('/me', { displayName }),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post<OkView>('/me/password', body),
    // Changing the password may end the other sessions.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey }),
  });
}

export const sessionsQuery = queryOptions({
  queryKey: ['me', 'sessions'],
  queryFn: ({ signal }) => api.get<{ items: SessionView[] }>('/me/sessions', undefined, signal),
});

export function useSessions() {
  return useQuery(sessionsQuery);
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete<OkView>(`/me/sessions/${encodeURIComponent(sessionId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey }),
  });
}

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OkView>('/auth/logout-all'),
    onSuccess: () => forgetUserAfterSignOut(queryClient),
  });
}

function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true });
}

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetupView>('/me/totp/setup') });
}

export function useConfirmTotp() {
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodesView>('/me/totp/confirm', { code }),
    onSuccess: refreshMe,
  });
}

export function useDisableTotp() {
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (password: string) => api.post<OkView>('/me/totp/disable', { password }),
    onSuccess: refreshMe,
  });
}
