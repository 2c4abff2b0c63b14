import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import { rotateKeys } from '../../cli/keys-rotate.ts';
import { ConfigError } from '../../config.ts';
import {
  auditEvents,
  type CoordinationUnitRow,
  coordinationRequests,
  coordinationVaultEntries,
  outboxEmails,
  users,
} from '../../db/schema/index.ts';
import { buildPerson, buildUser } from '../../demo/factories.ts';
import { EncryptionKey, KeyRing, parseEncryptionKeys } from '../../platform/crypto/key-ring.ts';
import { missingKeyProblems } from '../../platform/crypto/keys-in-use.ts';
import { closeDeps, createDeps } from '../../runtime.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { buildTestApp, TEST_ENCRYPTION_KEYS, type TestApp } from '../../test/test-app.ts';
import { expireBreakGlass, purgeClosedVaults } from './vault.admin.ts';

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let centreAdmin: Who;
let requester: Who;
let requesterObserver: Who;
let officer: Who;
let officerColleague: Who;
let labourNonMember: Who;
let otherUnitOfficer: Who;
let outsider: Who;
let dpo: Who;
let unit: CoordinationUnitRow;

const NAME = 'นางสาวมะลิ ทดสอบลับ';
const PASSPORT = 'MQ7788123';

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre Vault' });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Vault', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Vault' });
  const fisheries = await t.buildOrganisation({ nameEn: 'Fisheries Vault' });
  centreAdmin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  requesterObserver = await t.signedIn({ role: 'observer', organisationId: mirror.id });
  dpo = await t.signedIn({ role: 'member', organisationId: mirror.id, displayName: 'DPO Mirror' });
  await buildPerson(t.db, {
    organisationId: mirror.id,
    userId: dpo.user.id,
    focalTopics: ['data_protection'],
  });
  officer = await t.signedIn({ role: 'member', organisationId: labour.id });
  officerColleague = await t.signedIn({ role: 'member', organisationId: labour.id });
  labourNonMember = await t.signedIn({ role: 'member', organisationId: labour.id });
  otherUnitOfficer = await t.signedIn({ role: 'member', organisationId: fisheries.id });
  outsider = await t.signedIn({ role: 'member', organisationId: (await t.buildOrganisation()).id });
  unit = await buildUnit(t.db, {
    organisationId: labour.id,
    memberIds: [officer.user.id, officerColleague.user.id],
  });
  await buildUnit(t.db, { organisationId: fisheries.id, memberIds: [otherUnitOfficer.user.id] });
});
afterAll(() => t.close());

/** Moves the injected clock; sessions idle past their limit, so everyone signs in again. */
async function advance(ms: number) {
  t.clock.advance(ms);
  for (const who of [
    centreAdmin,
    requester,
    requesterObserver,
    officer,
    officerColleague,
    labourNonMember,
    otherUnitOfficer,
    outsider,
    dpo,
  ])
    who.cookie = await t.login(who.user.email, who.user.password);
}

const send = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  t.request(method, url, { cookie: who.cookie, ...(body === undefined ? {} : { body }) });
const vaultUrl = (id: string, rest = '') => `/api/v1/coordination/requests/${id}/vault${rest}`;
const reveal = (who: Who, id: string, purpose = 'ติดต่อผู้เสียหายเพื่อจัดล่าม') =>
  send(who, 'POST', vaultUrl(id, '/reveal'), { purpose });

