import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { Page, UpdateUserBody, UserView } from '../../../lib/types.ts';

export interface UserFilters {
  q?: string;
  organisationId?: string;
}

export const usersQuery = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: ['users', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<UserView>>('/users', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(usersQuery(filters));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: UpdateUserBody & { id: string }) =>
      api.patch<UserView>(`/users/${encodeURIComponent(id)}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** PDPA: someone who left is signed out for good and their name and email erased (admins only). */
export function useAnonymiseUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<UserView>(`/users/${encodeURIComponent(id)}/anonymise`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
