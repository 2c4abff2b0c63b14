/**
 * `npm run db:restore FILE`: restores a `db:backup` file into an EMPTY (or new) DATA_DIR, then checks it:
 * the tables answer and the audit chain verifies (its head is printed, to compare with the one recorded
 * when the backup was taken). Anything it wrote is removed again when the restore fails.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { type Database, openDatabase } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { ENDPOINT_FILE } from '../platform/local-admin.ts';
import { type CliResult, runCli, toolConfig } from './db-backup.ts';

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export async function runDbRestore(env: NodeJS.ProcessEnv = process.env, file?: string): Promise<CliResult> {
  if (!file) return { exitCode: 2, message: 'usage: npm run db:restore FILE   (into an empty DATA_DIR)' };
  const config = toolConfig(env);
  if (config.databaseUrl)
    return {
      exitCode: 2,
      message:
        'DATABASE_URL is set: restore PostgreSQL with `pg_restore` (README, Backups); db:restore fills the embedded DATA_DIR.',
    };
  const source = resolve(file);
  if (!existsSync(source)) return { exitCode: 2, message: `${source} does not exist.` };
  if (!isGzip(source))
    return { exitCode: 2, message: `${source} is not a db:backup file (not gzip-compressed).` };
  const dataDir = config.dataDir;
  const existed = existsSync(dataDir);
  if (existed) {
    const entries = readdirSync(dataDir);
    if (entries.length > 0)
      return {
        exitCode: 2,
        message:
          `DATA_DIR ${dataDir} is not empty (${entries.length} entries): db:restore only fills an empty ` +
          'or new directory. Stop the server and move the current directory aside, or set DATA_DIR to a new one.',
      };
  }

  let database: Database | null = null;
  try {
    mkdirSync(dataDir, { recursive: true });
    database = await openDatabase({ dataDir, pgliteTemplate: new Blob([readFileSync(source)]) });
    // The server that was running when the backup was taken is not running here.
    rmSync(join(dataDir, ENDPOINT_FILE), { force: true });
    const [accounts] = await database.db.select({ n: count() }).from(users);
    const chain = await verifyAuditChain(database.db);
    await database.close();
    database = null;
    const summary = `Restored ${source} into ${dataDir}: ${accounts?.n ?? 0} user accounts.`;
    if (!chain.ok)
      return {
        exitCode: 1,
        message: `${summary}\nBut the audit chain is BROKEN at event ${chain.brokenAt}: ${chain.reason}.`,
      };
    const head = chain.head ? ` Head: event ${chain.head.id}, hash ${chain.head.hash}.` : '';
    return {
      exitCode: 0,
      message: `${summary}\nAudit chain intact: ${chain.checked} events verified.${head}\nStart the server on this DATA_DIR to use it.`,
    };
  } catch (err) {
    await database?.close().catch(() => {});
    // It was empty or absent before: leave it so.
    if (existed)
      for (const entry of readdirSync(dataDir))
        rmSync(join(dataDir, entry), { recursive: true, force: true });
    else rmSync(dataDir, { recursive: true, force: true });
    return { exitCode: 1, message: `db:restore failed and left DATA_DIR empty: ${(err as Error).message}` };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('usage: npm run db:restore FILE   (into an empty DATA_DIR)');
    process.exit(2);
  }
  runCli('db:restore', () => runDbRestore(process.env, args[0]));
}
