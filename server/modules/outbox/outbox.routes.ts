import { and, desc, eq, lt, or } from 'drizzle-orm';
import { OutboxEmailView, OutboxListQuery, Page } from '../../../common/api.ts';
import { outboxEmails } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext } from '../../platform/http.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize } from '../../platform/policy.ts';

export function outboxRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/outbox',
    {
      schema: {
        operationId: 'outbox.list',
        tags: ['email'],
        summary: 'Emails TIPNet has sent or holds, newest first (admins)',
        querystring: OutboxListQuery,
        response: { 200: Page(OutboxEmailView), ...errorResponses },
      },
    },
    async (req) => {
      authorize(requestContext(deps, req).actor, 'outbox.read', undefined);
      const q = req.query;
      const after = decodeCursor(q.cursor, { key: 'date', id: 'uuid' });
      const rows = await deps.db
        .select()
        .from(outboxEmails)
        .where(
          and(
            q.status ? eq(outboxEmails.status, q.status) : undefined,
            after
              ? or(
                  lt(outboxEmails.createdAt, new Date(after.k)),
                  and(eq(outboxEmails.createdAt, new Date(after.k)), lt(outboxEmails.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
        .limit(q.limit + 1);
      return toPage(
        rows,
        q.limit,
        (e) => ({ k: e.createdAt.toISOString(), id: e.id }),
        (e) => ({
          id: e.id,
          to: e.to,
          subject: e.subject,
          text: e.text,
          kind: e.kind,
          status: e.status,
          attempts: e.attempts,
          lastError: e.lastError,
          createdAt: e.createdAt.toISOString(),
          sentAt: e.sentAt?.toISOString() ?? null,
        }),
      );
    },
  );
}
