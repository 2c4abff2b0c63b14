/**
 * The API's OpenAPI 3.1 document (/api/openapi.json) and its docs viewer (/api/docs). Every Zod schema the
 * contract in common/ exports becomes a named component referenced with $ref, so client generators get
 * stable type names and the document stays small. `npm run lint` lints it (scripts/lint-openapi.ts).
 */
import fastifySwagger from '@fastify/swagger';
import scalarApiReference from '@scalar/fastify-api-reference';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../common/api.ts';
import * as directory from '../../common/directory-api.ts';
import * as directoryTasks from '../../common/directory-tasks-api.ts';
import * as notifications from '../../common/notifications-api.ts';
import * as accountability from '../../common/problems-accountability-api.ts';
import * as problems from '../../common/problems-api.ts';
import type { App } from './http.ts';
import { documentIdempotencyKeys } from './idempotency.ts';
import { SESSION_COOKIE } from './sessions.ts';

const CONTRACT_MODULES = [api, directory, directoryTasks, notifications, accountability, problems];

/**
 * The contract's object schemas by their exported names (ProblemView, CreateCommentBody, …). Scalars and
 * enums (Id, Role) stay inline, where a reader sees their format and values at once.
 */
function contractRegistry() {
  const exported = CONTRACT_MODULES.flatMap((module) =>
    Object.entries(module).filter(
      (entry): entry is [string, z.ZodType] =>
        entry[1] instanceof z.ZodObject && /^[A-Z][A-Za-z0-9]*$/.test(entry[0]),
    ),
  );
  // Swagger spreads query strings and path parameters into `parameters`, which needs them inline
  // (also under another name: DirectoryFilters is ExportOrganisationsQuery).
  const inline = new Set(
    exported.filter(([name]) => /(Query|Params)$/.test(name)).map(([, schema]) => schema),
  );
  const registry = z.registry<{ id: string }>();
  const named = new Map<string, z.ZodType>();
  for (const [name, schema] of exported) {
    if (inline.has(schema) || registry.has(schema)) continue;
    if (named.has(name)) throw new Error(`two contract schemas are both named ${name}`);
    named.set(name, schema);
    registry.add(schema, { id: name });
  }
  return registry;
}

export async function registerApiDocs(app: App) {
  const schemaRegistry = contractRegistry();
  const toObject = createJsonSchemaTransformObject({ schemaRegistry });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TIPNet API',
        version: '1',
        description: "API of TIPNet, the Thai anti-trafficking network's platform.",
      },
      // Relative: the document is served by the instance it describes, whatever its address.
      servers: [{ url: '/', description: 'The TIPNet instance serving this document' }],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: (document) => documentIdempotencyKeys(withoutUnusedSchemas(toObject(document))),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(async (docs) => {
    // The docs viewer configures itself with an inline script; this relaxation stays under /api/docs.
    docs.addHook('onSend', async (_req, reply) => {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
    });
    await docs.register(scalarApiReference, {
      routePrefix: '/api/docs',
      configuration: { url: '/api/openapi.json' },
    } as never);
  });
}

type OpenApiObject = ReturnType<ReturnType<typeof createJsonSchemaTransformObject>>;
type WithComponents = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

/** Every contract schema has an input and an output form; keep only those an operation refers to. */
function withoutUnusedSchemas(built: OpenApiObject): OpenApiObject {
  const document = built as WithComponents;
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) {
        const name = child.slice(SCHEMA_REF.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(child);
    }
  };
  visit(document.paths);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } } as OpenApiObject;
}

const SCHEMA_REF = '#/components/schemas/';
