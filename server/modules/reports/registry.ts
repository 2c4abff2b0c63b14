/**
 * The review's sections, in the order they are shown. A module that counts something for the review
 * adds its section here. Coordination's section reads that module's metrics through its index.ts, the
 * forums section the forums' and forum minutes' through theirs; "who works with whom" joins problems and
 * coordination.
 */
import { coordinationSection } from './coordination.section.ts';
import { coverageSection } from './coverage.section.ts';
import { forumsSection } from './forums.section.ts';
import { networkSection } from './network.section.ts';
import { partnersSection } from './partners.section.ts';
import { problemsSection } from './problems.section.ts';
import type { ReportSectionDefinition } from './sections.ts';

export const REPORT_SECTIONS: readonly ReportSectionDefinition[] = [
  networkSection,
  coverageSection,
  problemsSection,
  coordinationSection,
  forumsSection,
  partnersSection,
];
