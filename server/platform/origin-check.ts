import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions: a state-changing request must come from our own origin.
 * Browsers always send Origin or Sec-Fetch-Site on such requests; a request with neither and
 * no session cookie is a non-browser client carrying no ambient credentials, so it cannot be forged.
 * See docs/decisions/0003-csrf-origin-check.md.
 */
export function assertSameOrigin(req: FastifyRequest, baseUrl: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof origin === 'string') {
    if (origin === new URL(baseUrl).origin || origin === hostOrigin(req)) return;
    throw new AppError(403, 'CROSS_ORIGIN_REJECTED', 'Request from another site rejected');
  }
  if (typeof fetchSite === 'string') {
    if (fetchSite === 'same-origin' || fetchSite === 'none') return;
    throw new AppError(403, 'CROSS_ORIGIN_REJECTED', 'Request from another site rejected');
  }
  if (req.cookies?.[SESSION_COOKIE]) {
    throw new AppError(403, 'ORIGIN_REQUIRED', 'State-changing requests must carry an Origin header');
  }
}

function hostOrigin(req: FastifyRequest): string | null {
  const host = req.headers.host;
  return host ? `${req.protocol}://${host}` : null;
}
