/** The directory's filters as they live in the URL, so a filtered view can be shared as a link. */

export const LIST_FILTERS = [
  'sector',
  'type',
  'theme',
  'service',
  'province',
  'language',
  'population',
] as const;
export const FLAG_FILTERS = ['hotline24h', 'verified', 'stale'] as const;

export type ListFilter = (typeof LIST_FILTERS)[number];
export type FlagFilter = (typeof FLAG_FILTERS)[number];

export type DirectoryFilterState = { q: string } & Record<ListFilter, string[]> & Record<FlagFilter, boolean>;

export function filtersFromSearch(search: URLSearchParams): DirectoryFilterState {
  const state = { q: search.get('q') ?? '' } as DirectoryFilterState;
  for (const key of LIST_FILTERS) state[key] = unique(search.getAll(key).filter(Boolean));
  for (const key of FLAG_FILTERS) state[key] = search.get(key) === '1' || search.get(key) === 'true';
  return state;
}

/** The same parameters the API takes (`theme=a&theme=b`), in a stable order so query keys match. */
export function searchFromFilters(state: DirectoryFilterState): URLSearchParams {
  const search = new URLSearchParams();
  const q = state.q.trim();
  if (q) search.set('q', q);
  for (const key of LIST_FILTERS) for (const value of [...state[key]].sort()) search.append(key, value);
  for (const key of FLAG_FILTERS) if (state[key]) search.set(key, '1');
  return search;
}

/** How many filters (not the search text) are active, for the "Filters (3)" button. */
export function activeFilterCount(state: DirectoryFilterState): number {
  return (
    LIST_FILTERS.reduce((sum, key) => sum + state[key].length, 0) +
    FLAG_FILTERS.filter((key) => state[key]).length
  );
}

export function emptyFilters(q = ''): DirectoryFilterState {
  return filtersFromSearch(new URLSearchParams(q ? { q } : {}));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The province a search text names ("ระนอง", "จ.ระนอง", "จังหวัดระนอง", "Ranong"), if it names one: the
 * empty directory then offers the province filter, which also finds organisations working nationwide.
 */
export function provinceNamed(
  q: string,
  provinces: readonly { code: string; th: string; en: string }[],
): string | null {
  const name = q
    .trim()
    .toLowerCase()
    .replace(/^(จังหวัด|จ\.)\s*/, '')
    .replace(/\s+province$/, '');
  if (!name) return null;
  const found = provinces.find((p) => p.th === name || p.en.toLowerCase() === name);
  return found?.code ?? null;
}
