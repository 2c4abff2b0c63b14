// `npm run test:e2e`: build the web app, then run the browser suite against the real server in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}.\nInstall it (Debian: apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium binary.`,
  );
  process.exit(1);
}
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const build = run([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
if (build !== 0) process.exit(build);
process.exit(
  run([
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project',
    'e2e',
    ...process.argv.slice(2),
  ]),
);
