import type { Db } from '../../server/db/client.ts';

/** What a scenario sees: a running server with a signed-in demo member. */
export type BenchContext = {
  baseUrl: string;
  /** Headers of a same-origin request by the signed-in demo member: cookie and Origin. */
  authHeaders: Record<string, string>;
  /** JSON call as the signed-in member, for setup (not measured). */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** The server's PostgreSQL database; null on PGlite (the server holds it alone). */
  databaseUrl: string | null;
  /** Whatever setup() wants to hand to request(); fresh for each scenario. */
  state: Record<string, unknown>;
  /** Signs in as a demo account (or one the setup made with `password`) and returns the cookie header. */
  loginAs(email: string, password?: string): Promise<string>;
};

export type BenchRequest = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** A new JSON body for every request sent (shared by all connections): for requests that must differ. */
  nextBody?: () => unknown;
};

export type Scenario = {
  name: string;
  description: string;
  /** Runs only on this database (its setup needs it); skipped, and said so, on the other. */
  onlyOn?: 'pglite' | 'postgres';
  /** Why this server cannot run it (e.g. no Chromium for the PDF), checked first; null when it can. */
  unavailable?(ctx: BenchContext): Promise<string | null>;
  /** Concurrent connections when fewer people than `--connections` would do this at once (capped by it). */
  connections?: number;
  /**
   * A burst: every request is sent exactly once, spread over the connections, with no warm-up (each one
   * changes something, such as a registration); the figures are of that single pass.
   */
  once?: boolean;
  /**
   * With `once`: the requests arrive at random (a Poisson process) over this many seconds, rather than
   * each as soon as a connection is free; latency counts from each one's arrival.
   */
  arrivingWithinSeconds?: number;
  /** After the measured run: checks what it left (e.g. no overbooking); its line is printed and reported. */
  verify?(ctx: BenchContext): Promise<string>;
  /** Runs once before the warm-up: create the data the requests need. */
  setup?(ctx: BenchContext): Promise<void> | void;
  /** Built once per run; autocannon sends these requests in turn, over and over. */
  request(ctx: BenchContext): BenchRequest | BenchRequest[];
  /**
   * Runs the server code behind the requests once against `db`; the SQL it sends is captured and
   * replayed straight through `pg` at the same concurrency: the limit the API is compared with.
   * Runs after setup(), so it may read `ctx.state`.
   */
  statements?(db: Db, now: Date, ctx: BenchContext): Promise<void>;
  /**
   * A background job timed straight on the database (PostgreSQL runs only), `runs` times (default 3):
   * `prepare` (not timed) sets up what a pass finds, `run` is the pass. The figure is each pass's ms.
   */
  job?: {
    runs?: number;
    prepare?(db: Db, now: Date, run: number): Promise<void>;
    run(db: Db, now: Date): Promise<void>;
  };
};
