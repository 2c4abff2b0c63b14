/**
 * Every text in both languages, for tests and tools. The app never imports this: it bundles only
 * `th.json`, the first screens' texts, and fetches `<language>.more.json` with the first page that
 * needs it (web/lib/i18n.ts).
 */
import enFirst from './en.json';
import enMore from './en.more.json';
import thFirst from './th.json';
import thMore from './th.more.json';

export const th = { ...thFirst, ...thMore };
export const en = { ...enFirst, ...enMore };
