/**
 * Idempotency-Key on create requests (IETF draft-ietf-httpapi-idempotency-key-header): a phone that lost
 * its link may send the same comment again, and must not post it twice.
 *
 * Every POST route that answers 201 accepts the header; no route declares anything. The first request
 * claims the key in the transaction of its mutation (recordAudit calls `claimIdempotencyKey`, and every
 * mutation writes its audit event in its own transaction), so a record never exists without its key nor
 * a key without its record. Its response is stored as it is sent; a retry with the same key, by the same
 * user, to the same path with the same body gets that response again (`Idempotent-Replayed: true`) and
 * writes nothing. Keys are forgotten after KEY_RETENTION_MS (platform/retention.ts).
 */
import { createHash } from 'node:crypto';
import { and, eq, lt, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { HOUR_MS } from '../../common/time.ts';
import type { Db } from '../db/client.ts';
import { insertEachRowOf } from '../db/insert-each-row.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import type { Deps } from './deps.ts';
import { AppError } from './errors.ts';
import type { App } from './http.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
export const KEY_RETENTION_MS = 24 * HOUR_MS;

/** A UUID or any 16–128 URL-safe characters; the draft sends it as a structured-field string ("…"). */
const KEY_FORMAT = /^[A-Za-z0-9._~-]{16,128}$/;

/** What the first request with a key writes in its mutation's transaction. */
export type IdempotencyClaim = {
  userId: string;
  key: string;
  route: string;
  requestHash: string;
  /** Set once the claim row is written in the (not yet committed) transaction. */
  written: boolean;
};

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

/** A create: a POST whose documented answers include 201 Created. */
export function isCreateRoute(method: string, schema: FastifySchema | undefined): boolean {
  const response = schema?.response as Record<string, unknown> | undefined;
  return method === 'POST' && response !== undefined && '201' in response;
}

/** The key from the header, or null without one; 400 for anything that is not one valid key. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const raw = Array.isArray(header) ? null : header.trim().replace(/^"(.*)"$/, '$1');
  if (raw === null || !KEY_FORMAT.test(raw)) {
    throw new AppError(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be one UUID or 16 to 128 letters, digits, ".", "_", "~" or "-"',
    );
  }
  return raw;
}

export function registerIdempotency(app: App, deps: Pick<Deps, 'db' | 'clock'>) {
  app.decorateRequest('idempotency', null);

  // After validation: the body hashed is the one the service will see.
  app.addHook('preHandler', async (req, reply) => {
    if (!isCreateRoute(req.method, req.routeOptions.schema) || !req.actor) return;
    const key = parseIdempotencyKey(req.headers[IDEMPOTENCY_HEADER]);
    if (key === null) return;
    const claim: IdempotencyClaim = {
      userId: req.actor.userId,
      key,
      route: `${req.method} ${req.routeOptions.url}`,
      requestHash: hashRequest(req),
      written: false,
    };
    const [earlier] = await earlierClaimOf(deps.db).execute({ userId: claim.userId, key });
    if (!earlier) {
      req.idempotency = claim;
      return;
    }
    if (earlier.requestHash !== claim.requestHash) throw keyReused();
    if (earlier.responseStatus === null || earlier.responseBody === null) throw stillInFlight();
    return replay(reply, earlier.responseStatus, earlier.responseBody);
  });

  // The global onSend runs before the routes' own (compression), so the payload is still the JSON text.
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim?.written || typeof payload !== 'string' || reply.statusCode >= 500) return payload;
    await storeAnswer(deps.db).execute({
      userId: claim.userId,
      key: claim.key,
      status: reply.statusCode,
      body: payload,
    });
    return payload;
  });
}

// Prepared: every create request with a key runs both, and building them cost as much as running them.
const byUserAndKey = () =>
  and(eq(idempotencyKeys.userId, sql.placeholder('userId')), eq(idempotencyKeys.key, sql.placeholder('key')));

const earlierClaimOf = preparedPerDatabase((db) =>
  db.select().from(idempotencyKeys).where(byUserAndKey()).prepare('tipnet_idempotency_lookup'),
);

const storeAnswer = preparedPerDatabase((db) =>
  db
    .update(idempotencyKeys)
    .set({
      responseStatus: sql`${sql.placeholder('status')}::int`,
      responseBody: sql`${sql.placeholder('body')}`,
    })
    .where(byUserAndKey())
    .prepare('tipnet_idempotency_store_answer'),
);

/**
 * Writes the request's claim in the caller's transaction (recordAudit calls it). A concurrent request
 * with the same key that committed first makes this one fail with 409, rolling its mutation back.
 */
export async function claimIdempotencyKey(tx: Db, claim: IdempotencyClaim, now: Date): Promise<void> {
  if (claim.written) return;
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      userId: claim.userId,
      key: claim.key,
      route: claim.route,
      requestHash: claim.requestHash,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) throw stillInFlight();
  claim.written = true;
}

