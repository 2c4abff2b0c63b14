import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Contract from '../../../../common/directory-api.ts';
import { api, withQuery } from '../../../lib/api.ts';
import { copyFirst } from '../../../lib/copy-first.ts';
import { organisationsQuery } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import { type DirectoryFilterState, searchFromFilters } from './filters.ts';
import { TASKS_KEY } from './tasks.ts';

export type OrganisationListItem = Contract.OrganisationListItem;
export type OrganisationDetail = Contract.OrganisationDetail;
export type DirectoryFacets = Contract.DirectoryFacets;
export type ContactView = Contract.ContactView;
export type PersonView = Contract.PersonView;
export type FinderView = Contract.FinderView;
export type VerificationQueueView = Contract.VerificationQueueView;
export type VerificationQueueItem = Contract.VerificationQueueItem;
export type VerificationChange = Contract.VerificationChange;
export type FinderResult = FinderView['items'][number];
export type TaxonomiesView = z.infer<typeof Contract.TaxonomiesView>;
export type UpdateOrganisationBody = z.input<typeof Contract.UpdateOrganisationBody>;
export type CreateOrganisationBody = z.input<typeof Contract.CreateOrganisationBody>;
export type CreatePersonBody = z.input<typeof Contract.CreatePersonBody>;
export type UpdatePersonBody = z.input<typeof Contract.UpdatePersonBody>;
export type ContactInput = z.input<typeof Contract.ContactInput>;

export interface OrganisationListPage {
  items: OrganisationListItem[];
  nextCursor: string | null;
  facets?: DirectoryFacets;
}

// ---- taxonomies: labels change rarely, so once per session is enough ------------------------------------
export const taxonomiesQuery = queryOptions({
  queryKey: ['directory', 'taxonomies'],
  queryFn: ({ signal }) => api.get<TaxonomiesView>('/taxonomies', undefined, signal),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: Number.POSITIVE_INFINITY,
});

export type TaxonomyGroup = Exclude<keyof TaxonomiesView, 'version'>;

export interface Labels {
  ready: boolean;
  /** The label of `code` in the UI language, looked up in `group` (or in every group); the code if unknown. */
  of: (code: string, group?: TaxonomyGroup) => string;
  options: (group: TaxonomyGroup) => { value: string; label: string }[];
}

export function useLabels(language: Language): Labels {
  const { data } = useQuery(taxonomiesQuery);
  const of = (code: string, group?: TaxonomyGroup) => {
    if (!data) return code;
    const groups = group
      ? [data[group]]
      : (Object.values(data).filter(Array.isArray) as TaxonomiesView[TaxonomyGroup][]);
    for (const entries of groups) {
      const entry = entries.find((e) => e.code === code);
      if (entry) return entry[language];
    }
    return code;
  };
  const options = (group: TaxonomyGroup) =>
    (data?.[group] ?? []).map((entry) => ({ value: entry.code, label: entry[language] }));
  return { ready: data !== undefined, of, options };
}

// ---- directory list ---------------------------------------------------------------------------------------
const PAGE_SIZE = 30;

export const directoryQuery = (filters: DirectoryFilterState, language: Language) => {
  const search = searchFromFilters(filters);
  search.set('lang', language);
  return infiniteQueryOptions({
    queryKey: ['directory', 'organisations', search.toString()],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(search);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      else params.set('facets', '1');
      return api.get<OrganisationListPage>(`/organizations?${params}`, undefined, signal);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While typing, the previous results stay on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
};

export function useDirectory(filters: DirectoryFilterState, language: Language) {
  return useInfiniteQuery(directoryQuery(filters, language));
}

/** The spreadsheet in the reader's language: Thai headers, labels and Buddhist-Era dates in Thai. */
export function exportOrganisationsUrl(filters: DirectoryFilterState, language: Language): string {
  const search = searchFromFilters(filters);
  search.set('lang', language);
  return `/api/v1/organizations/export.csv?${search}`;
}

export function exportPeopleUrl(organisationId: string, language: Language): string {
  return `/api/v1/people/export.csv?${new URLSearchParams({ organisationId, lang: language })}`;
}

export function vcardUrl(personId: string): string {
  return `/api/v1/people/${encodeURIComponent(personId)}/vcard`;
}

// ---- one organisation ---------------------------------------------------------------------------------------
export const organisationKey = (id: string) => ['directory', 'organisation', id] as const;

/** The API path of an organisation's page, which the offline copy notice also looks up. */
export const organisationPath = (id: string) => `/organizations/${encodeURIComponent(id)}`;

export const organisationQuery = (id: string) =>
  queryOptions({
    queryKey: organisationKey(id),
    queryFn: copyFirst(organisationPath(id), (signal) =>
      api.get<OrganisationDetail>(organisationPath(id), undefined, signal),
    ),
    staleTime: 30_000,
  });

export function useOrganisation(id: string) {
  return useQuery(organisationQuery(id));
}

function useStoreOrganisation() {
  const queryClient = useQueryClient();
  return (organisation: OrganisationDetail) => {
    queryClient.setQueryData(organisationKey(organisation.id), organisation);
    void queryClient.invalidateQueries({ queryKey: ['directory', 'organisations'] });
    void queryClient.invalidateQueries({ queryKey: ['directory', 'finder'] });
    void queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    void queryClient.invalidateQueries({ queryKey: VERIFICATION_QUEUE_KEY });
  };
}

export function useCreateOrganisation() {
  const store = useStoreOrganisation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationBody) => api.post<OrganisationDetail>('/organizations', body),
    onSuccess: (organisation) => {
      store(organisation);
      // Pickers (parent organisation, invitations) list every organisation.
      void queryClient.invalidateQueries({ queryKey: organisationsQuery.queryKey });
    },
  });
}

