import type { FeatureRoutes } from '../../lib/feature-routes.ts';
import { AcceptInvitationPage } from './components/AcceptInvitationPage.tsx';
import { ForgotPasswordPage } from './components/ForgotPasswordPage.tsx';
import { LoginPage } from './components/LoginPage.tsx';
import { PrivacyNoticePage } from './components/PrivacyNoticePage.tsx';
import { ResetPasswordPage } from './components/ResetPasswordPage.tsx';

// Loaded with the app, not lazily: these are the first pages a user ever sees.
export const authRoutes: FeatureRoutes = {
  public: [
    { path: 'login', element: <LoginPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
    { path: 'reset-password', element: <ResetPasswordPage /> },
    { path: 'accept-invitation', element: <AcceptInvitationPage /> },
    { path: 'privacy', element: <PrivacyNoticePage /> },
  ],
};
