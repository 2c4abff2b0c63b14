import { Alert, Anchor, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import type { OutboxEmailView } from '../../../lib/types.ts';
import { OutboxStatusBadge } from './OutboxStatusBadge.tsx';

export function EmailDialog({ email, onClose }: { email: OutboxEmailView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={email !== null} onClose={onClose} title={email?.subject} size="lg" fullScreen={false}>
      {email && (
        <Stack gap="sm">
          <Group gap="xs">
            <OutboxStatusBadge status={email.status} />
            <Text size="sm">{t('outbox.attempts', { count: email.attempts })}</Text>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('outbox.to')}: {email.to}
          </Text>
          <Text size="sm">
            {t('outbox.created')}: <DateTime value={email.createdAt} />
            {email.sentAt && (
              <>
                {' · '}
                {t('outbox.sent')}: <DateTime value={email.sentAt} />
              </>
            )}
          </Text>
          {email.lastError && (
            <Alert color="red" title={t('outbox.lastError')}>
              {email.lastError}
            </Alert>
          )}
          <Paper withBorder p="sm" bg="gray.0">
            <Text component="div" size="sm" className="pre-wrap">
              <LinkifiedText text={email.text} />
            </Text>
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/**
 * Without SMTP, admins deliver invitations by hand from here, so links in the text must be clickable.
 * Only http(s) URLs become links, never other schemes.
 */
function LinkifiedText({ text }: { text: string }) {
  let offset = 0;
  const segments = text.split(URL_PATTERN).map((part, index) => {
    const segment = { part, offset, isUrl: index % 2 === 1 };
    offset += part.length;
    return segment;
  });
  return (
    <>
      {segments.map(({ part, offset, isUrl }) =>
        isUrl ? (
          <Anchor key={`url-${offset}`} href={part} target="_blank" rel="noreferrer">
            {part}
          </Anchor>
        ) : (
          <Fragment key={`text-${offset}`}>{part}</Fragment>
        ),
      )}
    </>
  );
}
