/** Fastify wiring shared by every module: the typed app, request context, error bodies, cookies. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BACKGROUND_READ_HEADER, ErrorBody, SESSION_EXPIRES_HEADER } from '../../common/api.ts';
import type { Actor, RequestContext } from './context.ts';
import type { Deps } from './deps.ts';
import { unauthenticated } from './errors.ts';
import { countRateLimitHit } from './rate-limit.ts';
import { SESSION_COOKIE, type SignedInUser } from './sessions.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A read the browser makes by itself (an event stream): it never renews the session. */
    backgroundRead?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in user's rows as loaded with the session, for routes that present them. */
    signedIn: SignedInUser | null;
  }
}

export function requestContext(deps: Deps, req: FastifyRequest): RequestContext {
  const ua = req.headers['user-agent'];
  return {
    actor: req.actor,
    ip: req.ip ?? null,
    userAgent: typeof ua === 'string' ? ua : null,
    now: deps.clock.now(),
    idempotency: req.idempotency,
  };
}

/** Whether the request is one the user did not make themselves, which must not keep their session alive. */
export function isBackgroundRead(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.headers[BACKGROUND_READ_HEADER] === '1' || req.routeOptions.config?.backgroundRead === true;
}

/** The signed-in actor; the auth guard has already answered 401 on routes that need one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/**
 * Reads served from a cache (platform/cache) are recomputed when the client asks with Cache-Control:
 * no-cache, up to `config.freshReadsPerMinute` a user: beyond that the cached path serves, so no one can
 * make every search of theirs run uncached.
 */
export async function cacheOptionsOf(deps: Deps, req: FastifyRequest) {
  if (!/\bno-cache\b/i.test(req.headers['cache-control'] ?? '') || !req.actor) return { fresh: false };
  const key = `no-cache:user:${req.actor.userId}`;
  const limit = deps.config.freshReadsPerMinute;
  const { allowed } = await countRateLimitHit(deps.db, key, limit, 60_000, deps.clock.now());
  return { fresh: allowed };
}

export function signedInOf(req: FastifyRequest): SignedInUser {
  if (!req.signedIn) throw unauthenticated();
  return req.signedIn;
}

/** Every route documents the error body for these statuses. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  429: ErrorBody,
  503: ErrorBody,
} as const;

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.baseUrl.startsWith('https://'),
    maxAge: Math.floor(deps.config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  // The session this request came with has ended: no expiry to warn about.
  reply.removeHeader(SESSION_EXPIRES_HEADER);
}
