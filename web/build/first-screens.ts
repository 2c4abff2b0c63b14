/**
 * A Vite build step: writes first-screens.json beside index.html, the code files each first screen in
 * common/first-screen.ts needs beyond what index.html already loads (the signed-in frame, the page and
 * the chunks they import). The server and the service worker name them in the page's HTML, so on slow
 * 3G they arrive with the entry script instead of one round trip (seconds) after it.
 */
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { FIRST_SCREENS, FIRST_SCREENS_FILE, type FirstScreenChunks } from '../../common/first-screen.ts';

type Chunk = {
  type: 'chunk';
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
};

export function firstScreens(): Plugin {
  let root = process.cwd();
  return {
    name: 'tipnet-first-screens',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (item): item is typeof item & Chunk => item.type === 'chunk',
      );
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const withImports = (files: string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          for (const imported of byFile.get(file)?.imports ?? []) visit(imported);
        };
        for (const file of files) visit(file);
        return seen;
      };
      const loadedByIndex = withImports(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      const sourceOf = (chunk: Chunk) =>
        chunk.facadeModuleId ? relative(root, chunk.facadeModuleId).replaceAll('\\', '/') : null;
      const result: FirstScreenChunks = {};
      for (const screen of FIRST_SCREENS) {
        const own = screen.modules.map((module) => {
          const chunk = chunks.find((c) => sourceOf(c) === module);
          if (!chunk) throw new Error(`first screen ${screen.key}: no chunk for ${module}`);
          return chunk.fileName;
        });
        result[screen.key] = [...withImports(own)].filter((file) => !loadedByIndex.has(file));
      }
      this.emitFile({ type: 'asset', fileName: FIRST_SCREENS_FILE, source: `${JSON.stringify(result)}\n` });
    },
  };
}
