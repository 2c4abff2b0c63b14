/** The users module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { orgManaged, orgOf, quickUser, type RouteCase } from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/users',
    scoped: true,
    paged: true,
    sample: async ({ w, scope }) => ({ url: `/api/v1/users?organisationId=${orgOf(w, scope).id}&limit=5` }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    scoped: true,
    sample: async ({ w, scope }) => {
      const target = await quickUser(w, { role: 'member', organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/users/${target.id}`, body: { role: 'observer' } };
    },
    expected: orgManaged(200, 404),
  },
  {
    route: 'POST /api/v1/users/:id/anonymise',
    scoped: true,
    sample: async ({ w, scope }) => {
      const target = await quickUser(w, { role: 'member', organisationId: orgOf(w, scope).id });
      return { url: `/api/v1/users/${target.id}/anonymise` };
    },
    // Only the Centre; an org admin sees their own people (403) but not another organisation's (404).
    expected: (who, scope) =>
      who === 'anonymous' ? 401 : who === 'admin' ? 200 : who === 'org_admin' && scope === 'own' ? 403 : 404,
  },
];
