import {
  Anchor,
  Card,
  Group,
  Timeline as MantineTimeline,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../../components/PageHeader.tsx';
import { QueryPage } from '../../../components/QueryPage.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { type RequestDetail, useLiveRequest, useRequest } from '../api/coordination.ts';
import { languageLabel, provinceLabel, requestReference, requestTypeLabel, unitName } from '../labels.ts';
import { SlaClock } from '../SlaClock.tsx';
import { VaultSection } from '../vault/VaultSection.tsx';
import { RatingSection } from './RatingSection.tsx';
import { RequestMoves } from './RequestMoves.tsx';
import { StateBadge, UrgencyBadge } from './shared.tsx';
import { eventText } from './timelineText.ts';

export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useRequest(id);
  useLiveRequest(id);
  return (
    <QueryPage
      query={query}
      title={t('coordination.title')}
      back={{ to: '/coordination', label: t('coordination.back') }}
    >
      {(request) => <RequestView request={request} />}
    </QueryPage>
  );
}

function RequestView({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const title = `${requestTypeLabel(request.type, language)} · ${provinceLabel(request.province, language)}`;
  useDocumentTitle(title);
  const list = (codes: string[], prefix: string) =>
    codes.length ? codes.map((c) => t(`${prefix}.${c}`)).join(', ') : t('coordination.notGiven');
  const facts: [string, string][] = [
    [t('coordination.fields.peopleCount'), String(request.peopleCount)],
    [
      t('coordination.fields.language'),
      request.language ? languageLabel(request.language, language) : t('coordination.notGiven'),
    ],
    [t('coordination.fields.ageBands'), list(request.ageBands, 'coordination.ageBands')],
    [t('coordination.fields.sexes'), list(request.sexes, 'coordination.sexes')],
    [t('coordination.fields.nationalities'), list(request.nationalities, 'coordination.nationalities')],
  ];
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/coordination" size="sm">
        ← {t('coordination.back')}
      </Anchor>
      <Stack gap={6}>
        <Group gap={6}>
          <UrgencyBadge urgency={request.urgency} />
          <StateBadge state={request.state} />
          <SlaClock sla={request.sla} compact />
        </Group>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('coordination.request.from', {
            organisation: organisationName(request.requestingOrganisation, language),
            person: request.requester.displayName,
          })}{' '}
          · {formatDateTime(request.createdAt, language)} · {t('coordination.request.reference')}{' '}
          <Text span ff="monospace" fw={600}>
            {requestReference(request.id)}
          </Text>
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('coordination.request.to')}{' '}
          <Anchor component={Link} to={`/coordination/units/${request.receivingUnit.id}`}>
            {unitName(request.receivingUnit, language)}
          </Anchor>{' '}
          ({organisationName(request.receivingUnit.organisation, language)})
        </Text>
        {request.acknowledgedBy && request.acknowledgedAt && (
          <Text size="sm" data-testid="acknowledged-by">
            {t('coordination.request.acknowledgedBy', {
              name: request.acknowledgedBy.displayName,
              at: formatDateTime(request.acknowledgedAt, language),
            })}
          </Text>
        )}
      </Stack>
      <StateNote request={request} />
      <SlaClock sla={request.sla} />
      <RequestMoves request={request} />
      <RatingSection request={request} />
      <Section id="summary" title={t('coordination.request.summary')}>
        <SimpleGrid cols={2} spacing="xs">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">
            {t('coordination.fields.needs')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.needs}</Text>
        </div>
        {request.context && (
          <div>
            <Text size="xs" c="dimmed">
              {t('coordination.fields.context')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{request.context}</Text>
          </div>
        )}
      </Section>
      <VaultSection requestId={request.id} requestState={request.state} />
      <Section id="timeline" title={t('coordination.request.timeline')}>
        <MantineTimeline bulletSize={14} lineWidth={2} active={request.events.length - 1}>
          {request.events.map((event) => (
            <MantineTimeline.Item key={event.id} title={eventText(event, t, language)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at, language)}
                {event.actor && ` · ${event.actor.displayName}`}
              </Text>
              {typeof event.data.reason === 'string' && event.data.reason && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {event.data.reason}
                </Text>
              )}
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      </Section>
    </Stack>
  );
}

/** Why it is where it is: the reason of the last move, the question asked, the outcome. */
function StateNote({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  if (request.state === 'done' && request.outcome) {
    const reason = request.outcomeReason
      ? ` · ${t(`coordination.outcomeReasons.${request.outcomeReason}`)}`
      : '';
    return (
      <Card withBorder padding="sm" bg="var(--mantine-color-teal-light)">
        <Text size="sm" fw={600}>
          {t('coordination.request.outcome')}: {t(`coordination.outcomes.${request.outcome}`)}
          {reason}
        </Text>
      </Card>
    );
  }
  if (!request.stateReason) return null;
  const label =
    request.state === 'awaiting_info' ? t('coordination.request.question') : t('coordination.request.reason');
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {request.stateReason}
      </Text>
    </Card>
  );
}
