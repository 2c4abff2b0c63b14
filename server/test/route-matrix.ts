/**
 * The authorisation matrix: every /api/v1 route with a valid sample request and the status each role
 * should get. authorization.test.ts runs it; bad-input.test.ts corrupts the same samples. Each module keeps
 * its own cases in `server/modules/<f>/route-matrix.ts`, collected here; a route missing from every one
 * fails the coverage test, so a new endpoint cannot ship without its matrix entry.
 */
import type { RouteCase } from './route-matrix-kit.ts';

export * from './route-matrix-kit.ts';

const moduleMatrices = import.meta.glob<{ ROUTES: RouteCase[] }>('../modules/*/route-matrix.ts', {
  eager: true,
});

export const ROUTES: RouteCase[] = Object.keys(moduleMatrices)
  .sort()
  .flatMap((path) => moduleMatrices[path]!.ROUTES);
