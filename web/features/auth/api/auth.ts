import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { ME_KEY } from '../../../lib/session.ts';
import type {
  AcceptInvitationBody,
  InvitationPreview,
  LoginBody,
  LoginResult,
  MeView,
  OkView,
} from '../../../lib/types.ts';

function useRememberSignedIn() {
  const queryClient = useQueryClient();
  return (me: MeView) => queryClient.setQueryData(ME_KEY, me);
}

export function useLogin() {
  const remember = useRememberSignedIn();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/auth/login', body),
    onSuccess: (result) => {
      if (result.status === 'ok') remember(result.me);
    },
  });
}

export function useLoginWithTotp() {
  const remember = useRememberSignedIn();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) =>
      api.post<LoginResult>('/auth/login/totp', body),
    onSuccess: (result) => {
      if (result.status === 'ok') remember(result.me);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post<OkView>('/auth/password-reset/request', { email }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      api.post<OkView>('/auth/password-reset/confirm', body),
  });
}

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation-preview', token],
    queryFn: () => api.post<InvitationPreview>('/invitations/preview', { token }),
    retry: false,
  });

export function useInvitationPreview(token: string | null) {
  return useQuery({ ...invitationPreviewQuery(token ?? ''), enabled: Boolean(token) });
}

export function useAcceptInvitation() {
  const remember = useRememberSignedIn();
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) => api.post<MeView>('/invitations/accept', body),
    onSuccess: remember,
  });
}
