// `npm start`: build the web app when its sources changed since the last build, then serve.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from './server-node-flags.mjs';

const root = join(import.meta.dirname, '..');
const builtIndex = join(root, 'dist', 'web', 'index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sources = ['web', 'common', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) =>
  join(root, p),
);
const webIsStale =
  !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
if (webIsStale && existsSync(join(root, 'vite.config.ts'))) {
  console.log('Building the web app (first start or sources changed)…');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawnSync(
  process.execPath,
  [...SERVER_NODE_FLAGS, '--import', 'tsx', join(root, 'server', 'main.ts')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(server.status ?? 0);
