import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const MetricsPage = lazyPage(() => import('./components/MetricsPage.tsx').then((m) => m.MetricsPage));
const HolidaysSection = lazyPage(() =>
  import('./components/HolidaysSection.tsx').then((m) => m.HolidaysSection),
);
const SlaPolicySection = lazyPage(() =>
  import('./components/SlaPolicySection.tsx').then((m) => m.SlaPolicySection),
);

/**
 * The SLA part of coordination: the metrics page and the Centre's settings (merge with the UI branch's).
 * Not yet listed in web/routes/AppRoutes.tsx: with it, the production build's signed-in chunks import each
 * other in a cycle ("reading 'createContext'" on every signed-in page); the lead wires it at merge.
 */
export const coordinationRoutes: FeatureRoutes = {
  signedIn: [{ path: 'coordination/metrics', element: <MetricsPage /> }],
  settingsSections: [
    { key: 'coordination-sla-policy', element: <SlaPolicySection />, roles: ['admin'] },
    { key: 'coordination-holidays', element: <HolidaysSection />, roles: ['admin'] },
  ],
};
