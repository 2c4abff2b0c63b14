import { useTranslation } from 'react-i18next';
import { PrivacyNotice } from '../../../components/PrivacyNotice.tsx';
import { AuthCard } from './AuthCard.tsx';

/** The privacy notice on a page of its own: linked from the invitation form and from the settings page. */
export function PrivacyNoticePage() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('privacyNotice.title')}>
      <PrivacyNotice headingOrder={2} />
    </AuthCard>
  );
}
