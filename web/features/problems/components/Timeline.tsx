import { Timeline as MantineTimeline, Text } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCertificate,
  IconEyeOff,
  IconFlag,
  IconMessage,
  IconPencil,
  IconPlus,
  IconShieldExclamation,
  IconUserCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProblemState } from '../../../../common/problems-taxonomy.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language, OrganisationSummary } from '../../../lib/types.ts';
import { type ProblemDetail, type TimelineEvent, useTimeline } from '../api/problems.ts';
import { stateLabel } from '../labels.ts';

const ICONS: Record<string, typeof IconPlus> = {
  raised: IconPlus,
  supported: IconUsersGroup,
  support_withdrawn: IconUsersGroup,
  supports_merged: IconUsersGroup,
  assigned: IconUserCheck,
  answered: IconCertificate,
  state_changed: IconArrowsExchange,
  commented: IconMessage,
  comment_edited: IconPencil,
  comment_hidden: IconEyeOff,
  comment_reported: IconFlag,
  privacy_warning_acknowledged: IconShieldExclamation,
};

/** Who did it: the organisation, or the anonymous reporter as the server marked it. */
function actorText(event: TimelineEvent, t: TFunction, language: Language) {
  if (event.data.byReporter) return t('problems.anonymousOrganisation');
  const org = event.actorOrganisation ? organisationName(event.actorOrganisation, language) : null;
  const person = event.actor?.displayName;
  return [person, org].filter(Boolean).join(' · ') || t('problems.timeline.system');
}

function eventText(event: TimelineEvent, t: TFunction, language: Language) {
  const d = event.data as Record<string, unknown>;
  switch (event.kind) {
    case 'assigned': {
      const orgs = (d.organisations as (OrganisationSummary & { lead: boolean })[] | undefined) ?? [];
      return t('problems.timeline.assigned', {
        organisations: orgs
          .map((o) => `${organisationName(o, language)}${o.lead ? ` (${t('problems.answers.lead')})` : ''}`)
          .join(', '),
      });
    }
    case 'state_changed':
      return t('problems.timeline.state_changed', {
        from: stateLabel(d.from as ProblemState, language),
        to: stateLabel(d.to as ProblemState, language),
      });
    case 'supports_merged':
      return t('problems.timeline.supports_merged', { count: Number(d.moved ?? 0) });
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
          const Icon = ICONS[event.kind] ?? IconPlus;
          const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
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
