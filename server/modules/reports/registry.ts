/**
 * The review's sections, in the order they are shown. A module that counts something for the review
 * adds its section here (exported from its own index.ts): coordination and forums when they land.
 */
import { coverageSection } from './coverage.section.ts';
import { networkSection } from './network.section.ts';
import { problemsSection } from './problems.section.ts';
import type { ReportSectionDefinition } from './sections.ts';

export const REPORT_SECTIONS: readonly ReportSectionDefinition[] = [
  networkSection,
  coverageSection,
  problemsSection,
];
