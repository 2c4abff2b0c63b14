/**
 * Which first screen a page request gets served with its answer in the HTML, and that answer: the
 * server asks its own API as the signed-in user (the same route, policy and cache as the app's own
 * read), then writes it as HTML (first-screen-html.ts). Nothing is served to a browser whose session
 * is over: it gets the plain page, which sends it to sign in.
 */
import type { FastifyRequest } from 'fastify';
import type { FinderView } from '../../common/directory-api.ts';
import { firstScreenAnswer } from '../../common/first-screen.ts';
import type { ProblemListItem } from '../../common/problems-api.ts';
import type { Language } from '../../common/taxonomies.ts';
import type { Deps } from './deps.ts';
import { boardHtml, finderHtml } from './first-screen-html.ts';
import type { App } from './http.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

type Render = (answer: unknown, search: URLSearchParams, language: Language) => string;

/** Each first screen's answer (common/first-screen.ts) as HTML. */
const RENDERERS: Record<string, Render> = {
  board: (answer, _search, language) => boardHtml((answer as { items: ProblemListItem[] }).items, language),
  finder: (answer, search, language) =>
    finderHtml(
      answer as FinderView,
      { service: search.get('service') ?? '', province: search.get('province') ?? '' },
      language,
    ),
};

/** The served content for this page request, or null for the plain page. */
export async function servedScreen(app: App, deps: Deps, req: FastifyRequest): Promise<string | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const screen = firstScreenAnswer(req.url);
  const render = screen && RENDERERS[screen.key];
  if (!screen || !render) return null;
  const session = await resolveSession(deps, token, { renew: false });
  if (!session || session.actor.mustEnrolTotp) return null;
  const res = await app.inject({
    method: 'GET',
    url: screen.read,
    headers: { cookie: `${SESSION_COOKIE}=${token}`, accept: 'application/json' },
    remoteAddress: req.ip,
  });
  if (res.statusCode !== 200) return null;
  return render(res.json(), new URL(req.url, 'http://tipnet.invalid').searchParams, session.user.language);
}
