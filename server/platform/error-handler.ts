import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { AppError } from './errors.ts';

type Body = { error: { code: string; message: string; details?: unknown; requestId: string } };

/** Fastify's own client errors, by code, with a stable code of ours. */
const FASTIFY_CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_CONTENT_LENGTH',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** One place maps every failure to the API's error body; 5xx details never leave the server. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, code: string, message: string, details?: unknown) => {
      const body: Body = { error: { code, message, requestId: String(req.id) } };
      if (details !== undefined) body.error.details = details;
      return reply.status(status).type('application/json').send(body);
    };

    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return send(err.statusCode, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return send(400, 'VALIDATION_FAILED', 'The request is not valid', details);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
    }
    // Drizzle wraps driver errors (DrizzleQueryError), so the SQLSTATE sits on `cause`.
    const sqlState = (err as { code?: string }).code ?? (err.cause as { code?: string } | undefined)?.code;
    if (sqlState === '23505') {
      return send(409, 'CONFLICT', 'This already exists');
    }
    // Text PostgreSQL cannot store; input-guard.ts refuses it up front, this is the backstop.
    if (sqlState === '22021' || sqlState === '22P05') {
      return send(400, 'INVALID_TEXT', 'The request contains characters that cannot be stored');
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return send(503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable; try again shortly');
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CLIENT_ERRORS[err.code] ?? (status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
      const message = code === 'INVALID_JSON' ? 'The request body is not valid JSON' : err.message;
      return send(status, code, message);
    }
    // The route's pattern, not its URL: it says where without carrying ids or search words into the log.
    req.log.error({ err, method: req.method, route: req.routeOptions.url }, 'unhandled error');
    return send(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
  });
}

/** Errors Fastify's router raises before any route runs (bad percent-encoding, over-long path parameters). */
export function frameworkErrorHandler(_err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.header('x-request-id', req.id);
  const body: Body = {
    error: { code: 'INVALID_URL', message: 'The URL is not valid', requestId: String(req.id) },
  };
  return reply.status(400).type('application/json').send(body);
}
