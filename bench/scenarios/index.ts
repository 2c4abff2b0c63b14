import { coordinationEscalationTick, coordinationInbox, coordinationRequestPage } from './coordination.ts';
import {
  directorySearch,
  directorySearchFresh,
  directorySearchTyping,
  finder,
  organisationPage,
} from './directory.ts';
import { forumCheckinScan } from './forum-checkin.ts';
import { forumEventPage, forumRegistrationBurst, forumRegistrationFlood } from './forums.ts';
import { healthz } from './healthz.ts';
import { me } from './me.ts';
import {
  problemPage,
  problemPageFresh,
  problemsBoard,
  problemsBoardFresh,
  problemsBoardTyping,
  problemsMixed,
} from './problems.ts';
import { reviewDashboard, reviewPdf, reviewWorkbook } from './reports.ts';
import type { Scenario } from './types.ts';

export type { BenchContext, BenchRequest, Scenario } from './types.ts';

/** Every scenario, in run order. `healthz` comes first: it is the baseline the others are compared with. */
export const SCENARIOS: Scenario[] = [
  healthz,
  me,
  directorySearch,
  directorySearchFresh,
  directorySearchTyping,
  finder,
  organisationPage,
  problemsBoard,
  problemsBoardFresh,
  problemsBoardTyping,
  problemPage,
  problemPageFresh,
  problemsMixed,
  coordinationInbox,
  coordinationRequestPage,
  coordinationEscalationTick,
  forumCheckinScan,
  forumEventPage,
  forumRegistrationBurst,
  forumRegistrationFlood,
  reviewDashboard,
  reviewWorkbook,
  reviewPdf,
];
