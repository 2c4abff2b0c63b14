/**
 * The first screen a field worker opens (the board, the finder) without waiting round trip after round
 * trip on a slow link. The page's HTML names, as `<link rel="modulepreload">`, the route's code chunks
 * and, as `<link rel="preload" as="fetch">`, its first API reads, so the browser asks for them with the
 * entry script instead of after it (then after the page's code). The app's own fetch of the same URL
 * adopts the preloaded answer: one request, not two.
 *
 * Shared by the build (which chunks each route needs, web/build/first-screens.ts), the server (which
 * adds the links when it sends index.html to a signed-in browser, server/app.ts) and the service worker
 * (which adds them to its cached index.html, web/sw/sw.ts).
 */
import { escapeHtml } from './html.ts';

/** Written by the build beside index.html: route key → the code files its first screen needs. */
export const FIRST_SCREENS_FILE = 'first-screens.json';

/** Marks the answer the server wrote into the page (server/platform/first-screen-html.ts). */
export const SERVED_SCREEN_ATTRIBUTE = 'data-served-screen';

export type FirstScreenChunks = Record<string, string[]>;

type FirstScreen = {
  key: string;
  path: RegExp;
  /** Source modules of the route (the signed-in frame and the page), as the build names them. */
  modules: string[];
  /** The API reads the page makes first, exactly as its queries ask (same query order). */
  reads: (search: URLSearchParams) => string[];
  /** How the read holding the page's answer begins: the server writes that answer into the page. */
  answer: string;
};

const FRAME = 'web/components/AppLayout.tsx';

export const FIRST_SCREENS: FirstScreen[] = [
  {
    key: 'board',
    path: /^\/problems\/?$/,
    modules: [FRAME, 'web/features/problems/components/ProblemsBoardPage.tsx'],
    // Only the unfiltered board: the filters' own query string is the page's business.
    reads: (search) => (search.size === 0 ? ['/api/v1/problems?limit=20'] : []),
    answer: '/api/v1/problems?',
  },
  {
    key: 'finder',
    path: /^\/finder\/?$/,
    modules: [FRAME, 'web/features/directory/components/FinderPage.tsx'],
    reads: (search) => {
      const service = search.get('service');
      const province = search.get('province');
      if (!service || !province) return ['/api/v1/taxonomies'];
      // The order and encoding of web/features/directory/api/directory.ts `finderPath`.
      const query = new URLSearchParams({ service, province });
      for (const key of ['language', 'population']) {
        const value = search.get(key);
        if (value) query.set(key, value);
      }
      return ['/api/v1/taxonomies', `/api/v1/directory/finder?${query}`];
    },
    answer: '/api/v1/directory/finder?',
  },
];

/** The screen at `url` (path and query) and the read holding its answer, when it has one to serve. */
export function firstScreenAnswer(url: string): { key: string; read: string } | null {
  const parsed = new URL(url, 'http://tipnet.invalid');
  const screen = FIRST_SCREENS.find((s) => s.path.test(parsed.pathname));
  const read = screen?.reads(parsed.searchParams).find((r) => r.startsWith(screen.answer));
  return screen && read ? { key: screen.key, read } : null;
}

/**
 * The `<link>` tags for the page at `url` (path and query): its code when the build listed it, its
 * first reads only for a browser that is signed in (anyone else is sent to sign in and would waste them).
 */
export function firstScreenLinks(url: string, chunks: FirstScreenChunks, signedIn: boolean): string {
  const parsed = new URL(url, 'http://tipnet.invalid');
  const screen = FIRST_SCREENS.find((s) => s.path.test(parsed.pathname));
  if (!screen || !signedIn) return '';
  const code = (chunks[screen.key] ?? []).map(
    (file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`,
  );
  const reads = screen
    .reads(parsed.searchParams)
    .map((href) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(href)}">`);
  // The reads first: the browser opens six connections at a time, and data queued behind twenty
  // chunks would arrive last.
  return [...reads, ...code].join('');
}

/** index.html with the links at the end of its <head>, where the browser finds them at once. */
export function withFirstScreenLinks(html: string, links: string): string {
  if (!links) return html;
  const at = html.indexOf('</head>');
  return at === -1 ? html : `${html.slice(0, at)}${links}\n  ${html.slice(at)}`;
}
