import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const NotificationsPage = lazyPage(() =>
  import('./components/NotificationsPage.tsx').then((m) => m.NotificationsPage),
);

const NotificationPreferencesSection = lazyPage(() =>
  import('./components/NotificationPreferencesSection.tsx').then((m) => m.NotificationPreferencesSection),
);

export const notificationRoutes: FeatureRoutes = {
  signedIn: [{ path: 'notifications', element: <NotificationsPage /> }],
  settingsSections: [{ key: 'notifications', element: <NotificationPreferencesSection /> }],
};