export function useUpdateOrganisation(id: string) {
  const store = useStoreOrganisation();
  return useMutation({
    mutationFn: (body: UpdateOrganisationBody) =>
      api.patch<OrganisationDetail>(`/organizations/${encodeURIComponent(id)}`, body),
    onSuccess: store,
  });
}

export function useMarkOrganisation(id: string) {
  const store = useStoreOrganisation();
  return useMutation({
    mutationFn: (mark: 'verify' | 'review') =>
      api.post<OrganisationDetail>(`/organizations/${encodeURIComponent(id)}/${mark}`),
    onSuccess: store,
  });
}

// ---- the Centre's verification review ----------------------------------------------------------------------
const VERIFICATION_QUEUE_KEY = ['directory', 'verification-queue'] as const;

export function useVerificationQueue() {
  return useQuery({
    queryKey: VERIFICATION_QUEUE_KEY,
    queryFn: ({ signal }) =>
      api.get<VerificationQueueView>('/directory/verification-queue', undefined, signal),
  });
}

/** Re-verifies an entry from the queue: its current contact fields become the verified ones. */
export function useReverify() {
  const store = useStoreOrganisation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: VerificationQueueItem) =>
      api.post<OrganisationDetail>(
        `/organizations/${encodeURIComponent(item.organisation.id)}/verify?seen=${item.fingerprint}`,
      ),
    onSuccess: store,
    // Changed again meanwhile: show the new values to review.
    onError: () => void queryClient.invalidateQueries({ queryKey: VERIFICATION_QUEUE_KEY }),
  });
}

/** The current record a 409 VERSION_CONFLICT carries, if it does. */
export function conflictCurrent(details: unknown): OrganisationDetail | undefined {
  const current = (details as { current?: unknown } | undefined)?.current;
  return current && typeof current === 'object' && 'version' in current
    ? (current as OrganisationDetail)
    : undefined;
}

// ---- finder ---------------------------------------------------------------------------------------------------
export interface FinderInput {
  service: string;
  province: string;
  language?: string;
  population?: string;
}

/** The API path (with query) of a finder answer, which the offline copy notice also looks up. */
export const finderPath = (input: FinderInput | null) => withQuery('/directory/finder', { ...input });

export function useFinder(input: FinderInput | null) {
  return useQuery({
    queryKey: ['directory', 'finder', input],
    queryFn: copyFirst(finderPath(input), (signal) =>
      api.get<FinderView>(finderPath(input), undefined, signal),
    ),
    enabled: input !== null,
    staleTime: 60_000,
  });
}

// ---- people ---------------------------------------------------------------------------------------------------
export const personQuery = (id: string) =>
  queryOptions({
    queryKey: ['directory', 'person', id],
    queryFn: ({ signal }) => api.get<PersonView>(`/people/${encodeURIComponent(id)}`, undefined, signal),
  });

export function usePerson(id: string) {
  return useQuery(personQuery(id));
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePersonBody) => api.patch<PersonView>(`/people/${encodeURIComponent(id)}`, body),
    onSuccess: (person) => {
      queryClient.setQueryData(['directory', 'person', id], person);
      void queryClient.invalidateQueries({ queryKey: organisationKey(person.organisation.id) });
      // A focal point's new number marks the entry changed since verification in the list too.
      void queryClient.invalidateQueries({ queryKey: ['directory', 'organisations'] });
      // Someone marked as left leaves roles to hand over.
      void queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    },
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonBody) => api.post<PersonView>('/people', body),
    onSuccess: (person) => {
      queryClient.setQueryData(['directory', 'person', person.id], person);
      void queryClient.invalidateQueries({ queryKey: organisationKey(person.organisation.id) });
      void queryClient.invalidateQueries({ queryKey: ['directory', 'people', person.organisation.id] });
    },
  });
}

export function useHandover(fromId: string, organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (toPersonId: string) =>
      api.post<unknown>(`/people/${encodeURIComponent(fromId)}/handover`, { toPersonId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['directory', 'person'] });
      void queryClient.invalidateQueries({ queryKey: organisationKey(organisationId) });
      void queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    },
  });
}

export function usePeopleOf(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['directory', 'people', organisationId],
    queryFn: ({ signal }) =>
      api.get<{ items: PersonView[]; nextCursor: string | null }>(
        '/people',
        { organisationId, active: 'true', limit: 100 },
        signal,
      ),
    enabled,
  });
}
