import { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { assertLocalAdmin } from '../../platform/local-admin.ts';

/**
 * GET /internal/backup: the embedded database as a gzipped tarball, for `npm run db:backup` on the same
 * machine (see platform/local-admin.ts). Not an /api route: no session, no browser, not in OpenAPI.
 */
export function backupRoutes(app: App, deps: Deps) {
  const dump = deps.database.dumpDataDir;
  if (!dump) return; // PostgreSQL: pg_dump does this (README, Backups).
  app.get('/internal/backup', { schema: { hide: true } }, async (req, reply) => {
    assertLocalAdmin(req, deps.localAdminToken);
    const started = Date.now();
    const tarball = await dump();
    const now = deps.clock.now();
    await deps.db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: null, ip: req.socket.remoteAddress ?? null, userAgent: 'tipnet-cli db:backup', now },
        {
          action: 'system.backup_created',
          entityType: 'system',
          changes: { bytes: tarball.size, milliseconds: Date.now() - started },
        },
      ),
    );
    return reply
      .header('content-type', 'application/gzip')
      .header('content-length', String(tarball.size))
      .header('cache-control', 'no-store')
      .send(Readable.fromWeb(tarball.stream() as import('node:stream/web').ReadableStream));
  });
}
