/** One autocannon run, reduced to the figures the bench reports. */
import autocannon from 'autocannon';
import type { BenchRequest } from './scenarios/index.ts';
import { makeRandom } from './synthetic/random.ts';

export type LoadResult = {
  /** 2xx responses per second: failed requests do not count as throughput. */
  requestsPerSecond: number;
  /** Latency of 2xx responses, in milliseconds. */
  latencyMs: { p50: number; p95: number; p99: number };
  /** Responses and socket errors (timeouts included) in the run. */
  total: number;
  ok: number;
  failed: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
};

let running: autocannon.Instance | undefined;

/** Stops the run in progress (Ctrl-C); its promise then resolves early. */
export function stopLoad() {
  running?.stop();
}

export async function load(
  baseUrl: string,
  requests: BenchRequest[],
  options: { connections: number; durationSeconds: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const built = requests.map((r) => ({
    method: r.method ?? 'GET',
    path: r.path,
    headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
    ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
    ...(r.nextBody
      ? {
          headers: { 'content-type': 'application/json', ...r.headers },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(r.nextBody!()) }),
        }
      : {}),
  }));
  // Each connection starts its turn through the list at its own place, as sixteen people at once ask
  // different things; all starting at the first, they sent the same query together and PostgreSQL read each
  // page once for all sixteen.
  let connection = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    requests: built,
    setupClient: (client) => {
      const start = Math.floor((connection++ * built.length) / options.connections);
      client.setRequests([...built.slice(start), ...built.slice(0, start)]);
    },
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  running = instance;
  const result = await instance;
  running = undefined;

  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  const ok = result['2xx'];
  const responses = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requestsPerSecond: result.duration > 0 ? ok / result.duration : 0,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
    total: responses + result.errors,
    ok,
    failed: result.non2xx + result.errors,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationSeconds: result.duration,
  };
}

/**
 * Sends each request exactly once, `connections` at a time over keep-alive connections, and reports like
 * `load`: for bursts whose requests each change something (a registration) and so cannot be repeated.
 * Without `arrivalsMs` every request is sent as soon as a connection is free. With it, request i arrives
 * `arrivalsMs[i]` after the start and its latency counts from then: a request that waits for a free
 * connection has waited, as a person would.
 */
export async function burst(
  baseUrl: string,
  requests: BenchRequest[],
  options: { connections: number; arrivalsMs?: number[] },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < requests.length) {
      const i = next++;
      const r = requests[i]!;
      const arrival = options.arrivalsMs ? started + options.arrivalsMs[i]! : performance.now();
      const wait = arrival - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        const res = await fetch(`${baseUrl}${r.path}`, {
          method: r.method ?? 'GET',
          headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
          body: r.body === undefined ? undefined : JSON.stringify(r.body),
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        if (res.status >= 200 && res.status < 300) latencies.push(performance.now() - arrival);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const ok = latencies.length;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requestsPerSecond: ok / seconds,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) },
    total: requests.length,
    ok,
    failed: requests.length - ok,
    errors,
    timeouts: 0,
    statusCodes,
    durationSeconds: seconds,
  };
}

/**
 * `count` arrivals of a Poisson process (random, independent, as people reacting to one announcement),
 * scaled to span `seconds` exactly; seeded, so every run sends the same pattern. Offsets in ms, ascending.
 */
export function poissonArrivals(count: number, seconds: number, seed = 2569): number[] {
  const random = makeRandom(seed).next;
  if (count < 2) return Array.from({ length: count }, () => 0);
  const gaps = Array.from({ length: count }, () => -Math.log(1 - random()));
  const span = gaps.reduce((a, b) => a + b, 0) - gaps[0]!;
  let at = 0;
  return gaps.map((gap, i) => {
    if (i > 0) at += (gap / span) * seconds * 1000;
    return at;
  });
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
