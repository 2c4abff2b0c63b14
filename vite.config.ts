import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './web/build/precompress.ts';

const apiServer = 'http://127.0.0.1:3000';
const outDir = 'dist/web';

/** A module path inside one of these packages (their own dependencies follow them into the chunk). */
const inPackages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

export default defineConfig({
  plugins: [react(), precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries in their own long-cached chunks: an app update then re-downloads only TIPNet's own
        // code, not 200+ kB (gzip) of libraries, over a slow provincial link. Packages used only by lazily
        // loaded pages (the date picker, QR codes) stay with those pages.
        codeSplitting: {
          groups: [
            { name: 'react', test: inPackages('react', 'react-dom', 'scheduler'), priority: 30 },
            {
              name: 'mantine',
              test: inPackages('@mantine/core', '@mantine/hooks', '@mantine/notifications'),
              priority: 20,
            },
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
});
