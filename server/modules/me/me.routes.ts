import { z } from 'zod';
import {
  ChangePasswordBody,
  Id,
  MeView,
  OkView,
  RecoveryCodesView,
  SESSION_EXPIRES_HEADER,
  SessionExpiryView,
  SessionView,
  TotpConfirmBody,
  TotpDisableBody,
  TotpSetupView,
  UpdateMeBody,
} from '../../../common/api.ts';
import { DataExportView } from '../../../common/personal-data-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext, signedInOf } from '../../platform/http.ts';
import { exportMyData } from './data-export.ts';
import { presentMe } from './me.presenter.ts';
import * as me from './me.service.ts';

const tags = ['me'];
const ok = { ok: true as const };

export function meRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof requestContext>[1]) => requestContext(deps, req);

  app.get(
    '/api/v1/me',
    {
      schema: {
        operationId: 'me.get',
        tags,
        summary: 'The signed-in user, their organisation and role',
        response: { 200: MeView, ...errorResponses },
      },
    },
    // The session lookup already loaded the user and organisation: presenting them costs no query.
    async (req) => {
      const { user, organisation } = signedInOf(req);
      return presentMe(deps, user, organisation);
    },
  );
  app.patch(
    '/api/v1/me',
    {
      schema: {
        operationId: 'me.update',
        tags,
        summary: 'Change display name or language',
        body: UpdateMeBody,
        response: { 200: MeView, ...errorResponses },
      },
    },
    async (req) => me.updateMe(deps, ctx(req), req.body),
  );
  app.post(
    '/api/v1/me/password',
    {
      schema: {
        operationId: 'me.changePassword',
        tags,
        summary: 'Change password (other sessions end)',
        body: ChangePasswordBody,
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req) => {
      await me.changePassword(deps, ctx(req), req.body);
      return ok;
    },
  );
  app.get(
    '/api/v1/me/sessions',
    {
      schema: {
        operationId: 'me.listSessions',
        tags,
        summary: 'My active sessions',
        response: { 200: z.object({ items: z.array(SessionView) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await me.listSessions(deps, ctx(req)) }),
  );
  app.post(
    '/api/v1/me/session/extend',
    {
      schema: {
        operationId: 'me.extendSession',
        tags,
        summary: 'Stay signed in: a full idle period from now (never past the absolute limit)',
        response: { 200: SessionExpiryView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const expiresAt = await me.extendCurrentSession(deps, ctx(req));
      reply.header(SESSION_EXPIRES_HEADER, expiresAt.toISOString());
      return { expiresAt: expiresAt.toISOString() };
    },
  );
  app.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        operationId: 'me.endSession',
        tags,
        summary: 'End one of my sessions',
        params: z.object({ id: Id }),
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req) => {
      await me.revokeSession(deps, ctx(req), req.params.id);
      return ok;
    },
  );
  app.post(
    '/api/v1/me/totp/setup',
    {
      schema: {
        operationId: 'me.setupTotp',
        tags,
        summary: 'Start 2FA enrolment: secret and QR code',
        response: { 200: TotpSetupView, ...errorResponses },
      },
    },
    async (req) => me.startTotpSetup(deps, ctx(req)),
  );
  app.post(
    '/api/v1/me/totp/confirm',
    {
      schema: {
        operationId: 'me.confirmTotp',
        tags,
        summary: 'Confirm 2FA with a code; returns 10 recovery codes once',
        body: TotpConfirmBody,
        response: { 200: RecoveryCodesView, ...errorResponses },
      },
    },
    async (req) => me.confirmTotp(deps, ctx(req), req.body.code),
  );
  app.post(
    '/api/v1/me/totp/disable',
    {
      schema: {
        operationId: 'me.disableTotp',
        tags,
        summary: 'Turn 2FA off (needs the password)',
        body: TotpDisableBody,
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req) => {
      await me.disableTotp(deps, ctx(req), req.body.password);
      return ok;
    },
  );
  app.get(
    '/api/v1/me/data-export',
    {
      schema: {
        operationId: 'me.exportData',
        tags,
        summary: 'Download a copy of my personal data (JSON, PDPA)',
        response: { 200: DataExportView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await exportMyData(deps, ctx(req));
      const day = data.exportedAt.slice(0, 10);
      reply
        .header('content-disposition', `attachment; filename="tipnet-my-data-${day}.json"`)
        .header('cache-control', 'no-store');
      return data;
    },
  );
}
