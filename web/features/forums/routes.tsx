import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const EventsPage = lazyPage(() => import('./components/EventsPage.tsx').then((m) => m.EventsPage));
const EventPage = lazyPage(() => import('./components/EventPage.tsx').then((m) => m.EventPage));
const NewEventPage = lazyPage(() => import('./components/EventFormPage.tsx').then((m) => m.NewEventPage));
const EditEventPage = lazyPage(() => import('./components/EventFormPage.tsx').then((m) => m.EditEventPage));
const FeedSection = lazyPage(() => import('./components/FeedSection.tsx').then((m) => m.FeedSection));

/** "Let's Talk TIP" events: the list, one event with registration and ticket, the Centre's editing. */
export const forumRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'forums', element: <EventsPage /> },
    { path: 'forums/new', element: <NewEventPage />, roles: ['admin'] },
    { path: 'forums/:eventId', element: <EventPage /> },
    { path: 'forums/:eventId/edit', element: <EditEventPage />, roles: ['admin'] },
  ],
  settingsSections: [{ key: 'forum-feeds', element: <FeedSection /> }],
};
