/** Starts the real TIPNet server (built web app, fresh embedded database, demo network) for browser tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'e2e-demo-password-2569';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tipnet-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: '',
      SMTP_URL: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));

  // Generous: on a busy two-core machine, compiling, migrating and seeding has taken over a minute.
  // TIPNET_E2E_START_MS gives a machine shared by several runs longer still.
  const startMs = Number(process.env.TIPNET_E2E_START_MS) || 150_000;
  const deadline = Date.now() + startMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`TIPNet exited during start:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`TIPNet did not become ready in ${startMs / 1000} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    baseUrl,
    output: () => output,
    /**
     * Moves the server's clock forward and runs its background jobs (started with TIPNET_TEST_CLOCK only),
     * as the local admin: the token is in DATA_DIR, like `npm run db:backup` finds it.
     */
    async advanceClock(minutes: number): Promise<Date> {
      const { url, token } = JSON.parse(readFileSync(join(dataDir, 'admin-endpoint.json'), 'utf8'));
      const res = await fetch(`${url}/internal/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ minutes }),
      });
      if (!res.ok) throw new Error(`moving the clock: ${res.status} ${await res.text()}`);
      return new Date(((await res.json()) as { now: string }).now);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
