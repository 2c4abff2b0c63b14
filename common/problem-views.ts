/**
 * The board's views and sorts, apart from the Zod contract so the board's first screen loads without it.
 * mine: raised by my organisation; assigned: my organisation is responsible; triage: the Centre's queue.
 */
export const PROBLEM_VIEWS = ['all', 'mine', 'assigned', 'triage'] as const;
export const PROBLEM_SORTS = [
  'newest',
  'most_supported',
  'oldest_open',
  'nearest_deadline',
  'relevance',
] as const;
