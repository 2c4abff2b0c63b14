/**
 * The finder's and the board's first answer written into the page itself, as plain HTML.
 *
 * On slow 3G the app's code takes ten seconds and more to arrive and start; a field worker looking for
 * whom to call should not wait for it. When a signed-in browser opens the finder or the unfiltered
 * board, the server asks its own API for the page's first read (as that user: same policy, same
 * answer) and puts the result, as links that work without JavaScript (`tel:` buttons, problem pages),
 * in place of the loading shell of index.html. The app keeps it on screen until its own page has
 * rendered, then takes over (web/lib/served-screen.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FinderView } from '../../common/directory-api.ts';
import { CONTACT_TYPES, PROVINCES, SERVICES, type TaxonomyEntry } from '../../common/directory-taxonomies.ts';
import { SERVED_SCREEN_ATTRIBUTE } from '../../common/first-screen.ts';
import { escapeHtml } from '../../common/html.ts';
import type { ProblemListItem } from '../../common/problems-api.ts';
import { PROBLEM_CATEGORIES } from '../../common/problems-taxonomy.ts';
import type { Language } from '../../common/taxonomies.ts';
import { telHref } from '../../common/tel.ts';

/** Element Timing on the first call button or card: when it was painted, for the field bench. */
const FIRST_ANSWER = ' elementtiming="first-answer"';

const LOCALES = join(import.meta.dirname, '..', '..', 'web', 'locales');
type Messages = { [key: string]: string | Messages };
const messages: Partial<Record<Language, Messages>> = {};

/** The app's own wording (web/locales), so the served page and the app say the same. */
function translate(language: Language, key: string, values: Record<string, string | number> = {}) {
  messages[language] ??= JSON.parse(readFileSync(join(LOCALES, `${language}.json`), 'utf8')) as Messages;
  let found: string | Messages | undefined = messages[language];
  for (const part of key.split('.')) found = typeof found === 'object' ? found[part] : undefined;
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

const label = (list: readonly TaxonomyEntry[], code: string, language: Language) =>
  list.find((entry) => entry.code === code)?.[language] ?? code;

/** Styles of the served content, beside the shell's own in index.html; Thai-safe line heights. */
const STYLE = `<style>
.served-title{font-size:24px;line-height:1.4;margin:0 0 8px}
.served-list{list-style:none;margin:0;padding:0}
.served-item{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:12px;margin-bottom:12px}
.served-name{display:block;color:inherit;font-weight:600;font-size:18px;line-height:1.4;margin-bottom:8px;text-decoration:none}
.served-call{display:block;box-sizing:border-box;width:100%;margin-top:8px;padding:8px 12px;border-radius:4px;
background:#1971c2;color:#fff;font-weight:600;line-height:1.5;text-align:center;text-decoration:none}
.served-call.hotline{background:#e03131}
.served-meta{color:#495057;font-size:14px;margin:4px 0 0}
</style>`;

function page(language: Language, title: string, body: string) {
  // Hidden as served; the service worker shows it, dated, when it answers with its saved copy of the page.
  const asOf = translate(language, 'shell.offline.asOf', { time: '{{time}}' });
  const loading = translate(language, 'common.loading');
  return `${STYLE}<h1 class="served-title">${escapeHtml(title)}</h1><p class="served-meta" data-served-as-of="${language}" data-wording="${escapeHtml(
    asOf,
  )}" hidden></p>${body}<p class="shell-status" role="status">${escapeHtml(loading)}</p>`;
}

/** The finder's answer: each organisation with its hotlines and phones as call buttons. */
export function finderHtml(
  view: FinderView,
  input: { service: string; province: string },
  language: Language,
): string {
  const count = translate(language, 'directory.finder.count', {
    count: view.items.length,
    service: label(SERVICES, input.service, language),
    province: label(PROVINCES, input.province, language),
  });
  const items = view.items.map(({ organisation, hotlines, phones }, index) => {
    const name = language === 'th' ? organisation.nameTh : organisation.nameEn;
    const abbreviation = language === 'en' ? organisation.abbreviationEn : organisation.abbreviation;
    const calls = [
      ...hotlines.map((contact) => ({ contact, hotline: true })),
      ...phones.map((contact) => ({ contact, hotline: false })),
    ].map(
      ({ contact, hotline }, call) =>
        `<a class="served-call${hotline ? ' hotline' : ''}"${index === 0 && call === 0 ? FIRST_ANSWER : ''} href="${escapeHtml(telHref(contact.value))}">${escapeHtml(
          `${label(CONTACT_TYPES, contact.type, language)} ${contact.value}`,
        )}</a>`,
    );
    return `<li class="served-item"><a class="served-name" href="/organisations/${escapeHtml(organisation.id)}">${escapeHtml(
      abbreviation ? `${name} (${abbreviation})` : name,
    )}</a>${calls.join('')}</li>`;
  });
  const list =
    items.length > 0
      ? `<ol class="served-list" aria-label="${escapeHtml(translate(language, 'directory.results'))}">${items.join('')}</ol>`
      : `<p>${escapeHtml(translate(language, 'directory.finder.none'))}</p>`;
  return page(
    language,
    translate(language, 'directory.finder.title'),
    `<p class="served-meta" role="status">${escapeHtml(count)}</p>${list}`,
  );
}

/** The board's first page: each problem's title, linking to its page, with its category and provinces. */
export function boardHtml(items: readonly ProblemListItem[], language: Language): string {
  const cards = items.map((problem, index) => {
    const provinces = problem.provinces.slice(0, 3).map((code) => label(PROVINCES, code, language));
    const meta = [label(PROBLEM_CATEGORIES, problem.category, language), ...provinces].join(' · ');
    return `<li class="served-item"><a class="served-name"${index === 0 ? FIRST_ANSWER : ''} href="/problems/${escapeHtml(problem.id)}">${escapeHtml(
      problem.title,
    )}</a><p class="served-meta">${escapeHtml(meta)}</p></li>`;
  });
  return page(
    language,
    translate(language, 'problems.title'),
    `<ul class="served-list" aria-label="${escapeHtml(translate(language, 'problems.results'))}">${cards.join('')}</ul>`,
  );
}

const SHELL_MAIN = /<main class="shell-main"[^>]*>[\s\S]*?<\/main>/;

/** index.html with `content` in place of the loading shell's main area (unchanged when it has none). */
export function withServedScreen(html: string, content: string): string {
  return html.replace(
    SHELL_MAIN,
    () => `<main class="shell-main" ${SERVED_SCREEN_ATTRIBUTE}>${content}</main>`,
  );
}