async function newRequest(overrides: Record<string, unknown> = {}) {
  const res = await send(requester, 'POST', '/api/v1/coordination/requests', {
    receivingUnitId: unit.id,
    type: 'interpreter',
    urgency: 'critical',
    province: 'TH-85',
    language: 'my',
    peopleCount: 1,
    ageBands: ['18_59'],
    sexes: ['female'],
    nationalities: ['myanmar'],
    needs: 'ล่ามภาษาเมียนมา',
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function moveTo(id: string, ...states: string[]) {
  for (const to of states) {
    const res = await send(officer, 'POST', `/api/v1/coordination/requests/${id}/transitions`, {
      to,
      ...(to === 'done' ? { outcome: 'successful' } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}
async function withEntries(id: string) {
  for (const [kind, value] of [
    ['name', NAME],
    ['passport', PASSPORT],
  ] as const) {
    const res = await send(requester, 'POST', vaultUrl(id, '/entries'), { kind, value });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}
const auditsOf = (id: string, action: string) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id));

describe('the vault of a coordination request', () => {
  it('stores only ciphertext under the current key, bound to its row', async () => {
    const id = await newRequest();
    await withEntries(id);
    const raw = (await t.db.execute(
      sql`select kind, key_id, value from coordination_vault_entries where request_id = ${id} order by kind`,
    )) as unknown as { rows: { kind: string; key_id: string; value: string }[] };
    expect(raw.rows.map((r) => r.kind)).toEqual(['name', 'passport']);
    for (const row of raw.rows) {
      expect(row.key_id).toBe('test1');
      expect(row.value).toMatch(/^v1:test1:/);
      expect(row.value).not.toContain(PASSPORT);
      expect(row.value).not.toContain('มะลิ');
    }
    // Copied onto another entry, a value does not decrypt there: the requester's own read fails loudly.
    const [a, b] = await t.db
      .select()
      .from(coordinationVaultEntries)
      .where(eq(coordinationVaultEntries.requestId, id));
    await t.db
      .update(coordinationVaultEntries)
      .set({ value: a!.value })
      .where(eq(coordinationVaultEntries.id, b!.id));
    expect((await reveal(requester, id)).status).toBe(500);
    await t.db
      .update(coordinationVaultEntries)
      .set({ value: b!.value })
      .where(eq(coordinationVaultEntries.id, b!.id));
    expect((await reveal(requester, id)).status).toBe(200);
  });

  it('releases to the accepting unit only after acceptance and consent, auditing purpose and field names', async () => {
    const id = await newRequest();
    await withEntries(id);
    const notAccepted = await reveal(officer, id);
    expect(notAccepted.status).toBe(403);
    expect(notAccepted.body.error.details.reason).toBe('VAULT_NOT_ACCEPTED');
    await moveTo(id, 'acknowledged', 'accepted');

    const noConsent = await reveal(officer, id);
    expect(noConsent.status).toBe(403);
    expect(noConsent.body.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'VAULT_CONSENT_REQUIRED' },
    });
    expect(noConsent.body.error.message).toMatch(/consent/);
    const view = await send(officer, 'GET', vaultUrl(id));
    expect(view.body).toMatchObject({ entryCount: 2, refusal: 'VAULT_CONSENT_REQUIRED' });
    expect(view.body.may).toMatchObject({ recordConsent: true, reveal: false, write: false });
    expect(JSON.stringify(view.body)).not.toContain(PASSPORT);

    // A purpose is required; without one nothing is read and nothing audited.
    const before = (await auditsOf(id, 'coordination.vault_read')).length;
    expect((await send(officer, 'POST', vaultUrl(id, '/reveal'), {})).status).toBe(400);
    expect((await send(officer, 'POST', vaultUrl(id, '/reveal'), { purpose: ' ' })).status).toBe(400);
    expect((await auditsOf(id, 'coordination.vault_read')).length).toBe(before);

    // Consent from the future is refused; a real one releases.
    const future = new Date(t.clock.now().getTime() + DAY_MS).toISOString();
    const bad = await send(officer, 'POST', vaultUrl(id, '/consent'), {
      givenBy: 'person',
      givenAt: future,
      purpose: 'จัดล่าม',
    });
    expect(bad.status).toBe(400);
    const consent = await send(officer, 'POST', vaultUrl(id, '/consent'), {
      givenBy: 'person',
      givenAt: t.clock.now().toISOString(),
      purpose: 'จัดล่ามและติดต่อกลับ',
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    expect(consent.body.consent).toMatchObject({ givenBy: 'person', purpose: 'จัดล่ามและติดต่อกลับ' });

    const read = await reveal(officerColleague, id, 'นัดล่ามกับผู้เสียหาย');
    expect(read.status).toBe(200);
    expect(read.body.basis).toBe('consent');
    expect(read.body.entries.map((e: { value: string }) => e.value).sort()).toEqual([PASSPORT, NAME].sort());
    const [audit] = await auditsOf(id, 'coordination.vault_read');
    expect(audit!.actorUserId).toBe(officerColleague.user.id);
    expect(audit!.changes).toEqual({
      purpose: 'นัดล่ามกับผู้เสียหาย',
      basis: 'consent',
      fields: ['name', 'passport'],
      entryCount: 2,
    });
  });

  it('releases under an override with its reason, and for children without consent (logged as child)', async () => {
    const adult = await newRequest();
    await withEntries(adult);
    await moveTo(adult, 'acknowledged', 'accepted', 'in_progress');
    const tooShort = await send(officer, 'POST', vaultUrl(adult, '/override'), { reason: 'ด่วน' });
    expect(tooShort.status).toBe(400);
    const override = await send(officer, 'POST', vaultUrl(adult, '/override'), {
      reason: 'ผู้เสียหายหมดสติ ต้องยืนยันตัวตนกับโรงพยาบาล',
    });
    expect(override.status).toBe(200);
    expect((await reveal(officer, adult)).body.basis).toBe('override');
    const [o] = await auditsOf(adult, 'coordination.vault_consent_overridden');
    expect(o!.changes).toEqual({ reason: 'ผู้เสียหายหมดสติ ต้องยืนยันตัวตนกับโรงพยาบาล' });

    const child = await newRequest({ ageBands: ['12_17'] });
    await withEntries(child);
    await moveTo(child, 'acknowledged', 'accepted');
    const read = await reveal(officer, child, 'ส่งตัวเด็กเข้าสถานคุ้มครอง');
    expect(read.status).toBe(200);
    expect(read.body.basis).toBe('child');
    const [logged] = await auditsOf(child, 'coordination.vault_read');
    expect(logged!.changes).toMatchObject({ basis: 'child', purpose: 'ส่งตัวเด็กเข้าสถานคุ้มครอง' });
  });

  it('answers each party as decided: requester org writes and reads its own; others see at most that it exists', async () => {
    const id = await newRequest();
    await withEntries(id);
    await moveTo(id, 'acknowledged', 'accepted');
    await send(officer, 'POST', vaultUrl(id, '/consent'), {
      givenBy: 'parent_guardian',
      givenAt: t.clock.now().toISOString(),
      purpose: 'จัดล่าม',
    });
    const expectations: [string, Who, number, string | null][] = [
      ['requesting organisation', requester, 200, null],
      ['accepting unit', officer, 200, null],
      ['requester org observer', requesterObserver, 403, 'VAULT_NOT_RELEASED'],
      ['same org, not in the unit', labourNonMember, 404, null],
      ['another unit', otherUnitOfficer, 404, null],
      ['another organisation', outsider, 404, null],
      ['the Centre without break-glass', centreAdmin, 403, 'VAULT_BREAK_GLASS_REQUIRED'],
    ];
    for (const [who, actor, status, code] of expectations) {
      const res = await reveal(actor, id);
      expect(res.status, who).toBe(status);
      if (code) expect(res.body.error.details.reason, who).toBe(code);
      const view = await send(actor, 'GET', vaultUrl(id));
      expect(view.status, who).toBe(status === 404 ? 404 : 200);
    }
    // Only the requesting organisation writes; the unit cannot, an observer cannot.
    for (const who of [officer, requesterObserver, centreAdmin])
      expect(
        (await send(who, 'POST', vaultUrl(id, '/entries'), { kind: 'phone', value: '0811111111' })).status,
      ).toBe(403);
    expect(
      (await send(outsider, 'POST', vaultUrl(id, '/entries'), { kind: 'phone', value: '0811111111' })).status,
    ).toBe(404);
    // Consent is the accepting unit's to record.
    const consent = { givenBy: 'person', givenAt: t.clock.now().toISOString(), purpose: 'จัดล่าม' };
    expect((await send(requester, 'POST', vaultUrl(id, '/consent'), consent)).status).toBe(403);
    // The requester edits and removes its entries.
    const own = await reveal(requester, id);
    const entry = own.body.entries.find((e: { kind: string }) => e.kind === 'passport');
    const edited = await send(requester, 'PATCH', vaultUrl(id, `/entries/${entry.id}`), {
      value: 'MQ0000001',
    });
    expect(edited.status).toBe(200);
    expect((await reveal(requester, id)).body.entries.map((e: { value: string }) => e.value)).toContain(
      'MQ0000001',
    );
    expect((await send(requester, 'DELETE', vaultUrl(id, `/entries/${entry.id}`))).status).toBe(200);
    expect((await send(requester, 'GET', vaultUrl(id))).body.entryCount).toBe(1);
  });

  it('break-glass: a reasoned, time-boxed read, audited as start and end, alerting the data-protection focal point', async () => {
    const id = await newRequest();
    await withEntries(id);
    expect(
      (await send(requester, 'POST', vaultUrl(id, '/break-glass'), { reason: 'ตรวจสอบกรณีฉุกเฉิน' })).status,
    ).toBe(403);
    const open = await send(centreAdmin, 'POST', vaultUrl(id, '/break-glass'), {
      reason: 'ศาลขอข้อมูลด่วนในคดีค้ามนุษย์',
      minutes: 30,
    });
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body.breakGlass).toMatchObject({ reason: 'ศาลขอข้อมูลด่วนในคดีค้ามนุษย์' });
    const [started] = await auditsOf(id, 'coordination.vault_break_glass_started');
    expect(started!.changes).toMatchObject({ reason: 'ศาลขอข้อมูลด่วนในคดีค้ามนุษย์', minutes: 30 });
    const [mail] = await t.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.kind, 'vault_break_glass'), eq(outboxEmails.to, dpo.user.email)));
    expect(mail, 'the focal point is alerted by email').toBeTruthy();
    expect(mail!.text).toContain('30');
    expect(mail!.text).not.toContain('ศาลขอข้อมูล'); // content-free: not even the reason

    const read = await reveal(centreAdmin, id, 'ส่งข้อมูลให้ศาล');
    expect(read.status).toBe(200);
    expect(read.body.basis).toBe('break_glass');

    // The window passes: the job records its end once, and the Centre is refused again.
    await advance(31 * MINUTE_MS);
    expect(await expireBreakGlass(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await expireBreakGlass(t.deps)).toBe(0);
    const [ended] = await auditsOf(id, 'coordination.vault_break_glass_ended');
    expect(ended!.changes).toMatchObject({ how: 'expired' });
    expect((await reveal(centreAdmin, id)).body.error.details.reason).toBe('VAULT_BREAK_GLASS_REQUIRED');

    // Closed explicitly before it expires.
    await send(centreAdmin, 'POST', vaultUrl(id, '/break-glass'), {
      reason: 'ตรวจสอบซ้ำตามคำสั่งศาล',
      minutes: 10,
    });
    const closed = await send(centreAdmin, 'POST', vaultUrl(id, '/break-glass/close'));
    expect(closed.status).toBe(200);
    expect(closed.body.breakGlass).toBeNull();
    const [end] = await auditsOf(id, 'coordination.vault_break_glass_ended');
    expect(end!.changes).toMatchObject({ how: 'closed' });
    expect((await send(centreAdmin, 'POST', vaultUrl(id, '/break-glass/close'))).status).toBe(409);
  });

  it('purges contents 90 days after the request closed, unless on legal hold, leaving a tombstone', async () => {
    const id = await newRequest();
    await withEntries(id);
    await moveTo(id, 'acknowledged', 'accepted', 'in_progress', 'done');
    const closedAt = t.clock.now();
    await advance(89 * DAY_MS);
    await purgeClosedVaults(t.deps);
    expect((await send(requester, 'GET', vaultUrl(id))).body.purged).toBeNull();

    expect(
      (await send(requester, 'PUT', vaultUrl(id, '/legal-hold'), { hold: true, reason: 'คดีอยู่ในศาล' })).status,
    ).toBe(403);
    const hold = await send(centreAdmin, 'PUT', vaultUrl(id, '/legal-hold'), {
      hold: true,
      reason: 'คดีอยู่ในศาล',
    });
    expect(hold.status).toBe(200);
    expect(hold.body.legalHold).toMatchObject({ reason: 'คดีอยู่ในศาล' });
    await advance(2 * DAY_MS);
    await purgeClosedVaults(t.deps);
    expect((await send(requester, 'GET', vaultUrl(id))).body).toMatchObject({ purged: null, entryCount: 2 });

    await send(centreAdmin, 'PUT', vaultUrl(id, '/legal-hold'), { hold: false, reason: 'ศาลตัดสินแล้ว' });
    expect(await purgeClosedVaults(t.deps)).toBeGreaterThanOrEqual(1);
    const tomb = await send(requester, 'GET', vaultUrl(id));
    expect(tomb.body).toMatchObject({
      entryCount: 0,
      purged: { entryCount: 2, by: null, closedAt: closedAt.toISOString() },
      may: { write: false, reveal: false },
    });
    const rows = await t.db
      .select()
      .from(coordinationVaultEntries)
      .where(eq(coordinationVaultEntries.requestId, id));
    expect(rows).toEqual([]);
    const [purged] = await auditsOf(id, 'coordination.vault_purged');
    expect(purged!.changes).toEqual({ entryCount: 2, photoCount: 0, retentionDays: 90 });
    expect((await reveal(requester, id)).status).toBe(409);
    expect(
      (await send(requester, 'POST', vaultUrl(id, '/entries'), { kind: 'name', value: 'x' })).body.error.code,
    ).toBe('VAULT_PURGED');
    // The request itself is untouched.
    const [request] = await t.db.select().from(coordinationRequests).where(eq(coordinationRequests.id, id));
    expect(request!.state).toBe('done');
  });
});

describe('vault keys', () => {
  it("lets the requesting organisation's data-protection focal point set and lift a legal hold, audited", async () => {
    const id = await newRequest();
    await withEntries(id);
    expect((await send(dpo, 'GET', vaultUrl(id))).body.may.legalHold).toBe(true);
    expect((await send(requester, 'GET', vaultUrl(id))).body.may.legalHold).toBe(false);
    // Anyone else of the organisation may see the vault but not hold it; other organisations never see it.
    const refused = await send(requester, 'PUT', vaultUrl(id, '/legal-hold'), {
      hold: true,
      reason: 'คดีอยู่ในศาล',
    });
    expect(refused.status).toBe(403);
    expect(
      (await send(outsider, 'PUT', vaultUrl(id, '/legal-hold'), { hold: true, reason: 'x'.repeat(5) }))
        .status,
    ).toBe(404);
    expect((await send(dpo, 'PUT', vaultUrl(id, '/legal-hold'), { hold: true, reason: '' })).status).toBe(
      400,
    );
    expect(await auditsOf(id, 'coordination.vault_legal_hold_set')).toHaveLength(0);

    const held = await send(dpo, 'PUT', vaultUrl(id, '/legal-hold'), {
      hold: true,
      reason: 'คดีอยู่ในศาลจังหวัดระนอง',
    });
    expect(held.status).toBe(200);
    expect(held.body.legalHold).toMatchObject({
      reason: 'คดีอยู่ในศาลจังหวัดระนอง',
      by: { displayName: 'DPO Mirror' },
    });
    // The unit that works on the request sees the hold too: it changes what it may expect of the purge.
    expect((await send(officer, 'GET', vaultUrl(id))).body.legalHold).toMatchObject({
      reason: 'คดีอยู่ในศาลจังหวัดระนอง',
    });
    const [set] = await auditsOf(id, 'coordination.vault_legal_hold_set');
    expect(set).toMatchObject({ actorUserId: dpo.user.id, changes: { reason: 'คดีอยู่ในศาลจังหวัดระนอง' } });

    const lifted = await send(dpo, 'PUT', vaultUrl(id, '/legal-hold'), { hold: false, reason: 'ศาลตัดสินแล้ว' });
    expect(lifted.body.legalHold).toBeNull();
    expect(await auditsOf(id, 'coordination.vault_legal_hold_cleared')).toHaveLength(1);
  });

  it('keys:rotate re-encrypts vault values in the same transaction, and a missing key is named at start', async () => {
    const id = await newRequest();
    await withEntries(id);
    const testKeys = parseEncryptionKeys(TEST_ENCRYPTION_KEYS).keys;
    const k2 = new EncryptionKey('k2', randomBytes(32));
    const counts = await rotateKeys(t.db, new KeyRing([k2, ...testKeys]), t.clock.now());
    expect(counts.vault.reencrypted).toBeGreaterThanOrEqual(2);
    const all = await t.db.select().from(coordinationVaultEntries);
    for (const row of all) {
      expect(row.keyId).toBe('k2');
      expect(row.value).toMatch(/^v1:k2:/);
    }
    // The ring without k2: the start-up check names the key and the field.
    const original = t.deps.keyRing;
    const problems = await missingKeyProblems(t.db, original);
    expect(problems.join('\n')).toMatch(/coordination_vault_entries\.value are encrypted under key "k2"/);
    // With k2 the values read again, then everything goes back under the test key.
    t.deps.keyRing = new KeyRing([...testKeys, k2]);
    try {
      expect((await reveal(requester, id)).body.entries.map((e: { value: string }) => e.value)).toContain(
        PASSPORT,
      );
      await rotateKeys(t.db, t.deps.keyRing, t.clock.now());
    } finally {
      t.deps.keyRing = original;
    }
    expect(await missingKeyProblems(t.db, original)).toEqual([]);
  });

  it('a value that cannot be read makes keys:rotate change nothing', async () => {
    const id = await newRequest();
    await withEntries(id);
    const [row] = await t.db
      .select()
      .from(coordinationVaultEntries)
      .where(eq(coordinationVaultEntries.requestId, id));
    const before = await t.db.select().from(coordinationVaultEntries);
    await t.db
      .update(coordinationVaultEntries)
      .set({ value: `${row!.value.slice(0, -4)}AAAA` })
      .where(eq(coordinationVaultEntries.id, row!.id));
    const k9 = new EncryptionKey('k9', randomBytes(32));
    const tampered = await t.db.select().from(coordinationVaultEntries);
    await expect(
      rotateKeys(t.db, new KeyRing([k9, ...parseEncryptionKeys(TEST_ENCRYPTION_KEYS).keys]), t.clock.now()),
    ).rejects.toThrow(/vault entry/);
    expect(await t.db.select().from(coordinationVaultEntries)).toEqual(tampered);
    await t.db
      .update(coordinationVaultEntries)
      .set({ value: row!.value })
      .where(eq(coordinationVaultEntries.id, row!.id));
    expect((await t.db.select().from(coordinationVaultEntries)).length).toBe(before.length);
  });

  it('the server refuses to start when a stored value needs a key missing from the ring', async () => {
    const template = inject('pgliteTemplatePath');
    const pg = process.env.TIPNET_TEST_DRIVER === 'pg';
    if (!pg && !template) return; // nothing to start from on this project
    const dataDir = pg ? '' : mkdtempSync(join(tmpdir(), 'tipnet-vault-keys-'));
    const config = { ...t.deps.config, dataDir, logLevel: 'silent' };
    const options = {
      clock: t.clock,
      transport: null,
      logger: t.deps.logger,
      ...(pg ? {} : { pgliteTemplate: new Blob([readFileSync(template!)]) }),
    };
    try {
      const first = await createDeps(config, options);
      // A 2FA secret sealed under a key that is then dropped from the ring.
      const gone = new KeyRing([new EncryptionKey('gone', randomBytes(32))]);
      const { id: userId } = await buildUser(first.db);
      await first.db
        .update(users)
        .set({ totpSecret: gone.encrypt('JBSWY3DPEHPK3PXP') })
        .where(eq(users.id, userId));
      await closeDeps(first);
      const refused = createDeps(config, { ...options, pgliteTemplate: undefined });
      await expect(refused).rejects.toBeInstanceOf(ConfigError);
      await expect(refused).rejects.toThrow(/users\.totp_secret are encrypted under key "gone"/);
      if (pg) await t.db.update(users).set({ totpSecret: null }).where(eq(users.id, userId));
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
