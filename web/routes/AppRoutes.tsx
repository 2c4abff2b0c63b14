import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { AcceptInvitationPage } from '../features/auth/components/AcceptInvitationPage.tsx';
import { ForgotPasswordPage } from '../features/auth/components/ForgotPasswordPage.tsx';
import { LoginPage } from '../features/auth/components/LoginPage.tsx';
import { ResetPasswordPage } from '../features/auth/components/ResetPasswordPage.tsx';
import { HomePage } from '../features/home/components/HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireRole } from './RequireRole.tsx';
import { RequireSignedIn } from './RequireSignedIn.tsx';

// Page code loads on first visit: most users never open the admin pages, and links are slow.
const SettingsPage = lazy(() =>
  import('../features/account/components/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const DirectoryPage = lazy(() =>
  import('../features/directory/components/DirectoryPage.tsx').then((m) => ({ default: m.DirectoryPage })),
);
const OrganisationPage = lazy(() =>
  import('../features/directory/components/OrganisationPage.tsx').then((m) => ({
    default: m.OrganisationPage,
  })),
);
const FinderPage = lazy(() =>
  import('../features/directory/components/FinderPage.tsx').then((m) => ({ default: m.FinderPage })),
);
const OrganisationEditPage = lazy(() =>
  import('../features/directory/components/OrganisationEditPage.tsx').then((m) => ({
    default: m.OrganisationEditPage,
  })),
);
const OrganisationCreatePage = lazy(() =>
  import('../features/directory/components/OrganisationCreatePage.tsx').then((m) => ({
    default: m.OrganisationCreatePage,
  })),
);
const PersonCreatePage = lazy(() =>
  import('../features/directory/components/PersonCreatePage.tsx').then((m) => ({
    default: m.PersonCreatePage,
  })),
);
const TasksPage = lazy(() =>
  import('../features/directory/components/TasksPage.tsx').then((m) => ({ default: m.TasksPage })),
);
const ContactSheetPage = lazy(() =>
  import('../features/directory/components/ContactSheetPage.tsx').then((m) => ({
    default: m.ContactSheetPage,
  })),
);
const PersonPage = lazy(() =>
  import('../features/directory/components/PersonPage.tsx').then((m) => ({ default: m.PersonPage })),
);
const ProblemsBoardPage = lazy(() =>
  import('../features/problems/components/ProblemsBoardPage.tsx').then((m) => ({
    default: m.ProblemsBoardPage,
  })),
);
const RaiseProblemPage = lazy(() =>
  import('../features/problems/components/RaiseProblemPage.tsx').then((m) => ({
    default: m.RaiseProblemPage,
  })),
);
const ProblemPage = lazy(() =>
  import('../features/problems/components/ProblemPage.tsx').then((m) => ({ default: m.ProblemPage })),
);
const AccountabilityPage = lazy(() =>
  import('../features/problems/components/AccountabilityPage.tsx').then((m) => ({
    default: m.AccountabilityPage,
  })),
);
const ModerationPage = lazy(() =>
  import('../features/problems/components/ModerationPage.tsx').then((m) => ({
    default: m.ModerationPage,
  })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/components/NotificationsPage.tsx').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const UsersPage = lazy(() =>
  import('../features/users/components/UsersPage.tsx').then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/components/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const OutboxPage = lazy(() =>
  import('../features/outbox/components/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="accept-invitation" element={<AcceptInvitationPage />} />
      </Route>
      <Route element={<RequireSignedIn />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="notifications" element={<NotificationsPage />} />
          <Route path="organisations" element={<DirectoryPage />} />
          <Route path="organisations/map" element={<DirectoryPage view="map" />} />
          <Route path="organisations/provinces/:code/sheet" element={<ContactSheetPage />} />
          <Route path="organisations/:id" element={<OrganisationPage />} />
          <Route path="organisations/:id/edit" element={<OrganisationEditPage />} />
          <Route path="organisations/:id/people/new" element={<PersonCreatePage />} />
          <Route path="finder" element={<FinderPage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="problems" element={<ProblemsBoardPage />} />
          <Route path="problems/new" element={<RaiseProblemPage />} />
          <Route path="problems/accountability" element={<AccountabilityPage />} />
          <Route path="problems/:id" element={<ProblemPage />} />
          <Route element={<RequireRole roles={['admin', 'org_admin']} />}>
            <Route path="users" element={<UsersPage />} />
            <Route path="tasks" element={<TasksPage />} />
          </Route>
          <Route element={<RequireRole roles={['admin']} />}>
            <Route path="organisations/new" element={<OrganisationCreatePage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="problems/moderation" element={<ModerationPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
