/**
 * What the first screens cost on a slow provincial link, from a real production build: the brotli bytes
 * of the JavaScript each one loads before it can show anything. At 50 KB/s every 50 kB is a second more
 * of blank screen, and one stray import (the Zod contract for a header name, phone metadata for a name
 * formatter) once added 60 kB to the finder. bench:field measures the times; this keeps the bytes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import laterTexts from '../locales/th.more.json';
import { FORM_WIDGET_COMPONENTS } from './form-widgets.ts';

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

const ROOT = join(import.meta.dirname, '..', '..');
const FRAME = 'web/components/AppLayout.tsx';
const SCREENS: Record<string, string> = {
  finder: 'web/features/directory/components/FinderPage.tsx',
  board: 'web/features/problems/components/ProblemsBoardPage.tsx',
};
/** Markers that survive minification: Zod's error class and libphonenumber's metadata format. */
const HEAVY_LIBRARIES = { zod: /ZodError/, 'phone metadata': /country_calling_codes/ };

let outDir: string;
let manifest: Manifest;
/** Every module whose code made it into the build, after tree-shaking. */
let moduleIds: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'tipnet-bundle-'));
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: ROOT,
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, manifest: 'manifest.json' },
      plugins: [
        {
          name: 'record-modules',
          generateBundle(_, bundle) {
            moduleIds = Object.values(bundle).flatMap((output) =>
              output.type === 'chunk'
                ? Object.entries(output.modules).flatMap(([id, module]) =>
                    module.renderedLength > 0 ? [id] : [],
                  )
                : [],
            );
          },
        },
      ],
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The files a module needs before it runs: its chunk and every chunk it imports statically. */
function staticFiles(...keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build: ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/** A first screen's files, the sign-in page's when `page` is absent. */
const firstScreenFiles = (page?: string) => staticFiles(entry(), ...(page ? [FRAME, page] : []));
const FIRST_SCREENS = { 'sign-in': undefined, ...SCREENS };

const entry = () => Object.keys(manifest).find((key) => manifest[key]?.isEntry) ?? 'index.html';
const read = (file: string) => readFileSync(join(outDir, file));
const brotliKb = (files: Set<string>) =>
  [...files].reduce((sum, file) => sum + brotliCompressSync(read(file)).length, 0) / 1024;

describe('the first screens over a slow link', () => {
  // The targets: sign-in at most 170 kB of JavaScript and 250 kB in all, the finder 300 kB in all (with
  // about 65 kB of styles, fonts, page and reads). The budgets keep what was won, 152, 212 and 218 kB
  // on 6 December 2026, with room for some growth.
  it.each([
    ['sign-in', 160, []],
    ['finder', 220, [FRAME, SCREENS.finder!]],
    ['board', 225, [FRAME, SCREENS.board!]],
  ] as const)('%s loads at most %i kB of JavaScript, compressed', (_, budget, modules) => {
    expect(brotliKb(staticFiles(entry(), ...modules))).toBeLessThanOrEqual(budget);
  });

  it.each(Object.entries(FIRST_SCREENS))('%s loads neither Zod nor phone metadata', (_, page) => {
    for (const file of firstScreenFiles(page)) {
      const code = read(file).toString('utf8');
      for (const [library, marker] of Object.entries(HEAVY_LIBRARIES)) {
        expect(marker.test(code), `${library} in ${file}`).toBe(false);
      }
    }
  });

  // Their texts ship with the app (web/locales/th.json); a key of a later section would show as the
  // key itself, since nothing fetches the rest (th.more.json) for them.
  it.each(Object.entries(FIRST_SCREENS))('%s needs none of the texts fetched later', (_, page) => {
    const keyOfLaterSection = new RegExp(`["'\`](${Object.keys(laterTexts).join('|')})\\.`);
    for (const file of firstScreenFiles(page)) {
      const code = read(file).toString('utf8');
      expect(code.match(keyOfLaterSection)?.[0], file).toBeUndefined();
    }
  });
});

describe("Mantine's stylesheets", () => {
  const GLOBAL = ['baseline', 'default-css-variables', 'global'];
  const imported = () =>
    [...readFileSync(join(ROOT, 'web/app/mantine-styles.ts'), 'utf8').matchAll(/styles\/([\w-]+)\.css/g)].map(
      (match) => match[1] ?? '',
    );
  // Each component's class names live in its `<Name>.module.mjs`, and its rules in `styles/<Name>.css`.
  const used = () => [
    ...new Set(
      moduleIds.flatMap(
        (id) => id.match(/@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/)?.[1] ?? [],
      ),
    ),
  ];
  /** The first rule's class of a component's stylesheet, e.g. `.m_77c9d27d`. */
  const firstClass = (name: string) =>
    readFileSync(join(ROOT, 'node_modules/@mantine/core/styles', `${name}.css`), 'utf8').match(
      /\.m_\w+/,
    )?.[0];
  const builtCss = (pattern: RegExp) =>
    readdirSync(join(outDir, 'assets'))
      .filter((file) => pattern.test(file))
      .map((file) => readFileSync(join(outDir, 'assets', file), 'utf8'))
      .join('\n');

  it('come with every Mantine component in the build', () => {
    expect(used().length).toBeGreaterThan(20); // the scan itself works
    const css = builtCss(/\.css$/);
    expect(used().filter((name) => !css.includes(firstClass(name) ?? name))).toEqual([]);
  });

  it('are not loaded for components the build does not have', () => {
    expect(imported().filter((name) => !GLOBAL.includes(name) && !used().includes(name))).toEqual([]);
  });

  it("leave the form widgets' rules out of the first screens' stylesheet", () => {
    const firstScreensCss = builtCss(/^index-.*\.css$/);
    expect(firstScreensCss).toContain(firstClass('Button'));
    const widgets = used().filter((name) => FORM_WIDGET_COMPONENTS.some((widget) => name.startsWith(widget)));
    expect(widgets).toContain('Checkbox');
    expect(widgets.filter((name) => firstScreensCss.includes(firstClass(name) ?? name))).toEqual([]);
  });
});
