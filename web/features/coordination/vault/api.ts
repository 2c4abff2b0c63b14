/** The vault of one coordination request: its summary (never values), and the actions on it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Contract from '../../../../common/coordination-vault-api.ts';
import { api } from '../../../lib/api.ts';

export type VaultView = Contract.VaultView;
export type VaultContents = Contract.VaultContents;
type EntryInput = z.input<typeof Contract.CreateVaultEntryBody>;
type ConsentInput = z.input<typeof Contract.RecordConsentBody>;

const base = (requestId: string) => `/coordination/requests/${encodeURIComponent(requestId)}/vault`;
export const vaultKey = (requestId: string) => ['coordination', 'vault', requestId] as const;

export const useVault = (requestId: string, requestState?: string) =>
  useQuery({
    queryKey: [...vaultKey(requestId), requestState ?? ''],
    queryFn: ({ signal }) => api.get<VaultView>(base(requestId), undefined, signal),
  });

/** Every action answers the new summary; the cached one is replaced, contents are never cached. */
function useVaultAction<I>(requestId: string, send: (input: I) => Promise<VaultView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: vaultKey(requestId) }),
  });
}

export const useAddEntry = (requestId: string) =>
  useVaultAction(requestId, (input: EntryInput) => api.post<VaultView>(`${base(requestId)}/entries`, input));
export const useUpdateEntry = (requestId: string) =>
  useVaultAction(requestId, ({ id, ...input }: EntryInput & { id: string }) =>
    api.patch<VaultView>(`${base(requestId)}/entries/${encodeURIComponent(id)}`, input),
  );
export const useRemoveEntry = (requestId: string) =>
  useVaultAction(requestId, (id: string) =>
    api.delete<VaultView>(`${base(requestId)}/entries/${encodeURIComponent(id)}`),
  );
export const useRecordConsent = (requestId: string) =>
  useVaultAction(requestId, (input: ConsentInput) =>
    api.post<VaultView>(`${base(requestId)}/consent`, input),
  );
export const useOverride = (requestId: string) =>
  useVaultAction(requestId, (reason: string) =>
    api.post<VaultView>(`${base(requestId)}/override`, { reason }),
  );
export const useBreakGlass = (requestId: string) =>
  useVaultAction(requestId, (input: { reason: string; minutes: number }) =>
    api.post<VaultView>(`${base(requestId)}/break-glass`, input),
  );
export const useCloseBreakGlass = (requestId: string) =>
  useVaultAction(requestId, () => api.post<VaultView>(`${base(requestId)}/break-glass/close`));

/** Reading is a POST with its purpose (audited); the answer lives only in the component's state. */
export const useReveal = (requestId: string) =>
  useMutation({
    mutationFn: (purpose: string) => api.post<VaultContents>(`${base(requestId)}/reveal`, { purpose }),
  });
export const useLegalHold = (requestId: string) =>
  useVaultAction(requestId, (input: { hold: boolean; reason: string }) =>
    api.put<VaultView>(`${base(requestId)}/legal-hold`, input),
  );

/** A file or blob as a data: URL (base64; the server ignores the prefix of an upload). */
export const asDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
export const useAddPhoto = (requestId: string) =>
  useVaultAction(requestId, async (file: File) =>
    api.post<VaultView>(`${base(requestId)}/photos`, { contentBase64: await asDataUrl(file) }),
  );
/** Viewing a photo is a POST with its purpose (audited); the image lives only in the component. */
export const useViewPhoto = (requestId: string) =>
  useMutation({
    mutationFn: ({ photoId, purpose }: { photoId: string; purpose: string }) =>
      api.postForBlob(`${base(requestId)}/photos/${encodeURIComponent(photoId)}/view`, { purpose }),
  });
