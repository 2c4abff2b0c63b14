import { OkView, Page } from '../../../common/api.ts';
import {
  LineDeliveryListQuery,
  LineDeliveryParams,
  LineDeliveryView,
  LinePreferencesView,
  LineQuotaView,
  LineStatusView,
  StartLineLinkBody,
  StartLineLinkView,
  UpdateLinePreferencesBody,
} from '../../../common/line-api.ts';
import { runAfterResponse } from '../../platform/after-response.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as deliveries from './deliveries.service.ts';
import * as service from './line.service.ts';
import { handleWebhook, LineWebhookBody, validLineSignature } from './webhook.ts';

const tags = ['line'];

export function lineRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });

  app.get(
    '/api/v1/line/me',
    {
      schema: {
        operationId: 'line.status',
        tags,
        summary: 'Whether LINE is set up on this server, and whether my account is linked to LINE',
        response: { 200: LineStatusView, ...errorResponses },
      },
    },
    async (req) => service.lineStatus(deps, actorOf(req)),
  );

  app.post(
    '/api/v1/line/link',
    {
      schema: {
        operationId: 'line.startLink',
        tags,
        summary: "Start linking LINE: a single-use nonce, and LINE's account-link page to go to",
        body: StartLineLinkBody,
        response: { 200: StartLineLinkView, ...errorResponses },
      },
    },
    async (req) => service.startLink(deps, ctx(req), req.body.linkToken),
  );

  app.delete(
    '/api/v1/line/link',
    {
      schema: {
        operationId: 'line.unlink',
        tags,
        summary: 'Unlink LINE from my account; nothing more is sent there',
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req) => {
      await service.unlink(deps, ctx(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/line/preferences',
    {
      schema: {
        operationId: 'line.preferences',
        tags,
        summary: 'My LINE preferences per kind of notification',
        response: { 200: LinePreferencesView, ...errorResponses },
      },
    },
    async (req) => service.getLinePreferences(deps.db, actorOf(req)),
  );

  app.put(
    '/api/v1/line/preferences',
    {
      schema: {
        operationId: 'line.updatePreferences',
        tags,
        summary: 'Replace my LINE preferences (immediately, daily digest or off per kind)',
        body: UpdateLinePreferencesBody,
        response: { 200: LinePreferencesView, ...errorResponses },
      },
    },
    async (req) => service.putLinePreferences(deps.db, ctx(req), req.body),
  );

  app.get(
    '/api/v1/line/quota',
    {
      schema: {
        operationId: 'line.quota',
        tags,
        summary: 'LINE messages used this month against the quota, and the LINE outbox backlog (admins)',
        response: { 200: LineQuotaView, ...errorResponses },
      },
    },
    async (req) => service.lineQuota(deps, actorOf(req)),
  );

  app.get(
    '/api/v1/line/deliveries',
    {
      schema: {
        operationId: 'line.deliveries',
        tags,
        summary:
          'LINE messages newest first: kind, recipient, state, attempts, last error; never the text (admins)',
        querystring: LineDeliveryListQuery,
        response: { 200: Page(LineDeliveryView), ...errorResponses },
      },
    },
    async (req) => deliveries.listDeliveries(deps.db, actorOf(req), req.query),
  );

  app.post(
    '/api/v1/line/deliveries/:id/retry',
    {
      schema: {
        operationId: 'line.retryDelivery',
        tags,
        summary: 'Send a failed LINE message again, with its same retry key (admins)',
        params: LineDeliveryParams,
        response: { 200: LineDeliveryView, ...errorResponses },
      },
    },
    async (req) => deliveries.retryDelivery(deps.db, ctx(req), req.params.id),
  );

  // The webhook keeps its body raw beside the parsed JSON: the signature is over the exact bytes LINE sent.
  // JSON is parsed by Fastify's own parser (same limits, same refusal of __proto__ keys) as everywhere else.
  app.register(async (scope: App) => {
    const parseJson = scope.getDefaultJsonParser('error', 'error');
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      const raw = body as Buffer;
      parseJson(req, raw.toString('utf8'), (err, json) => (err ? done(err) : done(null, { raw, json })));
    });
    scope.post(
      '/api/v1/line/webhook',
      {
        schema: {
          operationId: 'line.webhook',
          tags,
          summary: 'LINE Messaging API webhook (public; x-line-signature verified on the raw body)',
          response: { 200: OkView, ...errorResponses },
        },
      },
      async (req) => {
        const line = deps.config.line;
        if (!line) throw new AppError(404, 'NOT_FOUND', 'LINE is not set up on this TIPNet server');
        const { raw, json: parsed } = (req.body ?? { raw: Buffer.alloc(0), json: null }) as {
          raw: Buffer;
          json: unknown;
        };
        const signature = req.headers['x-line-signature'];
        const context = requestContext(deps, req);
        if (
          !validLineSignature(line.channelSecret, raw, typeof signature === 'string' ? signature : undefined)
        ) {
          await deps.db.transaction((tx) =>
            recordAudit(tx, context, { action: 'line.webhook_rejected', entityType: 'line_webhook' }),
          );
          throw new AppError(401, 'BAD_SIGNATURE', 'The LINE signature does not match');
        }
        const body = LineWebhookBody.safeParse(parsed);
        if (!body.success) throw new AppError(400, 'INVALID_BODY', 'Not a LINE webhook body');
        const later = await handleWebhook(deps, line, context, body.data.events);
        for (const work of later) runAfterResponse(req, work);
        return { ok: true as const };
      },
    );
  });
}
