/**
 * How command-line tools reach the running server on the same machine (today: `npm run db:backup`).
 *
 * The embedded database (PGlite) belongs to one process and has no lock: a second process opening
 * DATA_DIR while the server runs would run recovery on the same files and corrupt them. So the server,
 * once listening, writes DATA_DIR/admin-endpoint.json (mode 0600: its pid, address and a random token
 * made at start), and a tool that finds that file with a live pid asks the server instead of opening the
 * directory. Authorisation is possession of that file, i.e. access to DATA_DIR, which already means
 * access to the whole database; the request must also come from this machine. The token changes at
 * every start, so the copy a backup carries is useless afterwards.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export const ENDPOINT_FILE = 'admin-endpoint.json';

type Endpoint = { pid: number; url: string; token: string };

export const newLocalAdminToken = () => randomBytes(32).toString('base64url');

/** Written by main.ts once the server listens; removed when it stops. */
export function writeEndpointFile(
  dataDir: string,
  server: { host: string; port: number; token: string },
): void {
  const host = ['0.0.0.0', '::', ''].includes(server.host) ? '127.0.0.1' : server.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${server.port}`;
  const endpoint: Endpoint = { pid: process.pid, url, token: server.token };
  writeFileSync(join(dataDir, ENDPOINT_FILE), JSON.stringify(endpoint), { mode: 0o600 });
}

export function removeEndpointFile(dataDir: string): void {
  rmSync(join(dataDir, ENDPOINT_FILE), { force: true });
}

/** The running server's endpoint, or null when no server runs on this DATA_DIR (a stale file is ignored). */
export function runningServer(dataDir: string): Endpoint | null {
  let endpoint: Endpoint;
  try {
    endpoint = JSON.parse(readFileSync(join(dataDir, ENDPOINT_FILE), 'utf8')) as Endpoint;
  } catch {
    return null;
  }
  if (!Number.isInteger(endpoint.pid) || typeof endpoint.url !== 'string') return null;
  try {
    process.kill(endpoint.pid, 0);
    return endpoint;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; it is still running.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? endpoint : null;
  }
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** Throws unless the request comes from this machine and carries the server's local admin token. */
export function assertLocalAdmin(req: FastifyRequest, token: string | undefined): void {
  const remote = req.socket.remoteAddress ?? '';
  const local = remote !== '' && (LOOPBACK.test(remote) || remote === req.socket.localAddress);
  const presented = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  // One answer for every failure: nothing tells a caller which part was wrong.
  const denied = () => new AppError(403, 'FORBIDDEN', 'Local administration only');
  if (!local || !token || !presented) throw denied();
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw denied();
}
