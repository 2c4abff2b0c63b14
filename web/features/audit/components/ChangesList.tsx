import { Box, Text } from '@mantine/core';

/** An audit event's changes as key/value pairs; nested values are shown as compact JSON. */
export function ChangesList({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return (
    <Box
      component="dl"
      m={0}
      fz="sm"
      style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px' }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} style={{ display: 'contents' }}>
          <Text component="dt" size="sm" fw={600}>
            {key}
          </Text>
          <Text component="dd" size="sm" m={0} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {formatValue(value)}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (isTransition(value)) return `${formatValue(value.from)} → ${formatValue(value.to)}`;
  return JSON.stringify(value);
}

/** The server records an edited field as `{ from, to }`. */
function isTransition(value: unknown): value is { from: unknown; to: unknown } {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'from' && keys[1] === 'to';
}
