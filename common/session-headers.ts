/**
 * The session's HTTP headers, in a module without the Zod contract: the sign-in bundle imports them, and
 * one import of common/api.ts would put all of Zod and every schema on the first page (about 20 kB on slow 3G).
 */

/**
 * Every signed-in API answer says when the session ends unless the user does something, so the web can
 * warn before it (GOV.UK timeout pattern) without polling, which would itself keep the session alive.
 */
export const SESSION_EXPIRES_HEADER = 'session-expires-at';

/**
 * Sent (value `1`) on reads the web makes while its user is idle: refetches, reconnects, polling. They are
 * answered as usual but do not renew the session, so an open tab left alone still times out.
 */
export const BACKGROUND_READ_HEADER = 'x-background-read';
