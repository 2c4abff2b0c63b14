/** The board's view, filters and sort as they live in the URL (like the directory's), so a view is a link. */
import { type PROBLEM_SORTS, PROBLEM_VIEWS } from '../../../../common/problem-views.ts';

export const LIST_FILTERS = ['type', 'state', 'category', 'sector', 'province'] as const;
export const FLAG_FILTERS = ['overdue', 'supportedByMyOrganisation'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
export type FlagFilter = (typeof FLAG_FILTERS)[number];
export type ProblemView = (typeof PROBLEM_VIEWS)[number];
export type ProblemSort = Exclude<(typeof PROBLEM_SORTS)[number], 'relevance'>;
export const SORTS: readonly ProblemSort[] = ['newest', 'most_supported', 'oldest_open', 'nearest_deadline'];

export type ProblemFilterState = {
  q: string;
  view: ProblemView;
  /** Empty: the server's default (best match when searching, else newest). */
  sort: ProblemSort | '';
  assignedOrganisationId: string;
} & Record<ListFilter, string[]> &
  Record<FlagFilter, boolean>;

const isView = (v: string | null): v is ProblemView => (PROBLEM_VIEWS as readonly string[]).includes(v ?? '');
const isSort = (v: string | null): v is ProblemSort => (SORTS as readonly string[]).includes(v ?? '');

export function filtersFromSearch(search: URLSearchParams): ProblemFilterState {
  const view = search.get('view');
  const sort = search.get('sort');
  const state = {
    q: search.get('q') ?? '',
    view: isView(view) ? view : 'all',
    sort: isSort(sort) ? sort : '',
    assignedOrganisationId: search.get('assignedOrganisationId') ?? '',
  } as ProblemFilterState;
  for (const key of LIST_FILTERS) state[key] = [...new Set(search.getAll(key).filter(Boolean))];
  for (const key of FLAG_FILTERS) state[key] = search.get(key) === '1' || search.get(key) === 'true';
  return state;
}

/** The parameters the API takes, in a stable order so query keys match; defaults are left out. */
export function searchFromFilters(state: ProblemFilterState): URLSearchParams {
  const search = new URLSearchParams();
  const q = state.q.trim();
  if (q) search.set('q', q);
  if (state.view !== 'all') search.set('view', state.view);
  if (state.sort) search.set('sort', state.sort);
  for (const key of LIST_FILTERS) for (const value of [...state[key]].sort()) search.append(key, value);
  if (state.assignedOrganisationId) search.set('assignedOrganisationId', state.assignedOrganisationId);
  for (const key of FLAG_FILTERS) if (state[key]) search.set(key, '1');
  return search;
}

/** How many filters (not the view, sort or search text) are active, for the "Filters (3)" button. */
export function activeFilterCount(state: ProblemFilterState): number {
  return (
    LIST_FILTERS.reduce((sum, key) => sum + state[key].length, 0) +
    FLAG_FILTERS.filter((key) => state[key]).length +
    (state.assignedOrganisationId ? 1 : 0)
  );
}

/** Clears the filters, keeping what the user searched for, the view and the sort. */
export function withoutFilters(state: ProblemFilterState): ProblemFilterState {
  return filtersFromSearch(
    new URLSearchParams({
      ...(state.q ? { q: state.q } : {}),
      view: state.view,
      ...(state.sort ? { sort: state.sort } : {}),
    }),
  );
}
