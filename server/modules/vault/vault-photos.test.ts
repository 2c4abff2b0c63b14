/**
 * Photos of documents in the vault: only JPEG, PNG or WebP by their bytes, capped in size and number,
 * metadata (GPS) removed, encrypted at rest, viewed only by whoever may read the fields (each view audited
 * with its purpose, 404 to anyone else), re-encrypted by keys:rotate and purged with the fields.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VAULT_PHOTO_LIMITS } from '../../../common/coordination-vault-api.ts';
import { DAY_MS } from '../../../common/time.ts';
import { rotateKeys } from '../../cli/keys-rotate.ts';
import {
  auditEvents,
  type CoordinationUnitRow,
  coordinationVaultPhotos,
  coordinationVaults,
} from '../../db/schema/index.ts';
import { EncryptionKey, KeyRing, parseEncryptionKeys } from '../../platform/crypto/key-ring.ts';
import { missingKeyProblems } from '../../platform/crypto/keys-in-use.ts';
import { buildUnit } from '../../test/coordination-factories.ts';
import { GPS_MARKER, tinyJpeg, tinyPng, tinyWebp } from '../../test/photo-fixtures.ts';
import { buildTestApp, TEST_ENCRYPTION_KEYS, type TestApp } from '../../test/test-app.ts';
import { purgeClosedVaults } from './vault.admin.ts';
import { photoTypeOf, withoutMetadata } from './vault.photo.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The JPEG's segments before the scan: [marker, payload]. */
function jpegSegments(b: Buffer) {
  const out: [number, Buffer][] = [];
  for (let at = 2; b[at + 1] !== 0xda; ) {
    const length = b.readUInt16BE(at + 2);
    out.push([b[at + 1]!, b.subarray(at + 4, at + 2 + length)]);
    at += 2 + length;
  }
  return out;
}
const pngChunks = (b: Buffer) => {
  const types: string[] = [];
  for (let at = 8; at < b.length; at += 12 + b.readUInt32BE(at))
    types.push(b.toString('latin1', at + 4, at + 8));
  return types;
};

