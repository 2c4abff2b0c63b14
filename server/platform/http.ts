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
import { MINUTE_MS } from '../../common/time.ts';
import type { Actor, RequestContext } from './context.ts';
import type { Deps } from './deps.ts';
import { unauthenticated } from './errors.ts';
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
export function cacheOptionsOf(deps: Deps, req: FastifyRequest) {
  if (!/\bno-cache\b/i.test(req.headers['cache-control'] ?? '') || !req.actor) return { fresh: false };
  return { fresh: withinFreshReadLimit(deps, req.actor.userId) };
}

type FreshReadWindow = { startedAt: number; count: number };

/** Per server: user id → their fresh reads in the minute that began with the first of them. */
const freshReadWindows = new WeakMap<Deps, Map<string, FreshReadWindow>>();
/** Past this many users in the map, the windows already over are forgotten. */
const FRESH_READ_USERS_KEPT = 10_000;

/**
 * Counted in this server's memory, not in `rate_limits` (ADR 0004): a row written per read made every
 * fresh read a write and a commit, all of one user's reads queueing on the one row, for a soft cap that
 * protects the server's time, not an account. Behind several servers a user gets the limit from each.
 */
function withinFreshReadLimit(deps: Deps, userId: string): boolean {
  let windows = freshReadWindows.get(deps);
  if (!windows) {
    windows = new Map();
    freshReadWindows.set(deps, windows);
  }
  const now = deps.clock.now().getTime();
  const window = windows.get(userId);
  if (window && now - window.startedAt < MINUTE_MS) {
    window.count++;
    return window.count <= deps.config.freshReadsPerMinute;
  }
  if (!window && windows.size >= FRESH_READ_USERS_KEPT) {
    for (const [user, w] of windows) if (now - w.startedAt >= MINUTE_MS) windows.delete(user);
  }
  windows.set(userId, { startedAt: now, count: 1 });
  return deps.config.freshReadsPerMinute >= 1;
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
