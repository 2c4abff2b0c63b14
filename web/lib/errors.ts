import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { ApiError, NETWORK_ERROR } from './api.ts';

/** A message the user can act on: translated by error code when we know it, else by HTTP status. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === NETWORK_ERROR) return t('errors.NETWORK_ERROR');
  const byCode = `errors.${error.code}`;
  if (i18next.exists(byCode)) return t(byCode);
  if (error.status === 401) return t('errors.UNAUTHENTICATED');
  if (error.status === 403) return t('errors.FORBIDDEN');
  if (error.status === 404) return t('errors.NOT_FOUND');
  if (error.status === 429) return t('errors.RATE_LIMITED');
  if (error.status >= 500) return t('errors.server');
  return t('errors.generic');
}

/**
 * The record is not there for this reader: 404 (missing, or not theirs to see), or an id in the address
 * that cannot name any record (400 on a path parameter, such as /problems/not-a-uuid).
 */
export function isMissingRecord(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 404) return true;
  return (
    error.status === 400 &&
    Array.isArray(error.details) &&
    error.details.some(
      (d: { field?: unknown }) => typeof d?.field === 'string' && d.field.startsWith('params.'),
    )
  );
}
