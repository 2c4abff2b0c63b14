import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import type { OutboxEmailView } from '../../../lib/types.ts';
import { OutboxStatusBadge } from './OutboxStatusBadge.tsx';

/** A list rather than a table: subject lines are long and Thai, and the same layout works on phones. */
export function EmailList({
  emails,
  onOpen,
}: {
  emails: OutboxEmailView[];
  onOpen: (email: OutboxEmailView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {emails.map((email) => (
        <li key={email.id}>
          <Paper withBorder>
            <UnstyledButton onClick={() => onOpen(email)} p="sm" w="100%" aria-haspopup="dialog">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {email.subject}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('outbox.to')}: {email.to}
                  </Text>
                  <Text size="sm" c="dimmed">
                    <DateTime value={email.createdAt} /> · {email.kind}
                  </Text>
                </div>
                <OutboxStatusBadge status={email.status} />
              </Group>
            </UnstyledButton>
          </Paper>
        </li>
      ))}
    </Stack>
  );
}
