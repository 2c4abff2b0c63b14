import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const SurveyPage = lazyPage(() => import('./components/SurveyPage.tsx').then((m) => m.SurveyPage));
const SummaryPage = lazyPage(() => import('./components/SummaryPage.tsx').then((m) => m.SummaryPage));

export const forumFeedbackRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'forums/:eventId/survey', element: <SurveyPage /> },
    { path: 'forums/:eventId/summary', element: <SummaryPage /> },
  ],
};
