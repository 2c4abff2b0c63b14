/** The notifications module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { buildNotification } from '../../test/notification-factories.ts';
import { type RouteCase, signedIn } from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/notifications',
    paged: true,
    sample: async () => ({ url: '/api/v1/notifications?limit=5' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/unread-count',
    sample: async () => ({ url: '/api/v1/notifications/unread-count' }),
    expected: signedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/:id/read',
    scoped: true,
    sample: async ({ w, scope, person }) => {
      // "own" is the actor's own notification, "other" someone else's: it stays hidden, never marked.
      const recipient = scope === 'own' && person ? person.user.id : w.bystander.id;
      const n = await buildNotification(w.t.db, {
        recipientUserId: recipient,
        reporterUserId: w.bystander.id,
      });
      return { url: `/api/v1/notifications/${n.id}/read` };
    },
    expected: (who, scope) => (who === 'anonymous' ? 401 : scope === 'own' ? 200 : 404),
  },
  {
    route: 'POST /api/v1/notifications/read-all',
    sample: async ({ w, person }) => {
      if (!person) return { url: '/api/v1/notifications/read-all', body: {} };
      const n = await buildNotification(w.t.db, {
        recipientUserId: person.user.id,
        reporterUserId: w.bystander.id,
      });
      return { url: '/api/v1/notifications/read-all', body: { upTo: n.id } };
    },
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/preferences',
    sample: async () => ({ url: '/api/v1/notifications/preferences' }),
    expected: signedIn(200),
  },
  {
    route: 'PUT /api/v1/notifications/preferences',
    sample: async () => ({
      url: '/api/v1/notifications/preferences',
      body: {
        myProblems: 'immediately',
        assignedToMyOrganisation: 'daily',
        followed: 'off',
        mentions: 'immediately',
      },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/stream',
    stream: true,
    sample: async () => ({ url: '/api/v1/notifications/stream' }),
    expected: signedIn(200),
  },
];
