/**
 * Part of `npm run lint`: builds the app on an in-memory database, writes its OpenAPI document and lints it
 * with Redocly's recommended rules (redocly.yaml), as a partner's client generator would consume it.
 * Any error or warning fails the lint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { closeDeps, createDeps } from '../server/runtime.ts';

const root = join(import.meta.dirname, '..');
const config = {
  ...loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'openapi-lint-openapi-lint-openapi-lint',
    BASE_URL: 'http://localhost:3000',
  }),
  dataDir: '',
  seedDemo: false,
  logLevel: 'silent',
};
const deps = await createDeps(config, { logger: pino({ level: 'silent' }), transport: null });
const app = await buildApp(deps, { logger: false, webDist: '/nonexistent-web-build' });
await app.ready();
const document = app.swagger();
await app.close();
await closeDeps(deps);

const dir = mkdtempSync(join(tmpdir(), 'tipnet-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(document, null, 2));
const size = Buffer.byteLength(JSON.stringify(document));
const redocly = (format: string) =>
  spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'),
      'lint',
      file,
      `--format=${format}`,
      '--max-problems',
      '200',
      '--config',
      join(root, 'redocly.yaml'),
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
// Redocly exits 0 on warnings; count them from its JSON report, then show them as a reader wants them.
const report = redocly('json');
const totals = (JSON.parse(report.stdout) as { totals: { errors: number; warnings: number } }).totals;
const clean = report.status === 0 && totals.errors === 0 && totals.warnings === 0;
if (!clean) process.stdout.write(redocly('codeframe').stdout);
rmSync(dir, { recursive: true, force: true });
console.log(
  `OpenAPI document: ${Object.keys(document.paths ?? {}).length} paths, ${Math.round(size / 1024)} KB; ` +
    `${totals.errors} errors, ${totals.warnings} warnings`,
);
process.exit(clean ? 0 : 1);
