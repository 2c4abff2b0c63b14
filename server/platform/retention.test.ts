import { randomUUID } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../common/time.ts';
import type { Database } from '../db/client.ts';
import { auditEvents, notifications, outboxEmails, sessions } from '../db/schema/index.ts';
import { buildNotification } from '../test/notification-factories.ts';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { chainHash, GENESIS_HASH, verifyAuditChain } from './audit.ts';
import { enqueueEmail } from './mail/outbox.ts';
import { runRetention } from './retention.ts';
import { createSession } from './sessions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Edits the table as an intruder with database access would: past the append-only trigger. */
async function tamper(database: Database, statement: string) {
  await database.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
  try {
    await database.query(statement);
  } finally {
    await database.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
  }
}

async function loginEventOf(userId: string) {
  const [row] = await t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row!;
}

describe('retention of audit IP addresses', () => {
  it('forgets the IP and browser of events older than the setting, keeps the events and the chain', async () => {
    const early = await t.signedIn();
    t.clock.advance(60 * DAY_MS);
    const later = await t.signedIn();
    t.clock.advance(31 * DAY_MS); // early: 91 days old, later: 31 days old; the setting is 90

    const before = await loginEventOf(early.user.id);
    expect(before.ip).toBe('127.0.0.1');
    expect(before.clientSalt).toMatch(/^[0-9a-f]{32}$/);

    const report = await runRetention(t.deps);
    expect(report.auditClientDetails).toBeGreaterThanOrEqual(1);

    const purged = await loginEventOf(early.user.id);
    expect(purged).toMatchObject({ ip: null, userAgent: null, clientSalt: null });
    expect({ ...purged, ip: before.ip, userAgent: before.userAgent, clientSalt: before.clientSalt }).toEqual(
      before,
    );
    const kept = await loginEventOf(later.user.id);
    expect(kept.ip).toBe('127.0.0.1');
    expect(kept.clientSalt).not.toBeNull();

    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    // Run again (or on a second instance): nothing more to do.
    expect((await runRetention(t.deps)).auditClientDetails).toBe(0);
  });

  it('keeps the IP of events written before purging was possible, which still verify', async () => {
    const [last] = await t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const content = {
      at: new Date(t.clock.now().getTime() - 400 * DAY_MS),
      actorUserId: null,
      actorOrganisationId: null,
      action: 'legacy.event',
      entityType: 'user',
      entityId: null,
      changes: {},
      ip: '198.51.100.7',
      userAgent: 'old browser',
      clientCommitment: null,
      clientSalt: null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const [legacy] = await t.db
      .insert(auditEvents)
      .values({ ...content, prevHash, hash: chainHash(prevHash, content) })
      .returning();

    await runRetention(t.deps);
    const [after] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, legacy!.id));
    expect(after!.ip).toBe('198.51.100.7');
    await expect(
      t.deps.database.query(
        `update audit_events set ip = null, user_agent = null, client_salt = null where id = ${legacy!.id}`,
      ),
    ).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('lets the trigger null only the IP, browser and salt together, and nothing else', async () => {
    const { user } = await t.signedIn();
    const { id } = await loginEventOf(user.id);
    for (const statement of [
      `update audit_events set ip = '203.0.113.9' where id = ${id}`,
      `update audit_events set ip = null where id = ${id}`,
      `update audit_events set ip = null, user_agent = null, client_salt = null, action = 'x' where id = ${id}`,
      `update audit_events set ip = null, user_agent = null, client_salt = null, client_commitment = null where id = ${id}`,
      `delete from audit_events where id = ${id}`,
    ]) {
      await expect(t.deps.database.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect((await loginEventOf(user.id)).ip).toBe('127.0.0.1');
  });

  it('names an event whose IP address was changed behind the trigger', async () => {
    const { user } = await t.signedIn();
    const { id } = await loginEventOf(user.id);
    await tamper(t.deps.database, `update audit_events set ip = '203.0.113.66' where id = ${id}`);
    try {
      expect(await verifyAuditChain(t.db)).toMatchObject({
        ok: false,
        brokenAt: id,
        reason: expect.stringMatching(/IP address/),
      });
    } finally {
      await tamper(t.deps.database, `update audit_events set ip = '127.0.0.1' where id = ${id}`);
    }
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('retention of sessions', () => {
  it('deletes session rows not used for longer than the setting, keeping newer ones', async () => {
    const { user } = await t.signedIn();
    const meta = { ip: '192.0.2.1', userAgent: 'phone' };
    const old = await createSession(t.db, t.deps, user.id, { now: t.clock.now(), ...meta });
    t.clock.advance(29 * DAY_MS);
    const recent = await createSession(t.db, t.deps, user.id, { now: t.clock.now(), ...meta });
    t.clock.advance(2 * DAY_MS);

    await runRetention(t.deps);
    const left = await t.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(inArray(sessions.id, [old.id, recent.id]));
    expect(left.map((s) => s.id)).toEqual([recent.id]);
  });
});

describe('retention of email bodies', () => {
  async function queue(to: string) {
    await enqueueEmail(t.db, t.deps, t.clock.now(), {
      to,
      language: 'en',
      template: { kind: 'password_changed', displayName: 'Somchai' },
    });
    const [row] = await t.db.select().from(outboxEmails).where(eq(outboxEmails.to, to));
    return row!;
  }

  it('empties recipient and bodies of emails done with, keeping what was sent and when', async () => {
    const held = await queue(`held-${randomUUID()}@example.test`);
    const sent = await queue(`sent-${randomUUID()}@example.test`);
    await t.db
      .update(outboxEmails)
      .set({ status: 'sent', sentAt: t.clock.now() })
      .where(eq(outboxEmails.id, sent.id));
    const pending = await queue(`pending-${randomUUID()}@example.test`);
    await t.db.update(outboxEmails).set({ status: 'pending' }).where(eq(outboxEmails.id, pending.id));
    t.clock.advance(20 * DAY_MS);
    const recent = await queue(`recent-${randomUUID()}@example.test`);
    t.clock.advance(11 * DAY_MS);

    await runRetention(t.deps);
    const rows = await t.db
      .select()
      .from(outboxEmails)
      .where(inArray(outboxEmails.id, [held.id, sent.id, pending.id, recent.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [held.id, sent.id]) {
      expect(byId.get(id)).toMatchObject({
        to: '',
        text: '',
        html: '',
        kind: 'password_changed',
        subject: held.subject,
        purgedAt: t.clock.now(),
      });
    }
    expect(byId.get(sent.id)!.sentAt).not.toBeNull();
    expect(byId.get(pending.id)).toMatchObject({ to: pending.to, text: pending.text, purgedAt: null });
    expect(byId.get(recent.id)).toMatchObject({ to: recent.to, text: recent.text, purgedAt: null });
  });
});

describe('retention of notifications', () => {
  it('deletes read notifications older than the setting, keeping unread and newer ones', async () => {
    const { user } = await t.signedIn();
    const at = t.clock.now();
    const oldRead = await buildNotification(t.db, { recipientUserId: user.id, at, readAt: at });
    const oldUnread = await buildNotification(t.db, { recipientUserId: user.id, at });
    t.clock.advance(100 * DAY_MS);
    const newerRead = await buildNotification(t.db, {
      recipientUserId: user.id,
      at: t.clock.now(),
      readAt: t.clock.now(),
    });
    t.clock.advance(81 * DAY_MS);

    await runRetention(t.deps);
    const left = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.recipientUserId, user.id));
    expect(left.map((n) => n.id).sort()).toEqual([oldUnread.id, newerRead.id].sort());
    expect(left.map((n) => n.id)).not.toContain(oldRead.id);
  });

  it('follows the configured number of days', async () => {
    const { user } = await t.signedIn();
    const at = t.clock.now();
    const read = await buildNotification(t.db, { recipientUserId: user.id, at, readAt: at });
    t.clock.advance(8 * DAY_MS);
    const config = { ...t.deps.config, retention: { ...t.deps.config.retention, notificationsDays: 30 } };
    await runRetention({ ...t.deps, config });
    expect(await t.db.select().from(notifications).where(eq(notifications.id, read.id))).toHaveLength(1);
    await runRetention({
      ...t.deps,
      config: { ...config, retention: { ...config.retention, notificationsDays: 7 } },
    });
    expect(await t.db.select().from(notifications).where(eq(notifications.id, read.id))).toHaveLength(0);
  });
});
