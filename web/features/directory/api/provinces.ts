/** The directory by province: the cartogram's links and the printable contact sheet of one province. */
import { useQuery } from '@tanstack/react-query';
import type * as Contract from '../../../../common/directory-api.ts';
import { api } from '../../../lib/api.ts';
import { type DirectoryFilterState, searchFromFilters } from './filters.ts';

export type ContactSheetView = Contract.ContactSheetView;
export type ContactSheetEntry = ContactSheetView['items'][number];
export type ContactSheetPerson = ContactSheetEntry['people'][number];

const PROVINCE_CODE = /^TH-\d{2}$/;

/** The same filters for every province: what the map and a contact sheet keep from the list. */
export function withoutProvince(state: DirectoryFilterState): DirectoryFilterState {
  return { ...state, province: [] };
}

/** The one province the list is filtered to (not "nationwide" or "abroad"), if exactly one. */
export function singleProvince(state: DirectoryFilterState): string | null {
  const [only, ...others] = state.province;
  return only && others.length === 0 && PROVINCE_CODE.test(only) ? only : null;
}

/** The directory list filtered to `coverage` (a province, "nationwide" or "abroad"), keeping the other filters. */
export function coverageListPath(coverage: string, filters: DirectoryFilterState): string {
  return `/organisations?${searchFromFilters({ ...filters, province: [coverage] })}`;
}

/** The cartogram, or the list, with the same filters. */
export function directoryViewPath(view: 'list' | 'map', filters: DirectoryFilterState): string {
  const search = searchFromFilters(filters).toString();
  return `/organisations${view === 'map' ? '/map' : ''}${search ? `?${search}` : ''}`;
}

/** The printable contact sheet of a province, with the other filters in use. */
export function contactSheetPath(code: string, filters: DirectoryFilterState): string {
  const search = searchFromFilters(withoutProvince(filters)).toString();
  return `/organisations/provinces/${encodeURIComponent(code)}/sheet${search ? `?${search}` : ''}`;
}

export function useContactSheet(code: string, filters: DirectoryFilterState, enabled = true) {
  const search = searchFromFilters(withoutProvince(filters)).toString();
  return useQuery({
    queryKey: ['directory', 'contact-sheet', code, search],
    queryFn: ({ signal }) =>
      api.get<ContactSheetView>(
        `/directory/provinces/${encodeURIComponent(code)}/contact-sheet${search ? `?${search}` : ''}`,
        undefined,
        signal,
      ),
    enabled,
    staleTime: 60_000,
  });
}
