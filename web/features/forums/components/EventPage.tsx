import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type AgendaItemView, type EventView, useEvent } from '../api/forums.ts';
import { CentrePanel } from './CentrePanel.tsx';
import { MyRegistration } from './MyRegistration.tsx';
import { EventStateBadge, inLanguage } from './shared.tsx';

/** One event, linkable: details, agenda, my registration and ticket; the Centre's tools below. */
export function EventPage() {
  const { eventId = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const event = useEvent(eventId);
  return (
    <QueryPage
      query={event}
      title={t('forums.title')}
      back={{ to: '/forums', label: t('forums.backToList') }}
    >
      {(e) => (
        <Stack>
          <PageHeader
            title={inLanguage(language, e.titleTh, e.titleEn)}
            description={
              <Group gap="xs" component="span">
                {t('forums.number', { number: e.number })} ·{' '}
                {inLanguage(language, e.seriesNameTh, e.seriesNameEn)}
                <EventStateBadge state={e.state} />
              </Group>
            }
          />
          <Details e={e} />
          <MyRegistration e={e} />
          <PartLinks e={e} />
          <Agenda items={e.agenda} />
          {e.can.manage && <CentrePanel e={e} />}
        </Stack>
      )}
    </QueryPage>
  );
}

function Details({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const venue = inLanguage(language, e.venueTh, e.venueEn);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text>
          <DateTime value={e.startsAt} /> – <DateTime value={e.endsAt} />
        </Text>
        <Text>
          {t(`forums.formats.${e.format}`)}
          {venue && ` · ${venue}`}
          {e.address && ` · ${e.address}`}
        </Text>
        {e.mapUrl && (
          <Anchor href={e.mapUrl} target="_blank" rel="noreferrer">
            {t('forums.map')}
          </Anchor>
        )}
        {e.onlineUrl ? (
          <Anchor href={e.onlineUrl} target="_blank" rel="noreferrer" fw={600}>
            {t('forums.joinOnline')}
          </Anchor>
        ) : (
          e.hasOnlineLink && (
            <Text size="sm" c="dimmed">
              {t('forums.onlineLinkLater')} (<DateTime value={e.onlineLinkFrom} />)
            </Text>
          )
        )}
        {(e.chairTh || e.chairEn) && (
          <Text>
            {t('forums.chair')}: {inLanguage(language, e.chairTh, e.chairEn)}
          </Text>
        )}
        {e.hosts.length > 0 && (
          <Text>
            {t('forums.hosts')}: {e.hosts.map((h) => organisationName(h, language)).join(', ')}
          </Text>
        )}
        {(e.objectivesTh || e.objectivesEn) && (
          <Text style={{ whiteSpace: 'pre-line' }}>
            {inLanguage(language, e.objectivesTh, e.objectivesEn)}
          </Text>
        )}
        <Group gap="xs">
          <Badge variant="light">
            {t('forums.confirmedCount', { count: e.counts.confirmed, capacity: e.capacity })}
          </Badge>
          {e.counts.waitlisted > 0 && (
            <Badge variant="light" color="orange">
              {t('forums.waitlistCount', { count: e.counts.waitlisted })}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The other parts of the forum (check-in, polls, minutes, survey, summary), shown to those they serve. */
function PartLinks({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const attending = e.myRegistration?.state === 'confirmed';
  const ended = new Date(e.endsAt).getTime() < Date.now();
  const links = [
    e.can.manage && { to: 'checkin', label: t('forums.links.checkin') },
    (e.can.manage || attending) && { to: 'polls', label: t('forums.links.polls') },
    (ended || e.can.manage) && { to: 'minutes', label: t('forums.links.minutes') },
    ended && attending && { to: 'survey', label: t('forums.links.survey') },
    (ended || e.can.manage) && { to: 'summary', label: t('forums.links.summary') },
  ].filter((l): l is { to: string; label: string } => Boolean(l));
  if (links.length === 0 || e.state === 'draft') return null;
  return (
    <Group gap="md">
      {links.map((l) => (
        <Anchor key={l.to} component={Link} to={`/forums/${e.id}/${l.to}`}>
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}

function Agenda({ items }: { items: AgendaItemView[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="agenda-title">
      <Title order={2} size="h3" id="agenda-title" mb="xs">
        {t('forums.agenda')}
      </Title>
      <List type="ordered" spacing="sm">
        {items.map((item) => (
          <List.Item key={item.id}>
            <AgendaLine item={item} />
            {item.children.length > 0 && (
              <List withPadding spacing={4} mt={4}>
                {item.children.map((child) => (
                  <List.Item key={child.id}>
                    <AgendaLine item={child} />
                  </List.Item>
                ))}
              </List>
            )}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

function AgendaLine({ item }: { item: Omit<AgendaItemView, 'children'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap={2}>
      <Text fw={500}>
        {item.startsAt && (
          <>
            <DateTime value={item.startsAt} />{' '}
          </>
        )}
        {inLanguage(language, item.titleTh, item.titleEn)}
        {item.durationMinutes && (
          <Text span c="dimmed" size="sm">
            {' '}
            ({t('forums.minutes', { count: item.durationMinutes })})
          </Text>
        )}
      </Text>
      {item.presentingOrganisation && (
        <Text size="sm" c="dimmed">
          {t('forums.presentedBy', { name: organisationName(item.presentingOrganisation, language) })}
        </Text>
      )}
      {item.problems.map((p) => (
        <Anchor key={p.id} component={Link} to={`/problems/${p.id}`} size="sm">
          {t('forums.linkedProblem')}: {p.title}
        </Anchor>
      ))}
    </Stack>
  );
}
