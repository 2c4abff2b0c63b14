import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { DIGEST_EVERY_MS, runMonthlyDigest } from './digest.ts';
import { OVERDUE_CLOCK_EVERY_MS, runOverdueClock } from './overdue.ts';
import { pdfRendererFor } from './pdf/renderer.ts';
import { reportRoutes } from './reports.routes.ts';

export type { ReportSectionDefinition, SectionContext } from './sections.ts';
export { label, quantile, suppress, totalsOf } from './sections.ts';

/** For /readyz: whether the review PDF can be printed here, and how busy its pool is. */
export function pdfReadiness(chromiumPath: string) {
  const renderer = pdfRendererFor(chromiumPath);
  const { running, waiting } = renderer.load();
  return {
    chromium: renderer.available() ? ('found' as const) : ('missing' as const),
    running,
    queued: waiting,
  };
}

/** The dashboard and the yearly review: sections contributed by the modules, for a period; the monthly digest. */
export default defineModule({
  name: 'reports',
  routes: (app: App, deps: Deps) => {
    reportRoutes(app, deps);
  },
  jobs: [
    { name: 'monthly digest', everyMs: DIGEST_EVERY_MS, run: (deps) => runMonthlyDigest(deps) },
    { name: 'overdue per agency', everyMs: OVERDUE_CLOCK_EVERY_MS, run: runOverdueClock },
  ],
});

export { pdfRendererFor } from './pdf/renderer.ts';
/** The Chromium A4 pipeline and its inlined Thai font, for other printable pages (the forum summary). */
export { fonts as printFontCss } from './pdf/review-html.ts';
