import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { deferredStylesheets } from './web/build/deferred-stylesheets.ts';
import { firstScreens } from './web/build/first-screens.ts';
import { FORM_WIDGET_MODULES, formWidgetStyles } from './web/build/form-widgets.ts';
import { precompress } from './web/build/precompress.ts';

const apiServer = 'http://127.0.0.1:3000';
const outDir = 'dist/web';

/** A module path inside one of these packages (their own dependencies follow them into the chunk). */
const inPackages = (...names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

/**
 * The UI toolkit. Only packages: TIPNet's own shared widgets and helpers import the app's modules back,
 * and grouping them here made chunks import each other in a cycle (a page then ran before React had
 * loaded: "Cannot read properties of undefined (reading 'createContext')").
 */
const SHARED_UI =
  /[\\/]node_modules[\\/](@mantine|@floating-ui|@tabler|react-remove-scroll|react-style-singleton|use-callback-ref|use-sidecar|react-textarea-autosize|use-composed-ref|use-latest|clsx|tslib|get-nonce|detect-node-es)[\\/]/;

/** Heavy libraries only one or two pages use: they stay in those pages' chunks. */
const PAGE_OWN_LIBRARIES = inPackages(
  '@mantine/charts',
  '@mantine/dates',
  'recharts',
  'd3-[a-z-]+',
  'react-markdown',
  'libphonenumber-js',
  'react-number-format',
  'qrcode',
  'jsqr',
  'zod',
  'dayjs',
);

export default defineConfig(() => ({
  plugins: [
    react(),
    formWidgetStyles(),
    deferredStylesheets(),
    firstScreens(),
    // The service worker (web/sw/sw.ts): precaches the app shell and keeps the offline reads. The
    // manifest is public/manifest.webmanifest, linked from index.html; the worker is registered by
    // web/lib/offline.ts once the first page has loaded.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'web/sw',
      filename: 'sw.ts',
      manifest: false,
      injectRegister: false,
      injectManifest: {
        // first-screens.json: which chunks the worker names in the page it serves (web/sw/sw.ts).
        globPatterns: ['**/*.{js,css,html,svg,woff2}', 'first-screens.json'],
        // What a field worker needs offline, not the accountability charts (~110 kB) or the
        // secretariat's admin pages: on slow 3G every 50 kB precached is a second more before the app
        // works offline. Fonts only for Thai and Latin script.
        globIgnores: [
          '**/{AccountabilityPage,AuditPage,OutboxPage,ModerationPage,UsersPage}-*',
          '**/sarabun-{latin-ext,vietnamese}-*',
        ],
      },
    }),
    precompress(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The signed-in groups are named after every page that shares them; the file needs no such name.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('signed-in~') ? 'assets/signed-in-[hash].js' : 'assets/[name]-[hash].js',
        // Few, well-filled chunks: on slow 3G each request costs a 2 s round trip and the browser opens
        // only six at a time, so forty small chunks cost more than the bytes they save.
        // - react, libs: libraries every page needs, long-cached, so an app update re-downloads only
        //   TIPNet's own code.
        // - core: everything else the sign-in page needs (its Mantine components, i18n, the API client).
        // - signed-in: what two or more signed-in pages share (the frame, Mantine's other components,
        //   icons). The sign-in page never loads it; pages with heavy libraries of their own (charts,
        //   date picker, markdown, phone metadata) keep those to themselves.
        codeSplitting: {
          groups: [
            { name: 'react', test: inPackages('react', 'react-dom', 'scheduler'), priority: 40 },
            {
              name: 'libs',
              test: inPackages('i18next', 'react-i18next', '@tanstack', 'react-router'),
              priority: 30,
            },
            { name: 'core', tags: ['$initial'], priority: 20 },
            {
              name: 'signed-in',
              test: (id) =>
                SHARED_UI.test(id) && !FORM_WIDGET_MODULES.test(id) && !PAGE_OWN_LIBRARIES.test(id),
              minShareCount: 2,
              // One chunk: split by entries it made chunks import each other in a cycle once the forum
              // and roster forms arrived (MultiSelect ran before Input: the accept-invitation page crashed).
              entriesAware: false,
              entriesAwareMergeThreshold: 60 * 1024,
              priority: 15,
            },
            // After signed-in: a group takes in what its modules import, and the widgets' Combobox,
            // Popover and Input belong with the first screens.
            {
              name: 'form-widgets',
              test: (id) => FORM_WIDGET_MODULES.test(id) && !PAGE_OWN_LIBRARIES.test(id),
              minShareCount: 2,
              entriesAware: false,
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
