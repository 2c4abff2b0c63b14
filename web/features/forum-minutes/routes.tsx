import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const MinutesPage = lazyPage(() => import('./components/MinutesPage.tsx').then((m) => m.MinutesPage));
const ActionsPage = lazyPage(() => import('./components/ActionsPage.tsx').then((m) => m.ActionsPage));

export const forumMinutesRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'forums/actions', element: <ActionsPage /> },
    { path: 'forums/:eventId/minutes', element: <MinutesPage /> },
  ],
};
