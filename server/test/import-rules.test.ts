/** The import rules in .dependency-cruiser.cjs bite: each fixture breaks one rule and the lint names it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** [importer, imported, the rule it breaks or null] — paths as in the project. */
const CASES: [string, string, string | null][] = [
  ['web/features/problems/api/breaks.ts', 'server/app.ts', 'web-not-server'],
  ['common/breaks-server.ts', 'server/platform/policy.ts', 'common-self-contained'],
  ['common/breaks-web.ts', 'web/lib/i18n.ts', 'common-self-contained'],
  ['server/platform/breaks.ts', 'server/modules/problems/problem-states.ts', 'platform-not-modules'],
  ['server/db/breaks.ts', 'server/modules/problems/problems.service.ts', 'db-not-modules'],
  [
    'server/modules/notifications/breaks.ts',
    'server/modules/problems/problems.presenter.ts',
    'module-through-index',
  ],
  [
    'web/features/users/components/Breaks.tsx',
    'web/features/directory/components/B.tsx',
    'web-features-apart',
  ],
  ['server/modules/notifications/allowed.ts', 'server/modules/problems/index.ts', null],
  ['server/modules/problems/allowed.ts', 'server/modules/problems/events.ts', null],
  ['server/modules/problems/allowed-platform.ts', 'server/platform/policy.ts', null],
  ['web/features/users/components/Allowed.tsx', 'web/components/PageHeader.tsx', null],
  ['web/features/users/api/allowed.ts', 'common/api.ts', null],
  ['common/allowed.ts', 'common/taxonomies.ts', null],
];

const tree = mkdtempSync(join(tmpdir(), 'tipnet-import-rules-'));
let broken = new Map<string, string[]>();

function write(path: string, text: string) {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

beforeAll(() => {
  for (const [from, to] of CASES) {
    write(to, 'export const x = 1;\n');
    let specifier = relative(dirname(from), to);
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    write(from, `import { x } from '${specifier}';\nexport const y = x;\n`);
  }
  const cli = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      'common',
      'server',
      'web',
      '--config',
      join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
    ],
    { cwd: tree, encoding: 'utf8' },
  );
  const violations: { from: string; rule: { name: string } }[] = JSON.parse(run.stdout).summary.violations;
  broken = new Map();
  for (const v of violations) broken.set(v.from, [...(broken.get(v.from) ?? []), v.rule.name]);
}, 60_000);
afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('the import rules of npm run lint', () => {
  it.each(CASES)('%s importing %s breaks %s', (from, _to, rule) => {
    expect(broken.get(from) ?? []).toEqual(rule ? [rule] : []);
  });
});
