import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const NotificationsPage = lazyPage(() =>
  import('./components/NotificationsPage.tsx').then((m) => m.NotificationsPage),
);

export const notificationRoutes: FeatureRoutes = {
  signedIn: [{ path: 'notifications', element: <NotificationsPage /> }],
};
