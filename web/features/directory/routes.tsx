import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const DirectoryPage = lazyPage(() => import('./components/DirectoryPage.tsx').then((m) => m.DirectoryPage));
const OrganisationPage = lazyPage(() =>
  import('./components/OrganisationPage.tsx').then((m) => m.OrganisationPage),
);
const FinderPage = lazyPage(() => import('./components/FinderPage.tsx').then((m) => m.FinderPage), {
  firstScreen: true,
});
const OrganisationEditPage = lazyPage(() =>
  import('./components/OrganisationEditPage.tsx').then((m) => m.OrganisationEditPage),
);
const OrganisationCreatePage = lazyPage(() =>
  import('./components/OrganisationCreatePage.tsx').then((m) => m.OrganisationCreatePage),
);
const PersonCreatePage = lazyPage(() =>
  import('./components/PersonCreatePage.tsx').then((m) => m.PersonCreatePage),
);
const TasksPage = lazyPage(() => import('./components/TasksPage.tsx').then((m) => m.TasksPage));
const ContactSheetPage = lazyPage(() =>
  import('./components/ContactSheetPage.tsx').then((m) => m.ContactSheetPage),
);
const VerificationQueuePage = lazyPage(() =>
  import('./components/VerificationQueuePage.tsx').then((m) => m.VerificationQueuePage),
);
const PersonPage = lazyPage(() => import('./components/PersonPage.tsx').then((m) => m.PersonPage));

export const directoryRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'organisations', element: <DirectoryPage /> },
    { path: 'organisations/map', element: <DirectoryPage view="map" /> },
    { path: 'organisations/provinces/:code/sheet', element: <ContactSheetPage /> },
    { path: 'organisations/:id', element: <OrganisationPage /> },
    { path: 'organisations/:id/edit', element: <OrganisationEditPage /> },
    { path: 'organisations/:id/people/new', element: <PersonCreatePage /> },
    { path: 'organisations/new', element: <OrganisationCreatePage />, roles: ['admin'] },
    { path: 'finder', element: <FinderPage /> },
    { path: 'people/:id', element: <PersonPage /> },
    { path: 'tasks', element: <TasksPage />, roles: ['admin', 'org_admin'] },
    { path: 'verification', element: <VerificationQueuePage />, roles: ['admin'] },
  ],
};
