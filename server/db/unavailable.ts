/**
 * Recognises the errors that mean "the database cannot be reached right now" (a dropped or refused
 * connection, a server shutting down or starting up, a statement cut off by its timeout), as opposed to
 * a bug or bad input. The API answers these with 503 and Retry-After so clients and proxies retry.
 */

/**
 * SQLSTATEs of a lost connection, a server going down or coming up, a statement cut off by its timeout, an
 * idle transaction ended; class 53 (disk full, out of memory, too many connections) is checked apart.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '57014', '25P03']);
/** Socket errors Node's net module raises when the server is away. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** node-postgres and pg-pool report these without a code. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Connection ended',
];

/** How long a client should wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

export function isDatabaseUnavailable(err: unknown): boolean {
  // Drizzle wraps driver errors (DrizzleQueryError), so look down the cause chain.
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      // connection_exception and insufficient_resources classes
      if ((code.startsWith('08') || code.startsWith('53')) && code.length === 5) return true;
      if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return true;
  }
  return false;
}
