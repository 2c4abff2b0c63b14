/**
 * Vault contents never leave the vault: distinctive values go through every path (write, edit, consent,
 * reads by the unit and the requester, a document photo and its viewing, break-glass, expiry, an SLA
 * breach, purge), then the outbox, notifications,
 * audit events, the captured server logs, the CSV exports, search and every table are searched for them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import { rowsOf } from '../../db/rows.ts';
import { buildPerson } from '../../demo/factories.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { GPS_MARKER, tinyJpeg } from '../../test/photo-fixtures.ts';
import { buildTestApp, type TestApp } from '../../test/test-app.ts';
import { runSlaAlerts } from '../coordination/index.ts';
import { expireBreakGlass, purgeClosedVaults } from './vault.admin.ts';

const VALUES = ['Zyxwarin Qoplemon', 'นางสาวเกศสุดาลับเฉพาะ', 'XQ4417790', '0917773355', '3-1499-77123-45-0'];
const logs: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ captureLogs: logs });
}, 180_000);
afterAll(() => t.close());

async function tablesContaining(value: string) {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const [row] = rowsOf<{ n: number | string }>(
      await t.db.execute(
        sql`select count(*) as n from ${sql.identifier(table_name)} x where x::text ilike ${`%${value}%`}`,
      ),
    );
    if (Number(row!.n) > 0) hits.push(table_name);
  }
  return hits;
}

describe('vault contents never leak', () => {
  it('appear in no email, notification, audit event, log line, export, search result or clear column', async () => {
    const centre = await t.buildOrganisation({ nameEn: 'Centre Leak' });
    const mirror = await t.buildOrganisation({ nameEn: 'Mirror Leak' });
    const labour = await t.buildOrganisation({ nameEn: 'Labour Leak' });
    const admin = await t.signedIn({ role: 'admin', organisationId: centre.id });
    const requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
    const dpo = await t.signedIn({ role: 'member', organisationId: mirror.id });
    await buildPerson(t.db, {
      organisationId: mirror.id,
      userId: dpo.user.id,
      focalTopics: ['data_protection'],
    });
    const officer = await t.signedIn({ role: 'member', organisationId: labour.id });
    const unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officer.user.id] });
    const as = (who: { cookie: string }) => ({
      send: (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) =>
        t.request(method, url, { cookie: who.cookie, ...(body === undefined ? {} : { body }) }),
    });
    const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
      const res = await p;
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };

    const created = await ok(
      as(requester).send('POST', '/api/v1/coordination/requests', {
        receivingUnitId: unit.id,
        type: 'interpreter',
        urgency: 'high',
        province: 'TH-85',
        peopleCount: 1,
        needs: 'ล่ามภาษาเมียนมา',
      }),
      201,
    );
    const v = (rest: string) => `/api/v1/coordination/requests/${created.id}/vault${rest}`;
    const kinds = ['name', 'name', 'passport', 'phone', 'national_id'] as const;
    for (const [i, value] of VALUES.entries())
      await ok(as(requester).send('POST', v('/entries'), { kind: kinds[i], value: `${value}-draft` }), 201);
    // A photo of a document carrying a GPS position in its Exif: neither it nor its bytes leave the vault.
    const photo = tinyJpeg();
    const withPhoto = await ok(
      as(requester).send('POST', v('/photos'), { contentBase64: photo.toString('base64') }),
      201,
    );
    const own = await ok(as(requester).send('POST', v('/reveal'), { purpose: 'ตรวจทาน' }));
    for (const [i, entry] of own.entries.entries())
      await ok(as(requester).send('PATCH', v(`/entries/${entry.id}`), { value: VALUES[i] }));
    for (const to of ['acknowledged', 'accepted', 'in_progress'])
      await ok(as(officer).send('POST', `/api/v1/coordination/requests/${created.id}/transitions`, { to }));
    await ok(
      as(officer).send('POST', v('/consent'), {
        givenBy: 'person',
        givenAt: t.clock.now().toISOString(),
        purpose: 'จัดล่าม',
      }),
    );
    const read = await ok(as(officer).send('POST', v('/reveal'), { purpose: 'นัดล่าม' }));
    const seen = await t.request('POST', v(`/photos/${withPhoto.photos[0].id}/view`), {
      cookie: officer.cookie,
      body: { purpose: 'ยืนยันตัวตน' },
    });
    expect(seen.status).toBe(200);
    expect(read.entries.map((e: { value: string }) => e.value).sort()).toEqual([...VALUES].sort());
    await ok(as(admin).send('POST', v('/break-glass'), { reason: 'ศาลขอข้อมูลด่วน', minutes: 5 }));
    await ok(as(admin).send('POST', v('/reveal'), { purpose: 'ส่งศาล' }));
    t.clock.advance(6 * MINUTE_MS);
    await expireBreakGlass(t.deps);

    // Exports and search while the contents still exist.
    const adminCookie = (await t.signedIn({ role: 'admin', organisationId: centre.id })).cookie;
    const outputs: string[] = [];
    for (const url of [
      '/api/v1/organizations/export.csv?lang=th',
      '/api/v1/people/export.csv?lang=th',
      `/api/v1/organizations?q=${encodeURIComponent(VALUES[2]!)}`,
      `/api/v1/audit-events`,
      `/api/v1/coordination/requests/${created.id}`,
      `/api/v1/coordination/units/${unit.id}/inbox`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: adminCookie } });
      expect(res.statusCode, url).toBe(200);
      outputs.push(res.body);
    }

    // The unit misses the outcome target: the SLA job's notice to the unit is searched too.
    t.clock.advance(DAY_MS);
    expect((await runSlaAlerts(t.deps)).breaches).toBeGreaterThanOrEqual(1);
    // A day later the sessions have expired: sign in again.
    for (const who of [requester, officer]) who.cookie = await t.login(who.user.email, who.user.password);

    // Purge: 90 days after closing.
    await ok(
      as(officer).send('POST', `/api/v1/coordination/requests/${created.id}/transitions`, {
        to: 'done',
        outcome: 'successful',
      }),
    );
    // The requester heard of every move in-app (and rates it); the bells' lists are searched too.
    await ok(as(requester).send('PUT', `/api/v1/coordination/requests/${created.id}/rating`, { score: 4 }));
    for (const who of [requester, officer]) {
      const bell = await ok(as(who).send('GET', '/api/v1/notifications?limit=100'));
      expect(bell.items.some((n: { request: { id: string } | null }) => n.request?.id === created.id)).toBe(
        true,
      );
      outputs.push(JSON.stringify(bell));
    }
    const officerBell = await ok(as(officer).send('GET', '/api/v1/notifications?limit=100'));
    expect(
      officerBell.items.some(
        (n: { kind: string; request: { id: string } | null }) =>
          n.kind === 'sla_breached' && n.request?.id === created.id,
      ),
    ).toBe(true);
    t.clock.advance(91 * DAY_MS);
    expect(await purgeClosedVaults(t.deps)).toBe(1);

    const outbox = rowsOf<{ row: string }>(
      await t.db.execute(sql`select o::text as row from outbox_emails o`),
    );
    expect(
      outbox.some((o) => o.row.includes('vault_break_glass')),
      'the focal point was alerted',
    ).toBe(true);
    const notifications = rowsOf<{ row: string }>(
      await t.db.execute(sql`select n::text as row from notifications n`),
    );
    expect(notifications.length, 'the request notified its parties').toBeGreaterThanOrEqual(5);
    const audits = rowsOf<{ row: string }>(
      await t.db.execute(sql`select a::text as row from audit_events a`),
    );
    expect(audits.some((a) => a.row.includes('coordination.vault_read'))).toBe(true);
    expect(logs.length, 'logs were captured').toBeGreaterThan(10);
    const haystacks: [string, string][] = [
      ['outbox', outbox.map((o) => o.row).join('\n')],
      ['notifications', notifications.map((n) => n.row).join('\n')],
      ['audit events', audits.map((a) => a.row).join('\n')],
      // The search request's own URL carries the value the test typed; every other line is searched.
      ['server logs', logs.filter((line) => !line.includes('/api/v1/organizations?q=')).join('\n')],
      ['exports, search, API listings and notification lists', outputs.join('\n')],
    ];
    // The photo's metadata and its bytes in base64 (as uploaded and as stored after the strip).
    const photoTraces = [
      GPS_MARKER,
      photo.toString('base64').slice(0, 40),
      seen.raw.rawPayload.toString('base64').slice(0, 40),
    ];
    for (const value of [...VALUES, ...photoTraces]) {
      for (const [where, text] of haystacks) expect(text.includes(value), `${value} in ${where}`).toBe(false);
      // Nowhere in the database in clear, not even before the purge left only the tombstone.
      expect(await tablesContaining(value), value).toEqual([]);
    }
  }, 240_000);
});
