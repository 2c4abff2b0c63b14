import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'main-content';

/** First focusable element on every page, so keyboard users can jump past the header and menu. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('shell.skipToContent')}
    </a>
  );
}
