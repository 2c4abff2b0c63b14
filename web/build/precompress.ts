/**
 * A Vite build step: writes `.br` and `.gz` beside every text asset so the server sends them as they are
 * (@fastify/static `preCompressed`), at the strongest settings, once per build instead of per request.
 * On the slow provincial links TIPNet is used on, a 4× smaller bundle is the difference between a
 * usable page and a blank screen.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes the `.br` and `.gz` copies of every text file under `dir`. */
export function precompressDirectory(dir: string) {
  for (const path of files(dir)) {
    if (!TEXT.test(path)) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  }
}

/** The build step: compresses the build's own output directory once it is written. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'tipnet-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDirectory(outDir);
    },
  };
}
