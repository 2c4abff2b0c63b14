import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const OutboxPage = lazyPage(() => import('./components/OutboxPage.tsx').then((m) => m.OutboxPage));

export const outboxRoutes: FeatureRoutes = {
  signedIn: [{ path: 'outbox', element: <OutboxPage />, roles: ['admin'] }],
};
