import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';
import { rosterRoutes } from './roster-routes.tsx';

const CoordinationPage = lazyPage(() =>
  import('./components/CoordinationPage.tsx').then((m) => m.CoordinationPage),
);
const NewRequestPage = lazyPage(() =>
  import('./components/NewRequestPage.tsx').then((m) => m.NewRequestPage),
);
const RequestPage = lazyPage(() => import('./components/RequestPage.tsx').then((m) => m.RequestPage));
const UnitPage = lazyPage(() => import('./components/UnitPage.tsx').then((m) => m.UnitPage));
const MetricsPage = lazyPage(() => import('./components/MetricsPage.tsx').then((m) => m.MetricsPage));
const HolidaysSection = lazyPage(() =>
  import('./components/HolidaysSection.tsx').then((m) => m.HolidaysSection),
);
const SlaPolicySection = lazyPage(() =>
  import('./components/SlaPolicySection.tsx').then((m) => m.SlaPolicySection),
);

/**
 * Coordination requests: inboxes and outgoing requests, asking for help, one request, one unit, rosters,
 * the response metrics; the Centre's SLA targets and public holidays in Settings.
 */
export const coordinationRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'coordination', element: <CoordinationPage /> },
    { path: 'coordination/new', element: <NewRequestPage /> },
    { path: 'coordination/metrics', element: <MetricsPage /> },
    { path: 'coordination/requests/:id', element: <RequestPage /> },
    { path: 'coordination/units/:id', element: <UnitPage /> },
    ...rosterRoutes,
  ],
  settingsSections: [
    { key: 'coordination-sla-policy', element: <SlaPolicySection />, roles: ['admin'] },
    { key: 'coordination-holidays', element: <HolidaysSection />, roles: ['admin'] },
  ],
};
