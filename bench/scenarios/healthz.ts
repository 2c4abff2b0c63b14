import type { Scenario } from './types.ts';

/** The baseline: no database, no session. Every other scenario is reported relative to it. */
export const healthz: Scenario = {
  name: 'healthz',
  description: 'GET /healthz (liveness; no database)',
  request: () => ({ path: '/healthz' }),
};
