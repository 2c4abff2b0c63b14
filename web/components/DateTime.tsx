import { formatDateTime } from '../lib/dates.ts';
import { useLanguage } from '../lib/i18n.ts';

export function DateTime({ value }: { value: string }) {
  const language = useLanguage();
  return <time dateTime={value}>{formatDateTime(value, language)}</time>;
}
