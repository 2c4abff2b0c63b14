import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const UsersPage = lazyPage(() => import('./components/UsersPage.tsx').then((m) => m.UsersPage));

export const userRoutes: FeatureRoutes = {
  signedIn: [{ path: 'users', element: <UsersPage />, roles: ['admin', 'org_admin'] }],
};
