/** The vault's routes in the authorisation matrix (server/test/route-matrix.ts collects every module's). */
import { randomUUID } from 'node:crypto';
import { VAULT_PHOTO_BODY_LIMIT } from '../../../common/coordination-vault-api.ts';
import {
  coordinationVaultBreakGlass,
  coordinationVaultEntries,
  coordinationVaultPhotos,
  coordinationVaults,
} from '../../db/schema/index.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import { tinyPng } from '../../test/photo-fixtures.ts';
import { adminOnly, type RouteCase, type Scope, type Who, type World } from '../../test/route-matrix-kit.ts';
import { sealVaultPhoto, sealVaultValue } from './vault.crypto.ts';

/**
 * Own scope: the actor's organisation sent the request (to a foreign unit the matrix people are not in);
 * other: a request between strangers. Each comes with a vault holding one entry and one photo.
 */
async function vaultIn(w: World, scope: Scope, state: 'submitted' | 'accepted' = 'submitted') {
  const unit = await buildUnit(w.t.db, { organisationId: w.otherOrg.id, memberIds: [w.bystander.id] });
  const requester = scope === 'own' ? w.people.member.user : w.bystander;
  const now = w.t.clock.now();
  const request = await buildCoordinationRequest(w.t.db, {
    requesterUserId: requester.id,
    requestingOrganisationId: requester.organisationId,
    receivingUnitId: unit.id,
    state,
    createdAt: now,
  });
  await w.t.db.insert(coordinationVaults).values({ requestId: request.id, createdAt: now, updatedAt: now });
  const entryId = randomUUID();
  await w.t.db.insert(coordinationVaultEntries).values({
    id: entryId,
    requestId: request.id,
    kind: 'name',
    ...sealVaultValue(w.t.deps.keyRing, entryId, request.id, 'ชื่อทดสอบ'),
    createdAt: now,
    updatedAt: now,
  });
  const photoId = randomUUID();
  const png = tinyPng(false);
  await w.t.db.insert(coordinationVaultPhotos).values({
    id: photoId,
    requestId: request.id,
    type: 'image/png',
    bytes: png.length,
    ...sealVaultPhoto(w.t.deps.keyRing, photoId, request.id, png),
    createdAt: now,
  });
  return { requestId: request.id, entryId, photoId };
}
const url = (id: string, rest = '') => `/api/v1/coordination/requests/${id}/vault${rest}`;

/** Whoever sees the request sees its vault; the Centre sees every one; outsiders get 404. */
const seen = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : scope === 'own' || who === 'admin' ? status : 404;
/** The requesting organisation writes and reads its own (not observers). */
const requesterOrg = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous'
    ? 401
    : scope === 'other'
      ? who === 'admin'
        ? 403
        : 404
      : who === 'observer'
        ? 403
        : status;
/** Consent and override are the accepting unit's; nobody in the matrix is in it. */
const acceptingUnitOnly = (who: Who, scope: Scope) =>
  who === 'anonymous' ? 401 : scope === 'own' || who === 'admin' ? 403 : 404;

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/coordination/requests/:id/vault',
    scoped: true,
    sample: async ({ w, scope }) => ({ url: url((await vaultIn(w, scope)).requestId) }),
    expected: seen(200),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/entries',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope)).requestId, '/entries'),
      body: { kind: 'passport', value: 'MQ1234567' },
    }),
    expected: requesterOrg(201),
  },
  {
    route: 'PATCH /api/v1/coordination/requests/:id/vault/entries/:entryId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const v = await vaultIn(w, scope);
      return { url: url(v.requestId, `/entries/${v.entryId}`), body: { value: 'ชื่อที่แก้ไข' } };
    },
    expected: requesterOrg(200),
  },
  {
    route: 'DELETE /api/v1/coordination/requests/:id/vault/entries/:entryId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const v = await vaultIn(w, scope);
      return { url: url(v.requestId, `/entries/${v.entryId}`) };
    },
    expected: requesterOrg(200),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/consent',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope, 'accepted')).requestId, '/consent'),
      body: { givenBy: 'person', givenAt: w.t.clock.now().toISOString(), purpose: 'จัดล่าม' },
    }),
    expected: acceptingUnitOnly,
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/override',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope, 'accepted')).requestId, '/override'),
      body: { reason: 'ผู้เสียหายหมดสติ ต้องยืนยันตัวตน' },
    }),
    expected: acceptingUnitOnly,
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/reveal',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope)).requestId, '/reveal'),
      body: { purpose: 'ตรวจทานข้อมูลที่ส่ง' },
    }),
    expected: requesterOrg(200),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/photos',
    scoped: true,
    bodyLimit: VAULT_PHOTO_BODY_LIMIT,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope)).requestId, '/photos'),
      body: { contentBase64: tinyPng().toString('base64') },
    }),
    expected: requesterOrg(201),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/photos/:photoId/view',
    scoped: true,
    sample: async ({ w, scope }) => {
      const v = await vaultIn(w, scope);
      return { url: url(v.requestId, `/photos/${v.photoId}/view`), body: { purpose: 'ตรวจทานรูปเอกสาร' } };
    },
    // Only with a basis to read: the requesting organisation's contributors here (a Centre admin of
    // another organisation needs break-glass, the unit consent); everyone else 404, not "forbidden".
    expected: (who: Who, scope: Scope) =>
      who === 'anonymous' ? 401 : scope === 'own' && who !== 'observer' ? 200 : 404,
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/break-glass',
    sample: async ({ w }) => ({
      url: url((await vaultIn(w, 'other')).requestId, '/break-glass'),
      body: { reason: 'ศาลขอข้อมูลด่วน', minutes: 15 },
    }),
    expected: adminOnly(200),
  },
  {
    route: 'POST /api/v1/coordination/requests/:id/vault/break-glass/close',
    sample: async ({ w }) => {
      const { requestId } = await vaultIn(w, 'other');
      const now = w.t.clock.now();
      await w.t.db.insert(coordinationVaultBreakGlass).values({
        id: randomUUID(),
        requestId,
        adminUserId: w.people.admin.user.id,
        reason: 'ศาลขอข้อมูลด่วน',
        startedAt: now,
        expiresAt: new Date(now.getTime() + 15 * 60_000),
      });
      return { url: url(requestId, '/break-glass/close') };
    },
    expected: adminOnly(200),
  },
  {
    route: 'PUT /api/v1/coordination/requests/:id/vault/legal-hold',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: url((await vaultIn(w, scope)).requestId, '/legal-hold'),
      body: { hold: true, reason: 'คดีอยู่ในศาล' },
    }),
    // The Centre; in the requesting organisation only its data-protection focal point (the matrix people
    // are none): 403; anyone who cannot see the request: 404.
    expected: (who: Who, scope: Scope) =>
      who === 'anonymous' ? 401 : who === 'admin' ? 200 : scope === 'own' ? 403 : 404,
  },
];
