import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const SettingsPage = lazyPage(() => import('./components/SettingsPage.tsx').then((m) => m.SettingsPage));

export const accountRoutes: FeatureRoutes = {
  signedIn: [{ path: 'settings', element: <SettingsPage /> }],
};
