import type { Scenario } from './types.ts';

/** The cheapest authenticated read: session lookup (one query) plus the user and organisation. */
export const me: Scenario = {
  name: 'me',
  description: 'GET /api/v1/me as a signed-in member',
  request: (ctx) => ({ path: '/api/v1/me', headers: ctx.authHeaders }),
};
