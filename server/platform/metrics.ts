import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { cacheUsage } from './cache/versioned-cache.ts';
import { notFound } from './errors.ts';

/** Prometheus metrics by route template (never the raw URL, which would carry ids and tokens). */
export function registerMetrics(app: FastifyInstance) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  // What the read caches hold is most of what a warm server's heap grows by: shown so growth beyond it stands out.
  new Gauge({
    name: 'tipnet_cache_bytes',
    help: 'Approximate heap bytes of cached results, per cache',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      this.reset();
      for (const c of cacheUsage()) this.set({ cache: c.name }, c.bytes);
    },
  });
  new Gauge({
    name: 'tipnet_cache_entries',
    help: 'Cached results, per cache',
    labelNames: ['cache'],
    registers: [registry],
    collect() {
      this.reset();
      for (const c of cacheUsage()) this.set({ cache: c.name }, c.entries);
    },
  });

  app.addHook('onResponse', async (req, reply) => {
    const labels = {
      method: req.method,
      route: req.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // Scrapers run inside the operator's network; the public internet gets nothing here.
    if (!isPrivateAddress(req.ip)) throw notFound('Route');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.replace(/^::ffff:/, '');
  return (
    v4 === '::1' ||
    /^127\./.test(v4) ||
    /^10\./.test(v4) ||
    /^192\.168\./.test(v4) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(v4) ||
    /^f[cd][0-9a-f]{2}:/i.test(v4)
  );
}
