/** The LINE module's routes in the authorisation matrix (the matrix app has no LINE channel configured). */
import { randomUUID } from 'node:crypto';
import { lineLinks, lineOutbox } from '../../db/schema/index.ts';
import { adminOnly, anyone, type RouteCase, signedIn, type World } from '../../test/route-matrix-kit.ts';

/** A failed LINE message to the bystander, who has LINE linked: what an admin may retry. */
async function failedDelivery(w: World) {
  const now = w.t.clock.now();
  await w.t.db
    .insert(lineLinks)
    .values({ userId: w.bystander.id, lineUserId: `U${randomUUID().replaceAll('-', '')}`, linkedAt: now })
    .onConflictDoNothing();
  const id = randomUUID();
  await w.t.db.insert(lineOutbox).values({
    id,
    userId: w.bystander.id,
    kind: 'coordination',
    text: 'คำขอประสานงาน',
    retryKey: randomUUID(),
    status: 'failed',
    attempts: 8,
    nextAttemptAt: now,
    lastError: 'LINE POST /v2/bot/message/push answered 500',
    createdAt: now,
  });
  return id;
}

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/line/me',
    sample: async () => ({ url: '/api/v1/line/me' }),
    expected: signedIn(200),
  },
  {
    // Refused with 409 LINE_NOT_CONFIGURED once signed in: the matrix app has no LINE channel.
    route: 'POST /api/v1/line/link',
    sample: async () => ({ url: '/api/v1/line/link', body: { linkToken: 'abc123' } }),
    expected: signedIn(409),
  },
  {
    route: 'DELETE /api/v1/line/link',
    sample: async () => ({ url: '/api/v1/line/link' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/line/preferences',
    sample: async () => ({ url: '/api/v1/line/preferences' }),
    expected: signedIn(200),
  },
  {
    route: 'PUT /api/v1/line/preferences',
    sample: async () => ({
      url: '/api/v1/line/preferences',
      body: {
        myProblems: 'immediately',
        assignedToMyOrganisation: 'daily',
        followed: 'off',
        mentions: 'immediately',
        coordination: 'immediately',
        criticalEscalation: 'immediately',
      },
    }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/line/quota',
    sample: async () => ({ url: '/api/v1/line/quota' }),
    expected: adminOnly(200),
  },
  {
    route: 'GET /api/v1/line/deliveries',
    paged: true,
    sample: async () => ({ url: '/api/v1/line/deliveries?limit=5' }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/line/deliveries/:id/retry',
    sample: async ({ w }) => ({ url: `/api/v1/line/deliveries/${await failedDelivery(w)}/retry` }),
    expected: adminOnly(200),
  },
  {
    // Public (LINE calls it); without a LINE channel it does not exist for anyone. No sample body: the
    // body is LINE's, read only after its signature holds, so the field-by-field checks do not apply.
    route: 'POST /api/v1/line/webhook',
    sample: async () => ({ url: '/api/v1/line/webhook' }),
    expected: anyone(404),
  },
];
