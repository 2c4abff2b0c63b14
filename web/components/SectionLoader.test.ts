import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const webRoot = join(import.meta.dirname, '..');

function componentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return componentFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

describe('loading spinners', () => {
  // A named spinner without a role is a generic element with a prohibited name. axe only sees it when a
  // section is still loading as it runs, so the e2e check failed by timing; this check does not.
  it('carry an accessible name only together with a role', () => {
    const offenders = componentFiles(webRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<Loader\b[^>]*>/g)]
        .filter(([tag]) => tag.includes('aria-label') && !tag.includes('role='))
        .map(([tag]) => `${file.slice(webRoot.length + 1)}: ${tag}`),
    );
    expect(offenders).toEqual([]);
  });
});
