/**
 * A Vite build step: the app's stylesheets stop holding the first paint. In <head> as usual they block
 * it until they arrive (a further round trip and 30 kB on slow 3G), while the inline shell needs none
 * of them. Each becomes a high-priority preload plus a `media="print"` stylesheet, which does not block;
 * web/main.tsx switches it on (`enableDeferredStylesheets`) before React's first render, which waits for
 * the larger scripts anyway. They stay in <head>, before the variables Mantine injects, so the theme
 * (Sarabun, colours) still wins over Mantine's defaults.
 */
import type { Plugin } from 'vite';

const STYLESHEET = /<link rel="stylesheet"([^>]*)>/g;

export function deferredStylesheets(): Plugin {
  return {
    name: 'tipnet-deferred-stylesheets',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          STYLESHEET,
          (_, attributes: string) =>
            `<link rel="preload" as="style"${attributes}>\n    <link rel="stylesheet"${attributes} media="print" data-deferred>`,
        ),
    },
  };
}
