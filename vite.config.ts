import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './web/build/precompress.ts';

const apiServer = 'http://127.0.0.1:3000';
const outDir = 'dist/web';

/** A module path inside one of these packages (their own dependencies follow them into the chunk). */
const inPackages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

export default defineConfig(() => ({
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries every page needs in their own long-cached chunks: an app update then re-downloads
        // only TIPNet's own code over a slow provincial link. Mantine is left to the bundler on purpose:
        // one Mantine chunk held every component any page uses, so the sign-in page paid for the
        // board's and the charts' (95 kB brotli); split by use, it loads only the ones it shows.
        codeSplitting: {
          groups: [
            { name: 'react', test: inPackages('react', 'react-dom', 'scheduler'), priority: 30 },
            {
              name: 'libs',
              test: inPackages('i18next', 'react-i18next', '@tanstack', 'react-router'),
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
    },
  },
}));
