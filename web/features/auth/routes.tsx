import { type FeatureRoutes, lazyPage } from '../../lib/feature-routes.ts';
import { LoginPage } from './components/LoginPage.tsx';

const ForgotPasswordPage = lazyPage(() =>
  import('./components/ForgotPasswordPage.tsx').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyPage(() =>
  import('./components/ResetPasswordPage.tsx').then((m) => m.ResetPasswordPage),
);
const PrivacyNoticePage = lazyPage(() =>
  import('./components/PrivacyNoticePage.tsx').then((m) => m.PrivacyNoticePage),
);
const AcceptInvitationPage = lazyPage(() =>
  import('./components/AcceptInvitationPage.tsx').then((m) => m.AcceptInvitationPage),
);

// Sign-in is loaded with the app: it is the first page a user ever sees. The others open from an email
// link now and then, so they load when opened.
export const authRoutes: FeatureRoutes = {
  public: [
    { path: 'login', element: <LoginPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
    { path: 'reset-password', element: <ResetPasswordPage /> },
    { path: 'accept-invitation', element: <AcceptInvitationPage /> },
    { path: 'privacy', element: <PrivacyNoticePage /> },
  ],
};
