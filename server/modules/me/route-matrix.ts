/** The me module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { randomUUID } from 'node:crypto';
import {
  extraSession,
  NEW_PASSWORD,
  type RouteCase,
  signedIn,
  totpCode,
} from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/me',
    sample: async () => ({ url: '/api/v1/me' }),
    expected: signedIn(200),
  },
  {
    route: 'PATCH /api/v1/me',
    sample: async () => ({
      url: '/api/v1/me',
      body: { displayName: `Somchai ${randomUUID().slice(0, 4)}`, language: 'en' },
    }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/password',
    freshPerson: true,
    sample: async ({ person }) => ({
      url: '/api/v1/me/password',
      body: { currentPassword: person?.user.password ?? 'whatever it was', newPassword: NEW_PASSWORD },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/me/sessions',
    sample: async () => ({ url: '/api/v1/me/sessions' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/session/extend',
    sample: async () => ({ url: '/api/v1/me/session/extend' }),
    expected: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/me/sessions/:id',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "other" is someone else's session: it must stay hidden, never ended.
      const owner = scope === 'own' && person ? person.user.id : w.bystander.id;
      return { url: `/api/v1/me/sessions/${(await extraSession(w, owner)).id}` };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' ? 200 : 404),
  },
  {
    route: 'POST /api/v1/me/totp/setup',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/me/totp/setup' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/totp/confirm',
    freshPerson: true,
    sample: async ({ w, person }) => {
      if (!person) return { url: '/api/v1/me/totp/confirm', body: { code: '123456' } };
      const setup = await w.t.request('POST', '/api/v1/me/totp/setup', { cookie: person.cookie });
      return { url: '/api/v1/me/totp/confirm', body: { code: await totpCode(w.t, setup.body.secret) } };
    },
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/me/totp/disable',
    sample: async ({ person }) => ({
      url: '/api/v1/me/totp/disable',
      body: { password: person?.user.password ?? 'a guess' },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/me/data-export',
    sample: async () => ({ url: '/api/v1/me/data-export' }),
    expected: signedIn(200),
  },
];
