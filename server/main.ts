import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import closeWithGrace from 'close-with-grace';
import { buildApp, WEB_DIST } from './app.ts';
import { type Config, ConfigError, keyRingFor, loadConfig } from './config.ts';
import { DEMO_ACCOUNTS } from './demo/demo-network.ts';
import { seedDemoNetwork } from './demo/seed-demo.ts';
import { indexUnindexedOrganisations } from './modules/directory/index.ts';
import { removeEndpointFile, writeEndpointFile } from './platform/local-admin.ts';
import { closeDeps, createDeps } from './runtime.ts';

async function main() {
  let config: Config;
  try {
    config = loadConfig();
    keyRingFor(config); // production without TIPNET_ENCRYPTION_KEYS stops here, with the same message
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`TIPNet cannot start.\n${err.message}\nSee .env.example for every setting.`);
      process.exit(2);
    }
    throw err;
  }

  let deps: Awaited<ReturnType<typeof createDeps>>;
  try {
    deps = await createDeps(config);
  } catch (err) {
    // A stored value encrypted under a key missing from TIPNET_ENCRYPTION_KEYS stops the start here.
    if (err instanceof ConfigError) {
      console.error(`TIPNet cannot start.\n${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const { logger } = deps;
  const reindexed = await indexUnindexedOrganisations(deps.db);
  if (reindexed > 0) logger.info({ reindexed }, 'organisation search documents rebuilt');
  if (config.seedDemo) {
    const password = config.demoPassword ?? demoPasswordFor(config);
    const result = await seedDemoNetwork(deps.db, { password, now: deps.clock.now() });
    if (result.seeded) logger.info('demo network seeded');
  }

  const app = await buildApp(deps, { runJobs: true });
  const embedded = deps.database.driver === 'pglite';
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down: draining requests');
    if (embedded) removeEndpointFile(config.dataDir);
    await app.close();
    await closeDeps(deps);
  });

  await app.listen({ port: config.port, host: config.host });
  // Tells `npm run db:backup` (and tools that must not open DATA_DIR meanwhile) that this server runs.
  if (embedded) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    writeEndpointFile(config.dataDir, { host: config.host, port, token: deps.localAdminToken });
  }
  printWelcome(config);
}

/** The embedded demo keeps its generated password beside its data so every start can print it. */
function demoPasswordFor(config: Config): string {
  const file = join(config.dataDir, 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

function printWelcome(config: Config) {
  const lines = [``, `TIPNet is running at ${config.baseUrl}`];
  if (!existsSync(join(WEB_DIST, 'index.html')))
    lines.push('(web app not built: run `npm run build`; the API works)');
  lines.push(
    `Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
  );
  if (config.seedDemo) {
    const password = config.demoPassword ? '(the DEMO_PASSWORD you set)' : demoPasswordFor(config);
    lines.push('Demo accounts (fictional):');
    for (const a of DEMO_ACCOUNTS)
      lines.push(`  ${a.email.padEnd(28)} ${a.role.padEnd(10)} password: ${password}`);
  }
  lines.push('');
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error('TIPNet failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
