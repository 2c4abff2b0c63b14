/** The one way the web app talks to the server: JSON over fetch with the session cookie. */

import { BACKGROUND_READ_HEADER } from '../../common/session-headers.ts';
import { noteAnswer } from './offline.ts';
import { noteSessionExpiry } from './session-expiry.ts';
import { isUserIdle } from './user-activity.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** The error's `details` as the server sent them (e.g. the current record on a VERSION_CONFLICT). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Thrown when the server could not be reached at all (offline, DNS, proxy down). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as Idempotency-Key: resending the same submission with it never creates a second record. */
  idempotencyKey?: string;
  /** The answer is a file (an image), returned as a Blob; errors are JSON as always. */
  blob?: boolean;
}

/**
 * A new key for one form submission (see the README's API section). crypto.randomUUID needs a secure
 * context; an app reached over plain http on a local network builds the same UUID v4 from random bytes.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  const target = withQuery(path, options.query);
  try {
    response = await fetch(`/api/v1${target}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: options.blob ? 'image/*, application/json' : 'application/json',
        // The server only accepts state changes sent as JSON (a CSRF defence), so send it even without a body.
        ...(method !== 'GET' ? { 'Content-Type': 'application/json' } : {}),
        ...(options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {}),
        ...(method === 'GET' && isUserIdle() ? { [BACKGROUND_READ_HEADER]: '1' } : {}),
      },
      body: hasBody ? JSON.stringify(options.body) : method !== 'GET' ? '{}' : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, 'Network error');
  }
  noteSessionExpiry(response);
  if (method === 'GET') noteAnswer(target, response);
  if (options.blob && response.ok) return (await response.blob()) as T;
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (
    payload as { error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: unknown } }
  )?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  return new ApiError(status, code, message, requestId, error?.details);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  /** A POST answered with a file (a vault photo): the bytes as a Blob, never cached. */
  postForBlob: (path: string, body?: unknown) => request<Blob>('POST', path, { body, blob: true }),
  /** A POST that creates a record, with the submission's Idempotency-Key (web/lib/send-queue.ts). */
  create: <T>(path: string, body: unknown, idempotencyKey: string) =>
    request<T>('POST', path, { body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
