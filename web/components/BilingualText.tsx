import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Bilingual, inLanguage } from '../lib/bilingual.ts';
import { useLanguage } from '../lib/i18n.ts';

/**
 * A directory text in the reader's language, or in the other one marked as such: `lang` lets a screen
 * reader pronounce it, and a small badge tells the reader no translation was written.
 */
export function BilingualText({ texts, preLine = false }: { texts: Bilingual; preLine?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = inLanguage(texts, language);
  if (!shown) return null;
  const fallback = shown.lang !== language;
  return (
    <>
      <Text
        span
        inherit
        lang={fallback ? shown.lang : undefined}
        style={preLine ? { whiteSpace: 'pre-line' } : undefined}
      >
        {shown.text}
      </Text>
      {fallback && <FallbackBadge lang={shown.lang} title={t('common.untranslated')} />}
    </>
  );
}

export function FallbackBadge({ lang, title }: { lang: 'th' | 'en'; title?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      component="span"
      size="xs"
      variant="outline"
      color="gray"
      ml={6}
      title={title}
      data-fallback-language={lang}
      style={{ verticalAlign: 'middle', textTransform: 'none' }}
    >
      {t(lang === 'th' ? 'common.inThai' : 'common.inEnglish')}
    </Badge>
  );
}
