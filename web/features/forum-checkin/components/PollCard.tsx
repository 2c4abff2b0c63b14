import { Badge, Button, Checkbox, Group, Paper, Progress, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import type { PollView } from '../api/forum-checkin.ts';
import { usePollAction } from '../api/forum-checkin.ts';

const STATE_COLOR = { draft: 'gray', open: 'teal', closed: 'dark' } as const;

/** One poll: the chair's open/close, the attendee's choice while open, the counts as bars once closed. */
export function PollCard({
  eventId,
  poll,
  mayVote,
  mayManage,
}: {
  eventId: string;
  poll: PollView;
  mayVote: boolean;
  mayManage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const th = i18n.language === 'th';
  const action = usePollAction(eventId);
  const [chosen, setChosen] = useState<string[]>(poll.myVote ?? []);
  const mine = (poll.myVote ?? []).join(',');
  useEffect(() => setChosen(mine ? mine.split(',') : []), [mine]);
  const label = (o: { th: string; en: string }) => (th ? o.th : o.en);
  const total = poll.results?.reduce((n, r) => n + r.votes, 0) ?? 0;

  return (
    <Paper withBorder p="md" radius="md" data-testid="poll">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{th ? poll.questionTh : poll.questionEn}</Text>
          <Badge color={STATE_COLOR[poll.state]} variant="light">
            {t(`forumCheckin.polls.state.${poll.state}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`forumCheckin.polls.kind.${poll.kind}`)} ·{' '}
          {t('forumCheckin.polls.votes', { count: poll.totalVotes })}
        </Text>
        {poll.state === 'closed' && poll.results ? (
          <Stack gap={6} data-testid="poll-results">
            {poll.options.map((o) => {
              const votes = poll.results!.find((r) => r.optionId === o.id)?.votes ?? 0;
              const percent = poll.totalVotes === 0 ? 0 : Math.round((votes / poll.totalVotes) * 100);
              return (
                <div key={o.id}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={poll.myVote?.includes(o.id) ? 700 : 400}>
                      {label(o)}
                    </Text>
                    <Text size="sm">{t('forumCheckin.polls.result', { votes, percent })}</Text>
                  </Group>
                  <Progress value={percent} size="lg" aria-hidden />
                </div>
              );
            })}
            {total === 0 && <Text c="dimmed">{t('forumCheckin.polls.noVotes')}</Text>}
          </Stack>
        ) : poll.state === 'open' && mayVote ? (
          <>
            {poll.kind === 'single' ? (
              <Radio.Group value={chosen[0] ?? null} onChange={(v) => setChosen([v])}>
                <Stack gap="xs">
                  {poll.options.map((o) => (
                    <Radio key={o.id} value={o.id} label={label(o)} />
                  ))}
                </Stack>
              </Radio.Group>
            ) : (
              <Checkbox.Group value={chosen} onChange={setChosen}>
                <Stack gap="xs">
                  {poll.options.map((o) => (
                    <Checkbox key={o.id} value={o.id} label={label(o)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <Button
              disabled={chosen.length === 0}
              loading={action.isPending && action.variables?.action === 'votes'}
              onClick={() =>
                sendWithFeedback(
                  action,
                  { pollId: poll.id, action: 'votes', optionIds: chosen },
                  { success: t('forumCheckin.polls.voted') },
                )
              }
            >
              {poll.myVote ? t('forumCheckin.polls.changeVote') : t('forumCheckin.polls.vote')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('forumCheckin.polls.hiddenUntilClosed')}
            </Text>
          </>
        ) : (
          <Stack gap={2}>
            {poll.options.map((o) => (
              <Text key={o.id} size="sm">
                • {label(o)}
              </Text>
            ))}
          </Stack>
        )}
        <ErrorAlert error={action.error} />
        {mayManage && poll.state !== 'closed' && (
          <Button
            variant={poll.state === 'draft' ? 'filled' : 'outline'}
            color={poll.state === 'draft' ? 'teal' : 'dark'}
            loading={action.isPending && action.variables?.action !== 'votes'}
            onClick={() =>
              sendWithFeedback(
                action,
                { pollId: poll.id, action: poll.state === 'draft' ? 'open' : 'close' },
                {
                  success:
                    poll.state === 'draft' ? t('forumCheckin.polls.opened') : t('forumCheckin.polls.closed'),
                },
              )
            }
          >
            {poll.state === 'draft' ? t('forumCheckin.polls.open') : t('forumCheckin.polls.close')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
