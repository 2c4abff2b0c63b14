import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from './api.ts';
import type { Language, OrganisationSummary, Page } from './types.ts';

/** Organisations are needed by several features (directory, invitations), so their query lives here. */
export const organisationsQuery = infiniteQueryOptions({
  queryKey: ['organisations'],
  queryFn: ({ pageParam, signal }) =>
    api.get<Page<OrganisationSummary>>('/organizations', { cursor: pageParam, limit: 100 }, signal),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
  staleTime: 5 * 60_000,
});

export function useOrganisations() {
  return useInfiniteQuery(organisationsQuery);
}

export function organisationName(
  organisation: Pick<OrganisationSummary, 'nameTh' | 'nameEn'>,
  language: Language,
) {
  return language === 'th' ? organisation.nameTh : organisation.nameEn;
}

/** Every organisation, for pickers: follows the cursor to the end (the network has tens, not thousands). */
export function useAllOrganisations() {
  const query = useOrganisations();
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { ...query, organisations: query.data?.pages.flatMap((page) => page.items) ?? [] };
}

export function organisationOptions(organisations: OrganisationSummary[], language: Language) {
  return organisations
    .map((organisation) => ({ value: organisation.id, label: organisationName(organisation, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