describe('a document photo before it is sealed', () => {
  it('is typed by its signature, not its name or the client', () => {
    expect(photoTypeOf(tinyJpeg())).toBe('image/jpeg');
    expect(photoTypeOf(tinyPng())).toBe('image/png');
    expect(photoTypeOf(tinyWebp())).toBe('image/webp');
    expect(photoTypeOf(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(photoTypeOf(Buffer.from('%PDF-1.7 not a photo'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('loses its JPEG Exif (GPS), comments and XMP but keeps its orientation and image data', () => {
    const original = tinyJpeg(6);
    expect(original.includes(GPS_MARKER)).toBe(true);
    const stripped = withoutMetadata(original, 'image/jpeg');
    expect(stripped.includes(GPS_MARKER)).toBe(false);
    const segments = jpegSegments(stripped);
    expect(segments.map(([m]) => m.toString(16))).toEqual(['e0', 'e1', 'db']);
    // The only Exif left is the orientation: one IFD entry, tag 0x0112, value 6.
    const exif = segments[1]![1];
    expect(exif.toString('latin1', 0, 6)).toBe('Exif\0\0');
    expect(exif.readUInt16BE(6 + 8)).toBe(1);
    expect(exif.readUInt16BE(6 + 10)).toBe(0x0112);
    expect(exif.readUInt16BE(6 + 18)).toBe(6);
    // The scan is copied byte for byte.
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(stripped)).toEqual(scan(original));
    // An upright photo needs no Exif at all.
    expect(jpegSegments(withoutMetadata(tinyJpeg(1), 'image/jpeg')).map(([m]) => m)).toEqual([0xe0, 0xdb]);
  });

  it('loses its PNG text, eXIf and time chunks, and its WebP EXIF and XMP chunks and flags', () => {
    const png = withoutMetadata(tinyPng(), 'image/png');
    expect(png.includes(GPS_MARKER)).toBe(false);
    expect(pngChunks(png)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(png).toEqual(tinyPng(false));

    const webp = withoutMetadata(tinyWebp(), 'image/webp');
    expect(webp.includes(GPS_MARKER)).toBe(false);
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
    expect(webp.toString('latin1', 12, 16)).toBe('VP8X');
    expect(webp[20]! & 0x0c).toBe(0);
    expect(webp.includes(Buffer.from('VP8L'))).toBe(true);
  });
});

let t: TestApp;
type Who = Awaited<ReturnType<TestApp['signedIn']>>;
let centreAdmin: Who;
let requester: Who;
let requesterObserver: Who;
let officer: Who;
let outsider: Who;
let unit: CoordinationUnitRow;

beforeAll(async () => {
  t = await buildTestApp();
  const centre = await t.buildOrganisation({ nameEn: 'Centre Photos' });
  const mirror = await t.buildOrganisation({ nameEn: 'Mirror Photos', sector: 'civil_society' });
  const labour = await t.buildOrganisation({ nameEn: 'Labour Photos' });
  centreAdmin = await t.signedIn({ role: 'admin', organisationId: centre.id });
  requester = await t.signedIn({ role: 'member', organisationId: mirror.id });
  requesterObserver = await t.signedIn({ role: 'observer', organisationId: mirror.id });
  officer = await t.signedIn({ role: 'member', organisationId: labour.id });
  outsider = await t.signedIn({ role: 'member', organisationId: (await t.buildOrganisation()).id });
  unit = await buildUnit(t.db, { organisationId: labour.id, memberIds: [officer.user.id] });
}, 180_000);
afterAll(() => t.close());

const send = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  t.request(method, url, { cookie: who.cookie, ...(body === undefined ? {} : { body }) });
const vaultUrl = (id: string, rest = '') => `/api/v1/coordination/requests/${id}/vault${rest}`;
const upload = (who: Who, id: string, bytes: Buffer | string) =>
  send(who, 'POST', vaultUrl(id, '/photos'), {
    contentBase64: typeof bytes === 'string' ? bytes : bytes.toString('base64'),
  });
/** The raw answer (headers and bytes) of viewing a photo. */
const view = async (who: Who, id: string, photoId: string, purpose = 'ตรวจสอบหนังสือเดินทาง') =>
  (await send(who, 'POST', vaultUrl(id, `/photos/${photoId}/view`), { purpose })).raw;

async function newRequest() {
  const res = await send(requester, 'POST', '/api/v1/coordination/requests', {
    receivingUnitId: unit.id,
    type: 'interpreter',
    urgency: 'high',
    province: 'TH-85',
    peopleCount: 1,
    ageBands: ['18_59'],
    needs: 'ล่ามภาษาเมียนมา',
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
const photoRows = (id: string) =>
  t.db.select().from(coordinationVaultPhotos).where(eq(coordinationVaultPhotos.requestId, id));

describe('photos of documents in the vault', () => {
  it('are added by the requester as JPEG, PNG or WebP, stored encrypted without metadata', async () => {
    const id = await newRequest();
    for (const bytes of [tinyJpeg(), tinyPng(), tinyWebp()]) {
      const res = await upload(requester, id, bytes);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    // A data: URL as FileReader gives it is fine too.
    const dataUrl = await upload(requester, id, `data:image/png;base64,${tinyPng().toString('base64')}`);
    expect(dataUrl.status).toBe(201);
    type Photo = { id: string; type: string; bytes: number };
    const photos = dataUrl.body.photos as Photo[];
    expect(photos.map((p) => p.type).sort()).toEqual(['image/jpeg', 'image/png', 'image/png', 'image/webp']);
    expect(photos.find((p) => p.type === 'image/png')!.bytes).toBe(tinyPng(false).length);

    // The raw rows: ciphertext only, no signature, no metadata, in no encoding.
    const rows = await photoRows(id);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.data).toMatch(/^v1:test[^:]*:/);
      const body = Buffer.from(row.data.split(':')[3]!, 'base64url');
      for (const needle of [PNG_SIGNATURE, JPEG_SIGNATURE, Buffer.from('IHDR'), Buffer.from('WEBP')])
        expect(body.includes(needle)).toBe(false);
      const text = JSON.stringify(row);
      for (const clear of [GPS_MARKER, 'iVBORw0KGgo', '/9j/', 'UklGR', '89504e47'])
        expect(text.includes(clear)).toBe(false);
    }
    const addedAudits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'coordination.vault_photo_added')));
    expect(addedAudits).toHaveLength(4);
    const added = addedAudits.find((a) => (a.changes as { type: string }).type === 'image/jpeg');
    const jpeg = photos.find((p) => p.type === 'image/jpeg')!;
    expect(added!.changes).toMatchObject({ type: 'image/jpeg', photoId: jpeg.id, bytes: jpeg.bytes });
    expect(JSON.stringify(added)).not.toContain(GPS_MARKER);
  });

  it('refuse anything else with a clear 4xx: type, empty, not base64, too large, too many, closed', async () => {
    const id = await newRequest();
    const codeOf = async (bytes: Buffer | string) => {
      const res = await upload(requester, id, bytes);
      return [res.status, res.body.error?.code];
    };
    expect(await codeOf(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toEqual([
      415,
      'PHOTO_TYPE_UNSUPPORTED',
    ]);
    expect(await codeOf(Buffer.from('<svg onload="alert(1)"/>'))).toEqual([415, 'PHOTO_TYPE_UNSUPPORTED']);
    // A PNG signature on a broken body is not a PNG.
    expect(await codeOf(Buffer.concat([PNG_SIGNATURE, Buffer.from('garbage')]))).toEqual([
      415,
      'PHOTO_TYPE_UNSUPPORTED',
    ]);
    expect(await codeOf('')).toEqual([400, 'PHOTO_EMPTY']);
    expect(await codeOf('not base64 at all!')).toEqual([400, 'PHOTO_NOT_BASE64']);
    const tooLarge = Buffer.concat([tinyPng(false), Buffer.alloc(VAULT_PHOTO_LIMITS.bytes)]);
    expect((await codeOf(tooLarge))[0]).toBe(413);
    expect(await photoRows(id)).toEqual([]);

    for (let i = 0; i < VAULT_PHOTO_LIMITS.perRequest; i++)
      expect((await upload(requester, id, tinyPng())).status).toBe(201);
    const vault = await send(requester, 'GET', vaultUrl(id));
    expect(vault.body.may.addPhoto).toBe(false);
    expect(await codeOf(tinyPng())).toEqual([409, 'VAULT_PHOTOS_FULL']);

    const closed = await newRequest();
    expect(
      (
        await send(requester, 'POST', `/api/v1/coordination/requests/${closed}/transitions`, {
          to: 'cancelled',
          reason: 'ได้ล่ามแล้ว',
        })
      ).status,
    ).toBe(200);
    const late = await upload(requester, closed, tinyPng());
    expect([late.status, late.body.error.code]).toEqual([409, 'REQUEST_CLOSED']);
  });

  it('are added only by the requesting organisation: observers 403, the unit 403, outsiders 404', async () => {
    const id = await newRequest();
    expect((await upload(requesterObserver, id, tinyPng())).status).toBe(403);
    expect((await upload(officer, id, tinyPng())).status).toBe(403);
    expect((await upload(centreAdmin, id, tinyPng())).status).toBe(403);
    expect((await upload(outsider, id, tinyPng())).status).toBe(404);
    expect(await photoRows(id)).toEqual([]);
  });

  it('are shown, audited with the purpose, to the accepting unit after consent; 404 before and to others', async () => {
    const id = await newRequest();
    const added = await upload(requester, id, tinyJpeg());
    const photoId = added.body.photos[0].id as string;
    const status = async (who: Who) => (await view(who, id, photoId)).statusCode;
    // Submitted: the unit does not have it yet.
    expect(await status(officer)).toBe(404);
    await moveTo(id, 'acknowledged', 'accepted');
    expect(await status(officer)).toBe(404);
    for (const who of [outsider, requesterObserver, centreAdmin]) expect(await status(who)).toBe(404);
    const consent = await send(officer, 'POST', vaultUrl(id, '/consent'), {
      givenBy: 'person',
      givenAt: t.clock.now().toISOString(),
      purpose: 'จัดล่ามและยืนยันตัวตน',
    });
    expect(consent.status).toBe(200);
    expect(consent.body.may.reveal).toBe(true);

    const seen = await view(officer, id, photoId, 'ยืนยันตัวตนก่อนสัมภาษณ์');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    expect(seen.headers['cache-control']).toBe('no-store');
    expect(seen.headers['content-disposition']).toBe('inline');
    expect(seen.headers['x-content-type-options']).toBe('nosniff');
    expect(seen.rawPayload).toEqual(withoutMetadata(tinyJpeg(), 'image/jpeg'));
    expect(seen.rawPayload.includes(GPS_MARKER)).toBe(false);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'coordination.vault_photo_viewed')));
    expect(audit).toMatchObject({
      actorUserId: officer.user.id,
      changes: { purpose: 'ยืนยันตัวตนก่อนสัมภาษณ์', basis: 'consent', photoId },
    });
    // A photo id of another request, or no purpose: nothing.
    const other = await newRequest();
    expect((await view(requester, other, photoId)).statusCode).toBe(404);
    expect((await view(officer, id, photoId, '')).statusCode).toBe(400);

    // The Centre only through break-glass.
    const glass = await send(centreAdmin, 'POST', vaultUrl(id, '/break-glass'), {
      reason: 'ศาลขอเอกสารด่วน',
      minutes: 5,
    });
    expect(glass.status).toBe(200);
    const byCentre = await view(centreAdmin, id, photoId, 'ส่งศาล');
    expect(byCentre.statusCode).toBe(200);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'coordination.vault_photo_viewed')));
    expect(audits.map((a) => (a.changes as { basis: string }).basis).sort()).toEqual([
      'break_glass',
      'consent',
    ]);
  });

  it('are re-encrypted by keys:rotate, and a missing key is named at start', async () => {
    const id = await newRequest();
    const photoId = (await upload(requester, id, tinyPng())).body.photos[0].id as string;
    const testKeys = parseEncryptionKeys(TEST_ENCRYPTION_KEYS).keys;
    const k2 = new EncryptionKey('k2', randomBytes(32));
    const counts = await rotateKeys(t.db, new KeyRing([k2, ...testKeys]), t.clock.now());
    expect(counts.vaultPhotos.reencrypted).toBeGreaterThanOrEqual(1);
    for (const row of await t.db.select().from(coordinationVaultPhotos)) {
      expect(row.keyId).toBe('k2');
      expect(row.data).toMatch(/^v1:k2:/);
    }
    const original = t.deps.keyRing;
    expect((await missingKeyProblems(t.db, original)).join('\n')).toMatch(
      /coordination_vault_photos\.data are encrypted under key "k2"/,
    );
    t.deps.keyRing = new KeyRing([...testKeys, k2]);
    try {
      const seen = await view(requester, id, photoId);
      expect(seen.statusCode).toBe(200);
      expect(seen.rawPayload).toEqual(tinyPng(false));
      await rotateKeys(t.db, t.deps.keyRing, t.clock.now());
    } finally {
      t.deps.keyRing = original;
    }
    expect(await missingKeyProblems(t.db, original)).toEqual([]);
  });

  it('are purged with the fields 90 days after closing unless held, leaving their count in the tombstone', async () => {
    const id = await newRequest();
    const held = await newRequest();
    for (const r of [id, held]) {
      expect((await upload(requester, r, tinyPng())).status).toBe(201);
      expect((await upload(requester, r, tinyJpeg())).status).toBe(201);
    }
    await t.db
      .update(coordinationVaults)
      .set({ legalHold: true })
      .where(eq(coordinationVaults.requestId, held));
    for (const r of [id, held]) await moveTo(r, 'acknowledged', 'accepted', 'in_progress', 'done');
    t.clock.advance(91 * DAY_MS);
    await purgeClosedVaults(t.deps);
    expect(await photoRows(id)).toEqual([]);
    expect(await photoRows(held)).toHaveLength(2);
    requester.cookie = await t.login(requester.user.email, requester.user.password);
    const tomb = await send(requester, 'GET', vaultUrl(id));
    expect(tomb.body.purged).toMatchObject({ photoCount: 2, entryCount: 0 });
    expect(tomb.body.photos).toEqual([]);
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'coordination.vault_purged')));
    expect(audit!.changes).toMatchObject({ photoCount: 2 });
  });
});
