import type { OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { Id } from '../../../common/api.ts';
import {
  MarkAllReadBody,
  MarkAllReadView,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferencesView,
  UnreadCountView,
  UpdateNotificationPreferencesBody,
} from '../../../common/notifications-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import type { NotificationRuntime, StreamClient } from './live.ts';
import * as service from './notifications.service.ts';

const tags = ['notifications'];
const params = z.object({ id: Id });
/** The browser's EventSource waits this long before reconnecting after a dropped stream. */
const RETRY_MS = 5_000;

export function notificationRoutes(app: App, deps: Deps, runtime: NotificationRuntime) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        operationId: 'notifications.list',
        tags,
        summary: 'My notifications, newest first (unread=true for unread only)',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...errorResponses },
      },
    },
    async (req) => service.listNotifications(deps.db, actorOf(req), req.query),
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        operationId: 'notifications.unreadCount',
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCountView, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(actor, 'notification.own', undefined);
      return { unread: await service.unreadCount(deps.db, actor.userId) };
    },
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        operationId: 'notifications.markRead',
        tags,
        summary: 'Mark one of my notifications read (404 for anyone else’s)',
        params,
        response: { 200: UnreadCountView, ...errorResponses },
      },
    },
    async (req) => service.markRead(deps.db, ctx(req), req.params.id),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        operationId: 'notifications.markAllRead',
        tags,
        summary: 'Mark all my notifications read, or those up to one I have seen (upTo)',
        body: MarkAllReadBody,
        response: { 200: MarkAllReadView, ...errorResponses },
      },
    },
    async (req) => service.markAllRead(deps.db, ctx(req), req.body),
  );

  app.get(
    '/api/v1/notifications/preferences',
    {
      schema: {
        operationId: 'notifications.getPreferences',
        tags,
        summary: 'When I am emailed, per kind of event: immediately, in a daily digest (07:00) or never',
        response: { 200: NotificationPreferencesView, ...errorResponses },
      },
    },
    async (req) => service.getPreferences(deps.db, actorOf(req)),
  );

  app.put(
    '/api/v1/notifications/preferences',
    {
      schema: {
        operationId: 'notifications.setPreferences',
        tags,
        summary: 'Set my email preferences (audited)',
        body: UpdateNotificationPreferencesBody,
        response: { 200: NotificationPreferencesView, ...errorResponses },
      },
    },
    async (req) => service.putPreferences(deps.db, ctx(req), req.body),
  );

  app.get(
    '/api/v1/notifications/stream',
    {
      config: { backgroundRead: true },
      schema: {
        operationId: 'notifications.stream',
        tags,
        summary: 'Live unread count (Server-Sent Events)',
        description:
          'A text/event-stream. `event: unread` with `{"unread": n}` on connecting and whenever the count ' +
          'changes (on any instance); a `: ping` comment every 25 s; `event: signed_out` then the end of ' +
          'the stream when the session has ended. Reconnect with EventSource.',
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'notification.own', undefined);
      const unread = await service.unreadCount(deps.db, actor.userId);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies (nginx) would otherwise hold the events back in a buffer.
        'x-accel-buffering': 'no',
      });
      const client: StreamClient = {
        userId: actor.userId,
        sessionId: actor.sessionId,
        write(event, data) {
          if (res.writableEnded || res.destroyed) return;
          res.write(event === null ? `: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`);
        },
        end() {
          if (!res.writableEnded) res.end();
        },
      };
      const remove = runtime.add(client);
      res.on('close', remove);
      res.write(`retry: ${RETRY_MS}\n\n`);
      client.write('unread', JSON.stringify({ unread }));
    },
  );
}
