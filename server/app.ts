import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { SESSION_EXPIRES_HEADER } from '../common/api.ts';
import {
  FIRST_SCREENS_FILE,
  type FirstScreenChunks,
  firstScreenLinks,
  withFirstScreenLinks,
} from '../common/first-screen.ts';
import { MODULES } from './modules/index.ts';
import { registerAfterResponse } from './platform/after-response.ts';
import type { Deps } from './platform/deps.ts';
import { frameworkErrorHandler, registerErrorHandling } from './platform/error-handler.ts';
import { AppError, unauthenticated } from './platform/errors.ts';
import { withServedScreen } from './platform/first-screen-html.ts';
import { housekeepingJob } from './platform/housekeeping.ts';
import { type App, isBackgroundRead } from './platform/http.ts';
import { registerIdempotency } from './platform/idempotency.ts';
import { assertStorableInput } from './platform/input-guard.ts';
import { scheduleJobs } from './platform/jobs.ts';
import { registerMetrics } from './platform/metrics.ts';
import { registerApiDocs } from './platform/openapi.ts';
import { assertSameOrigin } from './platform/origin-check.ts';
import { PUBLIC_ROUTES, TOTP_ENROLMENT_ROUTES } from './platform/public-routes.ts';
import { retentionJob } from './platform/retention.ts';
import { servedScreen } from './platform/served-screen.ts';
import { resolveSession, SESSION_COOKIE } from './platform/sessions.ts';

export const WEB_DIST = join(import.meta.dirname, '..', 'dist', 'web');
const BODY_LIMIT = 64 * 1024;
/** Below this a compressed body saves less than its headers cost. */
const COMPRESS_MIN_BYTES = 1024;

export type BuildAppOptions = {
  logger?: FastifyServerOptions['logger'];
  webDist?: string;
  /** Run background jobs (main.ts); tests run them by hand on their injected clock. */
  runJobs?: boolean;
};

/** The whole HTTP application around its dependencies; what main.ts serves and tests inject into. */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    loggerInstance: options.logger === undefined ? deps.logger : undefined,
    logger: options.logger === undefined ? undefined : options.logger,
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only; text/plain (a CORS-simple type) would reach validation as a string.
  app.removeContentTypeParser('text/plain');
  registerErrorHandling(app);
  registerAfterResponse(app);
  app.decorateRequest('actor', null);
  app.decorateRequest('signedIn', null);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyCookie);
  // API JSON and CSV on the fly (the built web app is compressed at build time, see registerWebApp).
  // Server-Sent Events are left alone by the plugin's default types: compressing them would buffer them.
  await app.register(fastifyCompress, { threshold: COMPRESS_MIN_BYTES, encodings: ['br', 'gzip'] });
  // Built once: @fastify/helmet rebuilt these headers (parsing every CSP directive) on each request,
  // 6 % of the server's time on a cached board page.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: deps.config.baseUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.baseUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  registerMetrics(app);

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    assertSameOrigin(req, deps.config.baseUrl);
    const token = req.cookies[SESSION_COOKIE];
    req.signedIn = token ? await resolveSession(deps, token, { renew: !isBackgroundRead(req) }) : null;
    req.actor = req.signedIn?.actor ?? null;
    if (req.signedIn) reply.header(SESSION_EXPIRES_HEADER, req.signedIn.expiresAt.toISOString());
    // Authenticate before the body is parsed and anything validated (preParsing, preValidation): a caller
    // without a session learns nothing about a route's input rules, only that it must sign in.
    const route = `${req.method} ${req.routeOptions.url}`;
    if (!req.routeOptions.url?.startsWith('/api/v1/') || PUBLIC_ROUTES.has(route)) return;
    if (!req.actor) throw unauthenticated();
    if (req.actor.mustEnrolTotp && !TOTP_ENROLMENT_ROUTES.has(route)) {
      throw new AppError(403, 'TOTP_REQUIRED', 'Set up two-factor sign-in before using TIPNet');
    }
  });
  app.addHook('preValidation', async (req) => assertStorableInput(req));
  registerIdempotency(app, deps);

  await registerApiDocs(app);

  if (options.runJobs) scheduleJobs(app, deps, [housekeepingJob, retentionJob]);
  for (const module of MODULES) await app.register(module, { deps, runJobs: options.runJobs ?? false });

  registerWebApp(app, deps, options.webDist ?? WEB_DIST);
  return app;
}

/** Serves the built web app, with index.html for client-side routes; /api stays JSON. */
function registerWebApp(app: App, deps: Deps, webDist: string) {
  const hasWeb = existsSync(join(webDist, 'index.html'));
  const firstScreen = hasWeb ? readFirstScreens(webDist) : null;
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: 'index.html',
      // The build writes .br and .gz beside each asset (web/build/precompress.ts); sent as they are.
      preCompressed: true,
      cacheControl: false,
      // Vite names assets by content hash, so they never change; slow provincial links fetch them once.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0]!;
    // Client-side routes get the app; a missing file (an old asset after a deploy) gets a real 404.
    const wantsPage =
      req.method === 'GET' && hasWeb && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
    if (!wantsPage) {
      return reply.status(404).send({
        error: {
          code: 'NOT_FOUND',
          message: `No route ${req.method} ${path}`,
          requestId: String(req.id),
        },
      });
    }
    reply.header('cache-control', 'no-cache');
    // The board and the finder name their code and first reads in the page (common/first-screen.ts).
    const links = firstScreen
      ? firstScreenLinks(req.url, firstScreen.chunks, !!req.cookies[SESSION_COOKIE])
      : '';
    if (!links || !firstScreen) return reply.sendFile('index.html');
    // The finder's or the board's answer in the page itself, for phones still waiting for the code.
    const served = await servedScreen(app, deps, req).catch((error: unknown) => {
      req.log.warn({ err: error }, 'first screen not served; sending the plain page');
      return null;
    });
    const page = withFirstScreenLinks(firstScreen.html, links);
    // The page now depends on the cookie: no shared cache may hand one browser's page to another.
    if (!served) return reply.header('vary', 'cookie').type('text/html; charset=utf-8').send(page);
    // Someone's own answers: for their browser only.
    return reply
      .header('vary', 'cookie')
      .header('cache-control', 'private, no-cache')
      .type('text/html; charset=utf-8')
      .send(withServedScreen(page, served));
  });
}

/** index.html and the build's list of each first screen's chunks, read once: they change only with a deploy. */
function readFirstScreens(webDist: string): { html: string; chunks: FirstScreenChunks } | null {
  const file = join(webDist, FIRST_SCREENS_FILE);
  if (!existsSync(file)) return null;
  return {
    html: readFileSync(join(webDist, 'index.html'), 'utf8'),
    chunks: JSON.parse(readFileSync(file, 'utf8')) as FirstScreenChunks,
  };
}