/**
 * claimIdempotencyKey as a CTE of a write made in one statement: the claim row, for the row `source` (the
 * write's RETURNING) yields. A concurrent request with the same key that committed first makes the
 * statement break the key's primary key (see `isClaimTaken`).
 */
export function claimEachRowOf(claim: IdempotencyClaim, now: Date, source: SQLWrapper): SQL {
  const { userId, key, route, requestHash } = claim;
  return insertEachRowOf(idempotencyKeys, { userId, key, route, requestHash, createdAt: now }, source);
}

/** Whether a statement failed because another request claimed its Idempotency-Key first. */
export function isClaimTaken(err: unknown): boolean {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  const { code, table } = (cause ?? {}) as { code?: string; table?: string };
  return code === '23505' && table === 'idempotency_keys';
}

/** Retention: forgets keys (and the responses they hold) older than `before`. */
export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const purged = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return purged.length;
}

function hashRequest(req: FastifyRequest): string {
  // The validated body: Zod rebuilds it in its schema's key order, so equal bodies give equal text.
  return createHash('sha256')
    .update(`${req.method} ${req.url}\n`)
    .update(JSON.stringify(req.body ?? null))
    .digest('hex');
}

function replay(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header(REPLAYED_HEADER, 'true')
    .type('application/json; charset=utf-8')
    .send(body);
}

const keyReused = () =>
  new AppError(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for another request; send a new key with a new request',
  );

export const stillInFlight = () =>
  new AppError(
    409,
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    'A request with this Idempotency-Key is still being processed; try again shortly',
  );

type OpenApiOperation = {
  parameters?: unknown[];
  responses?: Record<string, { description?: string; headers?: Record<string, unknown> }>;
};
type OpenApiDocument = {
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, unknown>;
};

/**
 * The OpenAPI side: one reusable `IdempotencyKey` header parameter and `Idempotent-Replayed` response
 * header, referenced by every create operation, which also documents its 409 and 422 answers.
 */
export function documentIdempotencyKeys<T>(built: T): T {
  const document = built as OpenApiDocument;
  for (const item of Object.values(document.paths ?? {})) {
    const create = item.post;
    const responses = create?.responses;
    if (!create || !responses?.['201']) continue;
    create.parameters = [...(create.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }];
    responses['201'] = {
      ...responses['201'],
      headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
    };
    const errorBody = responses['400'];
    responses['409'] ??= { ...errorBody, description: 'IDEMPOTENCY_KEY_IN_FLIGHT and other conflicts' };
    responses['422'] ??= { ...errorBody, description: 'IDEMPOTENCY_KEY_REUSED' };
  }
  const components = (document.components ?? {}) as Record<string, Record<string, unknown>>;
  document.components = {
    ...components,
    parameters: {
      ...components.parameters,
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'One key per submission (a UUID, or 16 to 128 of A-Z a-z 0-9 . _ ~ -; quoted as in the IETF draft is accepted). ' +
          'A retry with the same key and body gets the first response again and creates nothing; ' +
          'the same key with another request answers 422 IDEMPOTENCY_KEY_REUSED, while the first is ' +
          'still running 409 IDEMPOTENCY_KEY_IN_FLIGHT, a malformed key 400 IDEMPOTENCY_KEY_INVALID. ' +
          'Keys are per user and kept 24 hours.',
        schema: { type: 'string', minLength: 16, maxLength: 130 },
      },
    },
    headers: {
      ...components.headers,
      IdempotentReplayed: {
        description: '"true" when this is the stored response to an earlier request with the same key',
        schema: { type: 'string', enum: ['true'] },
      },
    },
  };
  return built;
}
