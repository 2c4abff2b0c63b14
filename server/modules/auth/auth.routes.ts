import {
  LoginBody,
  LoginResult,
  LoginTotpBody,
  OkView,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
} from '../../../common/api.ts';
import { runAfterResponse } from '../../platform/after-response.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  type App,
  clearSessionCookie,
  errorResponses,
  requestContext,
  setSessionCookie,
} from '../../platform/http.ts';
import * as auth from './auth.service.ts';

const tags = ['auth'];

export function authRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        operationId: 'auth.login',
        tags,
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: LoginResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const outcome = await auth.login(deps, requestContext(deps, req), req.body);
      if (outcome.status === 'totp_required') return outcome;
      setSessionCookie(deps, reply, outcome.sessionToken);
      return { status: outcome.status, me: outcome.me };
    },
  );

  app.post(
    '/api/v1/auth/login/totp',
    {
      schema: {
        operationId: 'auth.loginTotp',
        tags,
        summary: 'Finish signing in with a 2FA or recovery code',
        body: LoginTotpBody,
        response: { 200: LoginResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const outcome = await auth.loginWithTotp(deps, requestContext(deps, req), req.body);
      setSessionCookie(deps, reply, outcome.sessionToken);
      return { status: outcome.status, me: outcome.me };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        operationId: 'auth.logout',
        tags,
        summary: 'Sign out of this session',
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req, reply) => {
      await auth.logout(deps, requestContext(deps, req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      schema: {
        operationId: 'auth.logoutAll',
        tags,
        summary: 'Sign out of every session of this account',
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req, reply) => {
      await auth.logoutEverywhere(deps, requestContext(deps, req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password-reset/request',
    {
      schema: {
        operationId: 'auth.requestPasswordReset',
        tags,
        summary: 'Email a one-time reset link (the answer never says whether the address exists)',
        body: PasswordResetRequestBody,
        response: { 202: OkView, ...errorResponses },
      },
    },
    async (req, reply) => {
      await auth.requestPasswordReset(deps, requestContext(deps, req), req.body.email, (work) =>
        runAfterResponse(req, work),
      );
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        operationId: 'auth.confirmPasswordReset',
        tags,
        summary: 'Set a new password with a reset link',
        body: PasswordResetConfirmBody,
        response: { 200: OkView, ...errorResponses },
      },
    },
    async (req) => {
      await auth.confirmPasswordReset(deps, requestContext(deps, req), req.body);
      return { ok: true as const };
    },
  );
}
