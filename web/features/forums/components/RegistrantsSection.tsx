import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useDecide, useRegistrants } from '../api/forums.ts';
import { RegistrationBadge } from './shared.tsx';

/** Who registered, in queue order; the Centre approves or rejects. */
export function RegistrantsSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useRegistrants(eventId, true);
  const decide = useDecide(eventId);
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {t('forums.registrants')}
        </Title>
        <ErrorAlert error={list.error} />
        {list.data?.items.length === 0 && <Text c="dimmed">{t('forums.noRegistrants')}</Text>}
        {list.data?.items.map((r) => (
          <Stack key={r.id} gap={4} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={500}>{r.name}</Text>
                <Text size="sm" c="dimmed">
                  {r.organisation ? organisationName(r.organisation, language) : ''}
                  {r.invited ? ` · ${t('forums.invitee')}` : ''}
                  {r.hostPlace ? ` · ${t('forums.hostPlace')}` : ''}
                </Text>
                {(r.phone || r.dietaryNotes) && (
                  <Text size="sm">{[r.phone, r.dietaryNotes].filter(Boolean).join(' · ')}</Text>
                )}
              </div>
              <RegistrationBadge state={r.state} />
            </Group>
            {['pending', 'waitlisted', 'confirmed'].includes(r.state) && (
              <Group gap="xs">
                {r.state === 'pending' && (
                  <Button
                    size="compact-sm"
                    loading={decide.isPending}
                    onClick={() =>
                      sendWithFeedback(
                        decide,
                        { registrationId: r.id, decision: 'approve' as const },
                        {
                          success: t('forums.approved'),
                          toastErrors: true,
                        },
                      )
                    }
                  >
                    {t('forums.approve')}
                  </Button>
                )}
                <Button
                  size="compact-sm"
                  variant="default"
                  color="red"
                  loading={decide.isPending}
                  onClick={() =>
                    sendWithFeedback(
                      decide,
                      { registrationId: r.id, decision: 'reject' as const },
                      {
                        success: t('forums.rejected'),
                        toastErrors: true,
                      },
                    )
                  }
                >
                  {t('forums.reject')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
