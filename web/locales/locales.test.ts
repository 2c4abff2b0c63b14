import { describe, expect, it } from 'vitest';
import { en, th } from './all-texts.ts';
import enFirst from './en.json';
import enMore from './en.more.json';
import thFirst from './th.json';
import thMore from './th.more.json';

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, leaf] of flatten(value, prefix ? `${prefix}.${key}` : key)) entries.set(path, leaf);
    }
  } else {
    entries.set(prefix, tree);
  }
  return entries;
}

describe('locale files', () => {
  const thai = flatten(th);
  const english = flatten(en);

  it('have the same keys in Thai and English', () => {
    expect([...thai.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['th', thai],
    ['en', english],
  ])('has no empty or non-text values in %s', (_language, entries) => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it('keep each section in one of the two files, the same one in both languages', () => {
    const sections = (texts: object) => Object.keys(texts).sort();
    expect(sections(thFirst)).toEqual(sections(enFirst));
    expect(sections(thMore)).toEqual(sections(enMore));
    expect(sections(thFirst).filter((section) => section in thMore)).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const placeholders = (text: unknown) =>
      String(text)
        .match(/\{\{\w+\}\}/g)
        ?.sort() ?? [];
    const mismatched = [...thai.keys()].filter(
      (key) => placeholders(thai.get(key)).join() !== placeholders(english.get(key)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
