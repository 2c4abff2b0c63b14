/**
 * Saved copies of the pages the server writes an answer into (the finder, the board: see
 * server/platform/first-screen-html.ts), kept with the other offline copies (deleted on sign-out and
 * when the session is over). On a slow link a second visit shows the copy, saying "as of", instead of
 * waiting a round trip for the page; offline it shows the answer before the app has even started.
 */
import { matchPrecache } from 'workbox-precaching';
import { SERVED_SCREEN_ATTRIBUTE } from '../../common/first-screen.ts';
import { escapeHtml } from '../../common/html.ts';
import { formatDateTime } from '../lib/dates.ts';
import { API_CACHE, CACHED_AT_HEADER } from '../lib/offline-cache.ts';

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+)"/;
/** Written empty and hidden by the server, with the "as of" wording of the page's language. */
const AS_OF = /<p([^>]*) data-served-as-of="(th|en)" data-wording="([^"]*)" hidden><\/p>/;

/**
 * Stores the page, stamped with when it was fetched: only a successful one with the answer written in.
 * The plain page the server sends when it could not write the answer would replace a good copy with
 * one that shows nothing until the app has started.
 */
export async function keepPageCopy(key: string, page: Response) {
  if (!page.ok) return;
  const html = await page.text();
  if (!html.includes(SERVED_SCREEN_ATTRIBUTE)) return;
  const headers = new Headers(page.headers);
  headers.set(CACHED_AT_HEADER, new Date().toISOString());
  const cache = await caches.open(API_CACHE);
  await cache.put(key, new Response(html, { status: 200, headers }));
}

/** The saved copy of the page, saying when it was saved; null when there is none the app can start in. */
export async function pageCopy(key: string): Promise<Response | null> {
  const cache = await caches.open(API_CACHE);
  const stored = await cache.match(key);
  const cachedAt = stored?.headers.get(CACHED_AT_HEADER);
  if (!stored || !cachedAt) return null;
  const html = await stored.text();
  // A copy from before a release names scripts this worker no longer holds: the app would not start.
  const entry = ENTRY_SCRIPT.exec(html)?.[1];
  if (!entry || !(await matchPrecache(entry))) return null;
  const dated = html.replace(
    AS_OF,
    (_, attributes: string, language: 'th' | 'en', wording: string) =>
      `<p${attributes} role="status">${wording.replace('{{time}}', escapeHtml(formatDateTime(cachedAt, language)))}</p>`,
  );
  return new Response(dated, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
