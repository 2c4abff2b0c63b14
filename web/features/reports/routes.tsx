import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const DashboardPage = lazyPage(() => import('./components/DashboardPage.tsx').then((m) => m.DashboardPage));

export const reportRoutes: FeatureRoutes = {
  signedIn: [{ path: 'reports', element: <DashboardPage /> }],
};
