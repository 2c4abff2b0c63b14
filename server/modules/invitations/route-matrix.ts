/** The invitations module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice.ts';
import {
  anyone,
  freshInvitation,
  NEW_PASSWORD,
  orgManaged,
  orgOf,
  type RouteCase,
  strangerEmail,
} from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'POST /api/v1/invitations/preview',
    sample: async ({ w }) => ({
      url: '/api/v1/invitations/preview',
      body: { token: (await freshInvitation(w)).token },
    }),
    expected: anyone(200),
  },
  {
    route: 'POST /api/v1/invitations/accept',
    sample: async ({ w }) => ({
      url: '/api/v1/invitations/accept',
      body: {
        token: (await freshInvitation(w)).token,
        displayName: 'Malee Srisuk',
        password: NEW_PASSWORD,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      },
    }),
    expected: anyone(200),
  },
  {
    route: 'GET /api/v1/invitations',
    scoped: true,
    paged: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/invitations?organisationId=${orgOf(w, scope).id}&limit=5`,
    }),
    expected: orgManaged(200, 403),
  },
  {
    route: 'POST /api/v1/invitations',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: '/api/v1/invitations',
      body: { email: strangerEmail(), organisationId: orgOf(w, scope).id, role: 'member', language: 'en' },
    }),
    expected: orgManaged(201, 403),
  },
  {
    route: 'POST /api/v1/invitations/:id/revoke',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/invitations/${(await freshInvitation(w, { organisationId: orgOf(w, scope).id })).id}/revoke`,
    }),
    expected: orgManaged(200, 404),
  },
];
