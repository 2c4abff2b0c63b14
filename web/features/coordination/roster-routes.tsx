/**
 * The on-call pages, as route objects for the coordination feature's routes.tsx (written on the web-UI
 * branch) to spread into its `signedIn` list: `signedIn: [...requestPages, ...rosterRoutes]`.
 */
import { lazyPage, type PageRoute } from '../../lib/feature-routes.ts';

const RosterWeekPage = lazyPage(() =>
  import('./components/RosterWeekPage.tsx').then((m) => m.RosterWeekPage),
);
const AcknowledgeLinkPage = lazyPage(() =>
  import('./components/AcknowledgeLinkPage.tsx').then((m) => m.AcknowledgeLinkPage),
);
const CentreQueuePage = lazyPage(() =>
  import('./components/CentreQueuePage.tsx').then((m) => m.CentreQueuePage),
);

export const rosterRoutes: PageRoute[] = [
  { path: 'coordination/units/:id/roster', element: <RosterWeekPage /> },
  // Opened from an escalation email; signing in first keeps the link's #token.
  { path: 'coordination/acknowledge', element: <AcknowledgeLinkPage /> },
  { path: 'coordination/escalations', element: <CentreQueuePage />, roles: ['admin'] },
];
