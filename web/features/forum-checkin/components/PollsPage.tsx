import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { usePolls } from '../api/forum-checkin.ts';
import { NewPollForm } from './NewPollForm.tsx';
import { PollCard } from './PollCard.tsx';

/** The room's polls, and the way to raise a problem from the floor to the board, linked to this forum. */
export function PollsPage() {
  const { eventId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const polls = usePolls(eventId);
  return (
    <QueryPage
      query={polls}
      title={t('forumCheckin.polls.title')}
      back={{ to: '/forums', label: t('forumCheckin.backToForums') }}
    >
      {(data) => (
        <Stack>
          <PageHeader
            title={t('forumCheckin.polls.title')}
            description={
              <Anchor component={Link} to={`/forums/${eventId}`}>
                {t('forumCheckin.eventName', {
                  number: data.event.number,
                  title: i18n.language === 'th' ? data.event.titleTh : data.event.titleEn,
                })}
              </Anchor>
            }
          />
          <Button
            component={Link}
            to={`/problems/new?forumEvent=${encodeURIComponent(eventId)}&number=${data.event.number}`}
            variant="light"
            leftSection={<IconMessageReport size={18} aria-hidden />}
          >
            {t('forumCheckin.raiseProblem')}
          </Button>
          {data.mayManage && <NewPollForm eventId={eventId} agendaItems={data.agendaItems} />}
          {data.items.length === 0 && <Text c="dimmed">{t('forumCheckin.polls.none')}</Text>}
          {[...data.items].reverse().map((poll) => (
            <PollCard
              key={poll.id}
              eventId={eventId}
              poll={poll}
              mayVote={data.mayVote}
              mayManage={data.mayManage}
            />
          ))}
        </Stack>
      )}
    </QueryPage>
  );
}
