import { Timeline as MantineTimeline, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import { type ProblemDetail, type TimelineEvent, useTimeline } from '../api/problems.ts';
import { stateLabel } from '../labels.ts';
import { timelineIconOf } from './timelineIcons.ts';

/** Who did it: the organisation, or the anonymous reporter as the server marked it. */
function actorText(event: TimelineEvent, t: TFunction, language: Language) {
  if (event.data.byReporter) return t('problems.anonymousOrganisation');
  const org = event.actorOrganisation ? organisationName(event.actorOrganisation, language) : null;
  const person = event.actor?.displayName;
  return [person, org].filter(Boolean).join(' · ') || t('problems.timeline.system');
}

function eventText(event: TimelineEvent, t: TFunction, language: Language) {
  switch (event.kind) {
    case 'assigned': {
      const assigned = t('problems.timeline.assigned', {
        organisations: event.data.organisations
          .map((o) => `${organisationName(o, language)}${o.lead ? ` (${t('problems.answers.lead')})` : ''}`)
          .join(', '),
      });
      const due = event.data.firstAnswerDueAt;
      return due ? `${assigned} · ${t('problems.dueOn', { date: formatDateTime(due, language) })}` : assigned;
    }
    case 'state_changed':
      return t('problems.timeline.state_changed', {
        from: stateLabel(event.data.from, language),
        to: stateLabel(event.data.to, language),
      });
    case 'supports_merged':
      return t('problems.timeline.supports_merged', { count: event.data.moved });
    default:
      return t(`problems.timeline.${event.kind}`, { defaultValue: event.kind });
  }
}

export function Timeline({ problem }: { problem: ProblemDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeline = useTimeline(problem.id);
  const events = timeline.data ?? [];
  return (
    <Section id="timeline" title={t('problems.timeline.title')}>
      <ErrorAlert error={timeline.error} />
      <MantineTimeline active={events.length} bulletSize={26} lineWidth={2} data-testid="timeline">
        {events.map((event) => {
          const Icon = timelineIconOf(event.kind);
          const reason =
            'reason' in event.data && typeof event.data.reason === 'string' ? event.data.reason : null;
          return (
            <MantineTimeline.Item
              key={event.id}
              bullet={<Icon size={14} aria-hidden />}
              title={eventText(event, t, language)}
              data-kind={event.kind}
            >
              <Text size="sm" c="dimmed">
                {actorText(event, t, language)}
              </Text>
              {reason && <Text size="sm">{t('problems.timeline.reason', { reason })}</Text>}
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at, language)}
              </Text>
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
    </Section>
  );
}
