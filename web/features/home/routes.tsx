import type { FeatureRoutes } from '../../lib/feature-routes.ts';
import { HomePage } from './components/HomePage.tsx';

export const homeRoutes: FeatureRoutes = {
  signedIn: [{ index: true, element: <HomePage /> }],
};
