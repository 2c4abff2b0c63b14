import { z } from 'zod';
import {
  AddVaultPhotoBody,
  BreakGlassBody,
  CreateVaultEntryBody,
  LegalHoldBody,
  OverrideBody,
  RecordConsentBody,
  RevealBody,
  UpdateVaultEntryBody,
  VAULT_PHOTO_BODY_LIMIT,
  VaultContents,
  VaultEntryParams,
  VaultParams,
  VaultPhotoParams,
  VaultView,
} from '../../../common/coordination-vault-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as admin from './vault.admin.ts';
import * as vault from './vault.service.ts';

const tags = ['coordination-vault'];
const base = '/api/v1/coordination/requests/:id/vault';

export function vaultRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });
  const view = { 200: VaultView, ...errorResponses };

  app.get(
    base,
    {
      schema: {
        operationId: 'coordinationVault.get',
        tags,
        summary: "That a request's vault exists, its counts, consent, hold and tombstone: never a value",
        params: VaultParams,
        response: view,
      },
    },
    async (req) => vault.getVault(deps, actorOf(req), req.params.id, deps.clock.now()),
  );
  app.post(
    `${base}/entries`,
    {
      schema: {
        operationId: 'coordinationVault.addEntry',
        tags,
        summary: 'Add a name, ID, passport or phone number (the requesting organisation); encrypted at rest',
        params: VaultParams,
        body: CreateVaultEntryBody,
        response: { ...view, 201: VaultView },
      },
    },
    async (req, reply) => reply.code(201).send(await vault.addEntry(deps, ctx(req), req.params.id, req.body)),
  );
  app.patch(
    `${base}/entries/:entryId`,
    {
      schema: {
        operationId: 'coordinationVault.updateEntry',
        tags,
        summary: 'Correct an entry (the requesting organisation)',
        params: VaultEntryParams,
        body: UpdateVaultEntryBody,
        response: view,
      },
    },
    async (req) => vault.updateEntry(deps, ctx(req), req.params.id, req.params.entryId, req.body),
  );
  app.delete(
    `${base}/entries/:entryId`,
    {
      schema: {
        operationId: 'coordinationVault.removeEntry',
        tags,
        summary: 'Remove an entry (the requesting organisation)',
        params: VaultEntryParams,
        response: view,
      },
    },
    async (req) => vault.removeEntry(deps, ctx(req), req.params.id, req.params.entryId),
  );
  app.post(
    `${base}/photos`,
    {
      // The photo travels as base64 in JSON: room for the largest allowed photo, not the 64 KB default.
      bodyLimit: VAULT_PHOTO_BODY_LIMIT,
      schema: {
        operationId: 'coordinationVault.addPhoto',
        tags,
        summary:
          'Add a photo of a document (the requesting organisation, request open): JPEG, PNG or WebP by signature, at most 5 MB, 6 per request; metadata (Exif GPS) removed; encrypted at rest',
        params: VaultParams,
        body: AddVaultPhotoBody,
        response: { ...view, 201: VaultView },
      },
    },
    async (req, reply) => reply.code(201).send(await vault.addPhoto(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    `${base}/photos/:photoId/view`,
    {
      schema: {
        operationId: 'coordinationVault.viewPhoto',
        tags,
        summary:
          'The image of a photo of a document, for a stated purpose (audited): to whoever may read the vault now; 404 to anyone else',
        params: VaultPhotoParams,
        body: RevealBody,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const photo = await vault.viewPhoto(deps, ctx(req), req.params.id, req.params.photoId, req.body);
      return (
        reply
          .type(photo.type)
          .header('cache-control', 'no-store')
          .header('content-disposition', 'inline')
          .header('x-content-type-options', 'nosniff')
          // A Buffer goes out as is: Fastify never runs the response serializer on one.
          .send(photo.bytes as unknown as string)
      );
    },
  );
  app.post(
    `${base}/consent`,
    {
      schema: {
        operationId: 'coordinationVault.recordConsent',
        tags,
        summary: 'Record consent: who gave it (a role), when, for what purpose (the accepting unit)',
        params: VaultParams,
        body: RecordConsentBody,
        response: view,
      },
    },
    async (req) => vault.recordConsent(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/override`,
    {
      schema: {
        operationId: 'coordinationVault.override',
        tags,
        summary: 'Release without consent, giving the reason (the accepting unit)',
        params: VaultParams,
        body: OverrideBody,
        response: view,
      },
    },
    async (req) => vault.recordOverride(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/reveal`,
    {
      schema: {
        operationId: 'coordinationVault.reveal',
        tags,
        summary:
          'Read the contents for a stated purpose (audited). 403 with a reason code when not released to the caller',
        params: VaultParams,
        body: RevealBody,
        response: { 200: VaultContents, ...errorResponses },
      },
    },
    async (req) => vault.reveal(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/break-glass`,
    {
      schema: {
        operationId: 'coordinationVault.breakGlass',
        tags,
        summary:
          "A Centre admin's emergency read window (5–60 min) with a reason; alerts the organisation's data-protection focal point",
        params: VaultParams,
        body: BreakGlassBody,
        response: view,
      },
    },
    async (req) => admin.startBreakGlass(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    `${base}/break-glass/close`,
    {
      schema: {
        operationId: 'coordinationVault.closeBreakGlass',
        tags,
        summary: "Close one's open break-glass window now (its end is audited)",
        params: VaultParams,
        response: view,
      },
    },
    async (req) => admin.closeBreakGlass(deps, ctx(req), req.params.id),
  );
  app.put(
    `${base}/legal-hold`,
    {
      schema: {
        operationId: 'coordinationVault.legalHold',
        tags,
        summary: 'Set or clear a legal hold: a held vault is not purged (the Centre)',
        params: VaultParams,
        body: LegalHoldBody,
        response: view,
      },
    },
    async (req) => admin.setLegalHold(deps, ctx(req), req.params.id, req.body),
  );
}
