/** The short, named list of /api routes that answer without a session. Everything else needs one. */
export const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/totp',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/auth/password-reset/confirm',
  'POST /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
  /** LINE's servers: no session, a signature over the body instead (modules/line/webhook.ts). */
  'POST /api/v1/line/webhook',
  /** Calendar apps fetch the series feed without a session; the token in the path is the key (forums). */
  'GET /api/v1/forums/feed/:token',
]);

/** Routes an admin who must still enrol 2FA (production) may use. */
export const TOTP_ENROLMENT_ROUTES = new Set([
  'GET /api/v1/me',
  'PATCH /api/v1/me',
  'POST /api/v1/me/totp/setup',
  'POST /api/v1/me/totp/confirm',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
]);
