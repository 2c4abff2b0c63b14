import { Suspense, useState } from 'react';
import { matchRoutes, Route, Routes } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { accountRoutes } from '../features/account/routes.tsx';
import { auditRoutes } from '../features/audit/routes.tsx';
import { authRoutes } from '../features/auth/routes.tsx';
import { coordinationRoutes } from '../features/coordination/routes.tsx';
import { directoryRoutes } from '../features/directory/routes.tsx';
import { forumCheckinRoutes } from '../features/forum-checkin/routes.tsx';
import { forumFeedbackRoutes } from '../features/forum-feedback/routes.tsx';
import { forumMinutesRoutes } from '../features/forum-minutes/routes.tsx';
import { forumRoutes } from '../features/forums/routes.tsx';
import { homeRoutes } from '../features/home/routes.tsx';
import { lineRoutes } from '../features/line/routes.tsx';
import { notificationRoutes } from '../features/notifications/routes.tsx';
import { outboxRoutes } from '../features/outbox/routes.tsx';
import { problemRoutes } from '../features/problems/routes.tsx';
import { reportRoutes } from '../features/reports/routes.tsx';
import { userRoutes } from '../features/users/routes.tsx';
import { type FeatureRoutes, lazyPage, type PageRoute, preloadPage } from '../lib/feature-routes.ts';
import { type FeatureSections, FeatureSectionsContext } from '../lib/feature-sections.ts';
import { useScrollRestoration } from '../lib/scroll-restoration.ts';
import { RequireRole } from './RequireRole.tsx';
import { RequireSignedIn } from './RequireSignedIn.tsx';

/** Every feature's pages; a new feature adds its `routes.tsx` here and nothing else. */
const FEATURES: FeatureRoutes[] = [
  authRoutes,
  homeRoutes,
  accountRoutes,
  notificationRoutes,
  lineRoutes,
  directoryRoutes,
  problemRoutes,
  coordinationRoutes,
  forumCheckinRoutes,
  forumMinutesRoutes,
  forumRoutes,
  reportRoutes,
  forumFeedbackRoutes,
  userRoutes,
  auditRoutes,
  outboxRoutes,
];

const publicPages = FEATURES.flatMap((f) => f.public ?? []);
const signedInPages = FEATURES.flatMap((f) => f.signedIn ?? []);
const sections: FeatureSections = {
  settings: FEATURES.flatMap((f) => f.settingsSections ?? []),
  home: FEATURES.flatMap((f) => f.homeSections ?? []),
};

/** The signed-in frame (side bar, menus, notifications) is not needed to sign in, so it loads apart. */
const AppLayout = lazyPage(() => import('../components/AppLayout.tsx').then((m) => m.AppLayout), {
  firstScreen: true,
});

/**
 * On opening the app on a signed-in page, fetch the frame's and the page's code at once, alongside the
 * session check, rather than one after the other (each costs a round trip of seconds on slow 3G).
 */
function preloadFirstPage(pathname: string) {
  const publicMatch = matchRoutes(publicPages.map(routeObject), pathname);
  if (publicMatch) return;
  preloadPage(<AppLayout />);
  const match = matchRoutes(signedInPages.map(routeObject), pathname);
  preloadPage(match?.[0]?.route.element);
}

function routeObject(page: PageRoute) {
  return 'index' in page
    ? { index: true, element: page.element }
    : { path: page.path, element: page.element };
}

function routeOf(page: PageRoute) {
  const key = 'index' in page ? 'index' : page.path;
  const route =
    'index' in page ? (
      <Route key={key} index element={page.element} />
    ) : (
      <Route key={key} path={page.path} element={page.element} />
    );
  // A page a role may not use looks as if it did not exist (RequireRole answers the not-found page).
  return page.roles ? (
    <Route key={key} element={<RequireRole roles={page.roles} />}>
      {route}
    </Route>
  ) : (
    route
  );
}

export function AppRoutes() {
  useScrollRestoration();
  useState(() => preloadFirstPage(window.location.pathname));
  return (
    <FeatureSectionsContext.Provider value={sections}>
      <Routes>
        <Route element={<PublicLayout />}>{publicPages.map(routeOf)}</Route>
        <Route element={<RequireSignedIn />}>
          <Route
            element={
              <Suspense fallback={<FullPageLoader />}>
                <AppLayout />
              </Suspense>
            }
          >
            {signedInPages.map(routeOf)}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </FeatureSectionsContext.Provider>
  );
}
