import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromSearch, searchFromFilters, withoutFilters } from './filters.ts';

describe('problem board filters in the URL', () => {
  it('round-trips every filter, view and sort in a stable order', () => {
    const url = new URLSearchParams(
      'view=assigned&sort=most_supported&state=submitted&state=assigned&category=shelter_protection&sector=government&province=TH-85&type=problem&assignedOrganisationId=a&overdue=1&supportedByMyOrganisation=1&q=ล่าม',
    );
    const state = filtersFromSearch(url);
    expect(state).toMatchObject({
      q: 'ล่าม',
      view: 'assigned',
      sort: 'most_supported',
      state: ['submitted', 'assigned'],
      overdue: true,
      supportedByMyOrganisation: true,
    });
    expect(searchFromFilters(state).toString()).toBe(
      'q=%E0%B8%A5%E0%B9%88%E0%B8%B2%E0%B8%A1&view=assigned&sort=most_supported&type=problem&state=assigned&state=submitted&category=shelter_protection&sector=government&province=TH-85&assignedOrganisationId=a&overdue=1&supportedByMyOrganisation=1',
    );
    expect(activeFilterCount(state)).toBe(9);
  });

  it('ignores unknown views and sorts and leaves defaults out of the URL', () => {
    const state = filtersFromSearch(new URLSearchParams('view=everything&sort=random'));
    expect(state.view).toBe('all');
    expect(state.sort).toBe('');
    expect(searchFromFilters(state).toString()).toBe('');
  });

  it('clears filters but keeps the search, view and sort', () => {
    const state = filtersFromSearch(
      new URLSearchParams('q=x&view=mine&sort=newest&state=resolved&overdue=1'),
    );
    expect(searchFromFilters(withoutFilters(state)).toString()).toBe('q=x&view=mine&sort=newest');
  });
});
