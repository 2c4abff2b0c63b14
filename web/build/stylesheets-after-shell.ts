/**
 * A Vite build step: moves the app's stylesheets from <head> to the end of <body>. In the head they
 * block the first paint until they arrive (a further round trip and 30 kB on slow 3G); after the inline
 * shell, the browser paints the shell at once and applies the styles before React's first render,
 * which waits for the scripts anyway. The preload scanner still fetches them as early as before.
 */
import type { Plugin } from 'vite';

const STYLESHEET = /\s*<link rel="stylesheet"[^>]*>/g;

export function stylesheetsAfterShell(): Plugin {
  return {
    name: 'tipnet-stylesheets-after-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(STYLESHEET) ?? [];
        if (links.length === 0) return html;
        return html
          .replace(STYLESHEET, '')
          .replace('</body>', `${links.map((link) => `  ${link.trim()}`).join('\n')}\n  </body>`);
      },
    },
  };
}
