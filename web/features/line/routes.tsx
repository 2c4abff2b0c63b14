import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const LineSection = lazyPage(() => import('./components/LineSection.tsx').then((m) => m.LineSection));

export const lineRoutes: FeatureRoutes = {
  settingsSections: [{ key: 'line', element: <LineSection /> }],
};
