/**
 * Work a route does after its answer has gone out, so that how long the answer takes says nothing about
 * what the work found (a password reset for an address that has an account or not). The work runs once
 * the response is sent (Fastify's onResponse), only when the answer was a success; a failure is logged,
 * never shown to the caller, who has already been answered.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

type Work = () => Promise<unknown>;

declare module 'fastify' {
  interface FastifyRequest {
    afterResponse: Work[] | null;
  }
  interface FastifyInstance {
    /** Resolves once every piece of after-response work started so far has finished (tests, shutdown). */
    afterResponseSettled(): Promise<void>;
  }
}

/** Runs `work` after the response to `req` has been sent, if that response is a success (< 400). */
export function runAfterResponse(req: FastifyRequest, work: Work) {
  req.afterResponse ??= [];
  req.afterResponse.push(work);
}

export function registerAfterResponse(app: FastifyInstance) {
  const pending = new Set<Promise<void>>();
  app.decorateRequest('afterResponse', null);
  app.decorate('afterResponseSettled', async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  });
  app.addHook('onResponse', async (req, reply) => {
    const work = req.afterResponse;
    if (!work?.length || reply.statusCode >= 400) return;
    for (const run of work) {
      const done: Promise<void> = new Promise((resolve) => setImmediate(resolve))
        .then(run)
        .then(
          () => undefined,
          (err: unknown) => req.log.error({ err }, 'work after the response failed'),
        )
        .finally(() => pending.delete(done));
      pending.add(done);
    }
  });
  // The database closes after the app: let started work finish first.
  app.addHook('onClose', async () => app.afterResponseSettled());
}
