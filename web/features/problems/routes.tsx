import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';

const ProblemsBoardPage = lazyPage(
  () => import('./components/ProblemsBoardPage.tsx').then((m) => m.ProblemsBoardPage),
  { firstScreen: true },
);
const RaiseProblemPage = lazyPage(() =>
  import('./components/RaiseProblemPage.tsx').then((m) => m.RaiseProblemPage),
);
const ProblemPage = lazyPage(() => import('./components/ProblemPage.tsx').then((m) => m.ProblemPage));
const AccountabilityPage = lazyPage(() =>
  import('./components/AccountabilityPage.tsx').then((m) => m.AccountabilityPage),
);
const AssignedToUsSection = lazyPage(() =>
  import('./components/AssignedToUsSection.tsx').then((m) => m.AssignedToUsSection),
);
const ModerationPage = lazyPage(() =>
  import('./components/ModerationPage.tsx').then((m) => m.ModerationPage),
);
const DeadlineSettingsSection = lazyPage(() =>
  import('./components/DeadlineSettingsSection.tsx').then((m) => m.DeadlineSettingsSection),
);

export const problemRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'problems', element: <ProblemsBoardPage /> },
    { path: 'problems/new', element: <RaiseProblemPage /> },
    { path: 'problems/accountability', element: <AccountabilityPage /> },
    { path: 'problems/moderation', element: <ModerationPage />, roles: ['admin'] },
    { path: 'problems/:id', element: <ProblemPage /> },
  ],
  settingsSections: [{ key: 'deadline-settings', element: <DeadlineSettingsSection />, roles: ['admin'] }],
  homeSections: [{ key: 'assigned-to-us', element: <AssignedToUsSection />, roles: ['member', 'org_admin'] }],
};
