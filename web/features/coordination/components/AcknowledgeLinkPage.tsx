import { Alert, Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useFragmentToken } from '../../../lib/fragmentToken.ts';
import { useAcknowledgeLink } from '../api/roster.ts';

/**
 * The page an escalation email's link opens: it acknowledges at once (after signing in, which keeps the
 * link's `#token`), then says so; if someone was faster it says who.
 */
export function AcknowledgeLinkPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const ack = useAcknowledgeLink();
  const sent = useRef(false);
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      ack.mutate(token);
    }
  }, [token, ack]);

  const error = ack.error;
  const details = isApiError(error)
    ? (error.details as { acknowledgedBy?: { displayName: string } } | undefined)
    : undefined;
  return (
    <Stack gap="md" maw={560}>
      <PageHeader title={t('oncall.ack.title')} />
      {!token && <Alert color="red">{t('oncall.ack.noToken')}</Alert>}
      {ack.isPending && <Text>{t('oncall.ack.sending')}</Text>}
      {ack.data && (
        // The sentence as the body, not the title: Mantine's green title fails contrast on its light background.
        <Alert color="teal" role="status">
          <Text fw={700}>{t('oncall.ack.done')}</Text>
          <Button component={Link} to={`/coordination/requests/${ack.data.id}`} mt="xs">
            {t('oncall.ack.open')}
          </Button>
        </Alert>
      )}
      {error && (
        <Alert color={isApiError(error, 409) ? 'yellow' : 'red'}>
          {isApiError(error, 409) && details?.acknowledgedBy
            ? t('oncall.ack.already', { name: details.acknowledgedBy.displayName })
            : isApiError(error, 410)
              ? t('oncall.ack.expired')
              : isApiError(error, 403)
                ? t('oncall.ack.notYours')
                : t('oncall.ack.invalid')}
        </Alert>
      )}
    </Stack>
  );
}
