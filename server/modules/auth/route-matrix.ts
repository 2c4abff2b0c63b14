/** The auth module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import {
  anyone,
  freshResetToken,
  NEW_PASSWORD,
  quickUser,
  type RouteCase,
  signedIn,
  totpCode,
} from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'POST /api/v1/auth/login',
    sample: async ({ w }) => ({
      url: '/api/v1/auth/login',
      body: { email: w.loginTarget.email, password: w.loginTarget.password },
    }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/login/totp',
    sample: async ({ w }) => {
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      const user = await quickUser(w, { totpSecret: secret, totpEnabledAt: w.t.clock.now() });
      const first = await w.t.request('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: user.password },
      });
      return {
        url: '/api/v1/auth/login/totp',
        body: { challenge: first.body.challenge, code: await totpCode(w.t, secret) },
      };
    },
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/logout',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/auth/logout' }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/auth/logout-all',
    freshPerson: true,
    sample: async () => ({ url: '/api/v1/auth/logout-all' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/auth/password-reset/request',
    sample: async ({ w }) => ({
      url: '/api/v1/auth/password-reset/request',
      body: { email: w.loginTarget.email },
    }),
    expected: anyone(202),
  },
  {
    route: 'POST /api/v1/auth/password-reset/confirm',
    sample: async ({ w }) => {
      const user = await quickUser(w);
      return {
        url: '/api/v1/auth/password-reset/confirm',
        body: { token: await freshResetToken(w, user.id), password: NEW_PASSWORD },
      };
    },
    expected: anyone(200),
  },
];
