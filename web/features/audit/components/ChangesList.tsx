import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n.ts';
import { type AuditNames, fieldLabel, valueLabel } from '../labels.ts';

/** An audit event's changes in words: field labels, names for ids, labels for codes; the rest as recorded. */
export function ChangesList({
  changes,
  entityType,
  names,
}: {
  changes: Record<string, unknown>;
  entityType: string;
  names: AuditNames;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  const format = (field: string, value: unknown) =>
    formatValue(value, (v) => valueLabel(t, language, names, field, v));
  return (
    <Box
      component="dl"
      m={0}
      fz="sm"
      style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px' }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" fw={600} title={key}>
            {fieldLabel(t, entityType, key)}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {format(key, value)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

function formatValue(value: unknown, label: (value: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return label(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isTransition(value)) return `${formatValue(value.from, label)} → ${formatValue(value.to, label)}`;
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => formatValue(v, label)).join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${formatValue(v, label)}`)
    .join('; ');
}

/** The server records an edited field as `{ from, to }`. */
function isTransition(value: unknown): value is { from: unknown; to: unknown } {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'from' && keys[1] === 'to';
}
