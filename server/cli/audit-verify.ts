/** `npm run audit:verify`: walks the audit chain and names the first event that was edited or removed. */
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { runningServer } from '../platform/local-admin.ts';

export async function runAuditVerify(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ exitCode: number; message: string }> {
  const config = loadConfig(env);
  // A second process opening the embedded DATA_DIR would run recovery on the live files.
  const server = config.databaseUrl ? null : runningServer(config.dataDir);
  if (server)
    return {
      exitCode: 2,
      message: `The server (pid ${server.pid}) is running on ${config.dataDir}: stop it first, or take a backup (npm run db:backup), restore it elsewhere and verify that.`,
    };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      // Removing the newest events leaves a shorter chain that still verifies; comparing this head with
      // one recorded earlier, outside the database, is what reveals such a truncation.
      const head = report.head ? `\nHead: event ${report.head.id}, hash ${report.head.hash}` : '';
      return { exitCode: 0, message: `Audit chain intact: ${report.checked} events verified.${head}` };
    }
    return {
      exitCode: 1,
      message: `Audit chain BROKEN at event ${report.brokenAt}: ${report.reason}. ${report.checked} events before it verified.`,
    };
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAuditVerify()
    .then(({ exitCode, message }) => {
      (exitCode === 0 ? console.log : console.error)(message);
      process.exit(exitCode);
    })
    .catch((err) => {
      console.error(
        err instanceof ConfigError ? err.message : `audit:verify failed: ${(err as Error).message}`,
      );
      process.exit(2);
    });
}
