import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, keyRingFor, loadConfig } from './config.ts';
import { DEV_KEY_ID } from './platform/crypto/key-ring.ts';

const SECRET = 'a-session-secret-of-at-least-32-chars';
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tipnet-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults for the embedded setup', () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      production: false,
      port: 3000,
      host: '0.0.0.0',
      baseUrl: 'http://localhost:3000',
      dataDir: resolve(dir),
      databaseUrl: undefined,
      smtpUrl: undefined,
      mailFrom: 'TIPNet <no-reply@tipnet.example>',
      seedDemo: true,
      demoPassword: undefined,
      logLevel: 'info',
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      freshReadsPerMinute: 10,
    });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('defaults DATA_DIR to ./data, derives BASE_URL from PORT and treats blank values as unset', () => {
    const config = loadConfig({ SESSION_SECRET: SECRET, PORT: '8080', LOG_LEVEL: '', DATABASE_URL: '' });
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.baseUrl).toBe('http://localhost:8080');
    expect(config.logLevel).toBe('info');
    expect(config.databaseUrl).toBeUndefined();
    expect(loadConfig({ SESSION_SECRET: SECRET, BASE_URL: 'https://tipnet.example.org/' }).baseUrl).toBe(
      'https://tipnet.example.org',
    );
  });

  it('reads every setting', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '4000',
      HOST: '127.0.0.1',
      BASE_URL: 'https://tipnet.example.org',
      DATABASE_URL: 'postgresql://tipnet@db:5432/tipnet',
      SESSION_SECRET: SECRET,
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      MAIL_FROM: 'TIPNet <tipnet@example.org>',
      DEMO_PASSWORD: 'a-long-demo-password',
      LOG_LEVEL: 'warn',
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      FRESH_READS_PER_MINUTE: '50',
    });
    expect(config).toMatchObject({
      production: true,
      port: 4000,
      host: '127.0.0.1',
      baseUrl: 'https://tipnet.example.org',
      databaseUrl: 'postgresql://tipnet@db:5432/tipnet',
      sessionSecret: SECRET,
      smtpUrl: 'smtps://user:pass@mail.example.org:465',
      mailFrom: 'TIPNet <tipnet@example.org>',
      seedDemo: false,
      demoPassword: 'a-long-demo-password',
      logLevel: 'warn',
      sessionIdleMs: 15 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
      freshReadsPerMinute: 50,
    });
  });

  it('reports every invalid variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://root@localhost/tipnet',
      SESSION_SECRET: 'too-short',
      LOG_LEVEL: 'verbose',
      DATA_DIR: tempDir(),
    });
    expect(problems).toHaveLength(4);
    for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'LOG_LEVEL']) {
      expect(problems.some((p) => p.startsWith(`${name}:`))).toBe(true);
    }
    expect(problems.find((p) => p.startsWith('SESSION_SECRET:'))).toContain('at least 32 characters');
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (err) {
      expect((err as Error).message).toMatch(/^Invalid configuration:\n {2}- PORT: .*\n {2}- LOG_LEVEL: /);
    }
    expect(
      problemsOf({ SMTP_URL: 'http://mail.example.org', SEED_DEMO: 'maybe', DEMO_PASSWORD: 'short' }),
    ).toHaveLength(3);
  });

  it('requires SESSION_SECRET and BASE_URL in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATA_DIR: tempDir() });
    expect(problems).toEqual([
      'SESSION_SECRET: required when NODE_ENV=production',
      'BASE_URL: required when NODE_ENV=production',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', SESSION_SECRET: SECRET })).toEqual([
      'BASE_URL: required when NODE_ENV=production',
    ]);
    // Reported together with any other invalid variable, not one round later.
    const mixed = problemsOf({ NODE_ENV: 'production', PORT: 'x', BASE_URL: 'https://tipnet.example.org' });
    expect(mixed).toHaveLength(2);
    expect(mixed.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(mixed).toContain('SESSION_SECRET: required when NODE_ENV=production');
  });

  it('persists a generated session secret in DATA_DIR for the embedded default', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dir });
    const file = join(dir, 'session-secret');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
    expect(loadConfig({ DATA_DIR: tempDir() }).sessionSecret).not.toBe(first.sessionSecret);

    const given = tempDir();
    expect(loadConfig({ DATA_DIR: given, SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(existsSync(join(given, 'session-secret'))).toBe(false);
  });

  it('seeds the demo by default only without DATABASE_URL', () => {
    const dir = tempDir();
    expect(loadConfig({ DATA_DIR: dir }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://localhost/tipnet' }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, SEED_DEMO: 'off' }).seedDemo).toBe(false);
    expect(
      loadConfig({ DATA_DIR: dir, SEED_DEMO: 'yes', DATABASE_URL: 'postgres://localhost/tipnet' }).seedDemo,
    ).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('keeps personal data for the configured number of days, with defaults', () => {
    expect(loadConfig({ SESSION_SECRET: SECRET }).retention).toEqual({
      sessionsDays: 30,
      auditIpDays: 90,
      outboxDays: 30,
      notificationsDays: 180,
      forumRegistrantsDays: 365,
    });
    expect(
      loadConfig({ SESSION_SECRET: SECRET, RETENTION_AUDIT_IP_DAYS: '30', RETENTION_OUTBOX_DAYS: '7' })
        .retention,
    ).toMatchObject({ auditIpDays: 30, outboxDays: 7 });
    const problems = problemsOf({
      SESSION_SECRET: SECRET,
      RETENTION_SESSIONS_DAYS: '0',
      RETENTION_NOTIFICATIONS_DAYS: 'forever',
    });
    expect(problems.join('\n')).toMatch(/RETENTION_SESSIONS_DAYS/);
    expect(problems.join('\n')).toMatch(/RETENTION_NOTIFICATIONS_DAYS/);
  });
});

describe('encryption keys (TIPNET_ENCRYPTION_KEYS)', () => {
  const KEY = Buffer.alloc(32, 7).toString('base64');
  const OLD = Buffer.alloc(32, 9).toString('base64');
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: SECRET,
    BASE_URL: 'https://tipnet.example.org',
  };

  it('refuses to start in production without a key, saying what to set', () => {
    const config = loadConfig(production);
    expect(config.encryptionKeys).toEqual([]);
    let problems: string[] = [];
    try {
      keyRingFor(config);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TIPNET_ENCRYPTION_KEYS: required when NODE_ENV=production/);
  });

  it('in production uses exactly the configured keys, the first for encryption', () => {
    const config = loadConfig({ ...production, TIPNET_ENCRYPTION_KEYS: `k2:${KEY},k1:${OLD}` });
    const { keyRing, development } = keyRingFor(config);
    expect(development).toBe(false);
    expect(keyRing.currentKeyId).toBe('k2');
    expect(keyRing.keyIds).toEqual(['k2', 'k1']);
    // The configuration can be logged: the keys show as their ids only.
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(JSON.stringify(config)).not.toContain(OLD);
  });

  it('elsewhere falls back to the development key, kept for decryption beside configured keys', () => {
    const dev = keyRingFor(loadConfig({ DATA_DIR: tempDir() }));
    expect(dev.development).toBe(true);
    expect(dev.keyRing.currentKeyId).toBe(DEV_KEY_ID);
    const configured = keyRingFor(loadConfig({ DATA_DIR: tempDir(), TIPNET_ENCRYPTION_KEYS: `k1:${KEY}` }));
    expect(configured.development).toBe(false);
    expect(configured.keyRing.keyIds).toEqual(['k1', DEV_KEY_ID]);
    // What the development key encrypted, a configured ring still reads (so keys:rotate can move it).
    expect(configured.keyRing.decrypt(dev.keyRing.encrypt('s', 'a'), 'a')).toBe('s');
  });

  it('reports malformed keys with the other problems, without their material', () => {
    const problems = problemsOf({
      PORT: 'x',
      TIPNET_ENCRYPTION_KEYS: `k1:${KEY.slice(0, 20)}`,
      DATA_DIR: tempDir(),
    });
    expect(problems).toHaveLength(2);
    expect(problems).toContain(
      'TIPNET_ENCRYPTION_KEYS: entry 1 (k1): the key must be base64 of exactly 32 random bytes',
    );
    expect(problems.join()).not.toContain(KEY.slice(0, 20));
  });
});
