/** Labels of the board's codes in the UI language, straight from the shared taxonomies in common/. */
import { PROVINCES, type TaxonomyEntry } from '../../../common/directory-taxonomies.ts';
import {
  PRIVACY_FINDING_KINDS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATES,
  PROBLEM_TYPES,
  type ProblemState,
} from '../../../common/problems-taxonomy.ts';
import type { Language } from '../../lib/types.ts';

const lookup = (entries: readonly TaxonomyEntry[]) => {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  return (code: string, language: Language) => byCode.get(code)?.[language] ?? code;
};
const optionsOf = (entries: readonly TaxonomyEntry[]) => (language: Language) =>
  entries.map((e) => ({ value: e.code, label: e[language] }));

export const typeLabel = lookup(PROBLEM_TYPES);
export const categoryLabel = lookup(PROBLEM_CATEGORIES);
export const stateLabel = lookup(PROBLEM_STATES);
export const provinceLabel = lookup(PROVINCES);
export const findingLabel = lookup(PRIVACY_FINDING_KINDS);

export const typeOptions = optionsOf(PROBLEM_TYPES);
export const categoryOptions = optionsOf(PROBLEM_CATEGORIES);
export const stateOptions = optionsOf(PROBLEM_STATES);
export const provinceOptions = (language: Language) =>
  optionsOf(PROVINCES)(language).sort((a, b) => a.label.localeCompare(b.label, language));

/** Open states in blue shades, done in green, closed without a fix in grey. */
export const STATE_COLOURS: Record<ProblemState, string> = {
  submitted: 'blue',
  under_review: 'indigo',
  assigned: 'violet',
  in_progress: 'cyan',
  resolved: 'teal',
  not_feasible: 'gray',
  duplicate: 'gray',
  withdrawn: 'gray',
};

/**
 * The short reference a member quotes on the phone or in a letter: the first 8 characters of the problem's
 * id, upper case. Shown on the problem page and in the confirmation after raising it.
 */
export const problemReference = (id: string) => id.replace(/-/g, '').slice(0, 8).toUpperCase();
