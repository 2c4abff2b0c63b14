/**
 * `npm run db:backup [FILE]`: a consistent, gzipped copy of the embedded database (DATA_DIR).
 *
 * While the server runs it asks the server, which alone may touch DATA_DIR (platform/local-admin.ts);
 * when no server runs it opens DATA_DIR itself. The file appears under its name only once complete
 * (written as FILE.partial-<pid>, then renamed), is readable by its owner only, and never overwrites.
 * PostgreSQL (DATABASE_URL) is backed up with pg_dump instead: see README, Backups.
 */
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { runningServer } from '../platform/local-admin.ts';

export type CliResult = { exitCode: number; message: string };

/**
 * The configuration, without generating a session secret in DATA_DIR as a server start would: these
 * tools need none, and db:restore must find an empty DATA_DIR empty.
 */
export const toolConfig = (env: NodeJS.ProcessEnv) =>
  loadConfig({ ...env, SESSION_SECRET: env.SESSION_SECRET || 'unused-by-tools-unused-by-tools-unused' });

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function runDbBackup(
  env: NodeJS.ProcessEnv = process.env,
  file?: string,
  now = new Date(),
): Promise<CliResult> {
  const config = toolConfig(env);
  if (config.databaseUrl)
    return {
      exitCode: 2,
      message:
        'DATABASE_URL is set: back up PostgreSQL with `pg_dump -Fc` (README, Backups); db:backup copies the embedded database.',
    };
  const target = resolve(file ?? `tipnet-backup-${stamp(now)}.tar.gz`);
  if (existsSync(target))
    return {
      exitCode: 2,
      message: `${target} already exists: a backup never overwrites; choose another name.`,
    };
  const partial = `${target}.partial-${process.pid}`;
  const started = Date.now();
  const server = runningServer(config.dataDir);
  try {
    if (server) {
      const res = await fetch(`${server.url}/internal/backup`, {
        headers: { authorization: `Bearer ${server.token}` },
      }).catch((err: Error) => {
        throw new Error(`the server (pid ${server.pid}) did not answer at ${server.url}: ${err.message}`);
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(`the server refused (${res.status}): ${body?.error?.message ?? res.statusText}`);
      }
      await pipeline(
        Readable.fromWeb(res.body as ReadableStream),
        createWriteStream(partial, { mode: 0o600 }),
      );
    } else {
      if (!existsSync(join(config.dataDir, 'PG_VERSION')))
        return {
          exitCode: 2,
          message: `${config.dataDir} holds no embedded database (no PG_VERSION): nothing to back up.`,
        };
      // No server runs on DATA_DIR, so this process may open it.
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        const tarball = await database.dumpDataDir!();
        const out = createWriteStream(partial, { mode: 0o600 });
        await pipeline(Readable.fromWeb(tarball.stream() as ReadableStream), out);
      } finally {
        await database.close();
      }
    }
    const bytes = statSync(partial).size;
    if (bytes === 0) throw new Error('the backup came out empty');
    renameSync(partial, target);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const how = server
      ? `from the running server (pid ${server.pid})`
      : 'read directly: no server was running';
    return { exitCode: 0, message: `Backup written: ${target} (${mb(bytes)} in ${seconds} s, ${how}).` };
  } catch (err) {
    rmSync(partial, { force: true });
    return { exitCode: 1, message: `db:backup wrote nothing: ${(err as Error).message}` };
  }
}

export function runCli(name: string, run: () => Promise<CliResult>) {
  run()
    .then(({ exitCode, message }) => {
      (exitCode === 0 ? console.log : console.error)(message);
      process.exit(exitCode);
    })
    .catch((err) => {
      console.error(err instanceof ConfigError ? err.message : `${name} failed: ${(err as Error).message}`);
      process.exit(2);
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith('-')) {
    console.error('usage: npm run db:backup [FILE]   (default: tipnet-backup-<date>-<time>.tar.gz)');
    process.exit(2);
  }
  runCli('db:backup', () => runDbBackup(process.env, args[0]));
}
