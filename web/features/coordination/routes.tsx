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

/** Coordination requests: inboxes and outgoing requests, asking for help, one request, one unit. */
export const coordinationRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'coordination', element: <CoordinationPage /> },
    { path: 'coordination/new', element: <NewRequestPage /> },
    { path: 'coordination/requests/:id', element: <RequestPage /> },
    { path: 'coordination/units/:id', element: <UnitPage /> },
    ...rosterRoutes,
  ],
};
