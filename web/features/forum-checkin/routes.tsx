import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const CheckinPage = lazyPage(() => import('./components/CheckinPage.tsx').then((m) => m.CheckinPage));
const PollsPage = lazyPage(() => import('./components/PollsPage.tsx').then((m) => m.PollsPage));

/** A forum's day (issue 13, F2): the staff's check-in page at the door and the room's polls. */
export const forumCheckinRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'forums/:eventId/checkin', element: <CheckinPage /> },
    { path: 'forums/:eventId/polls', element: <PollsPage /> },
  ],
};
