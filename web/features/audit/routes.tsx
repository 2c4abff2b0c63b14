import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const AuditPage = lazyPage(() => import('./components/AuditPage.tsx').then((m) => m.AuditPage));

export const auditRoutes: FeatureRoutes = {
  signedIn: [{ path: 'audit', element: <AuditPage />, roles: ['admin'] }],
};
