/** Applies the stylesheets index.html loads without blocking the first paint (web/build/deferred-stylesheets.ts). */
export function enableDeferredStylesheets() {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-deferred]')) link.media = 'all';
}
