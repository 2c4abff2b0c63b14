import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const LineSection = lazyPage(() => import('./components/LineSection.tsx').then((m) => m.LineSection));
const LineDeliveriesPage = lazyPage(() =>
  import('./components/LineDeliveriesPage.tsx').then((m) => m.LineDeliveriesPage),
);

export const lineRoutes: FeatureRoutes = {
  signedIn: [{ path: 'line-deliveries', element: <LineDeliveriesPage />, roles: ['admin'] }],
  settingsSections: [{ key: 'line', element: <LineSection /> }],
};
