import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const HomePage = lazyPage(() => import('./components/HomePage.tsx').then((m) => m.HomePage));

export const homeRoutes: FeatureRoutes = {
  signedIn: [{ index: true, element: <HomePage /> }],
};
