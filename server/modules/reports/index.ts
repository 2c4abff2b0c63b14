import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { reportRoutes } from './reports.routes.ts';

export type { ReportSectionDefinition, SectionContext } from './sections.ts';
export { label, quantile, suppress, totalsOf } from './sections.ts';

/** The dashboard and the yearly review: sections contributed by the modules, for a period. */
export default defineModule({
  name: 'reports',
  routes: (app: App, deps: Deps) => {
    reportRoutes(app, deps);
  },
});

/** The Chromium A4 pipeline and its inlined Thai font, for other printable pages (the forum summary). */
export { fonts as printFontCss } from './pdf/review-html.ts';
export { pdfRenderer } from './reports.routes.ts';
