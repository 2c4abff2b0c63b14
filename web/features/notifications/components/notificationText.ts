/** One notification as a sentence in the reader's language; an anonymous reporter stays "the reporter". */
import type { TFunction } from 'i18next';
import { REQUEST_TYPES, URGENCIES } from '../../../../common/coordination-states.ts';
import type { NotifiedKind } from '../../../../common/problem-events.ts';
import { PROBLEM_STATES } from '../../../../common/problems-taxonomy.ts';
import { organisationAbbreviation } from '../../../lib/bilingual.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import type { NotificationView } from '../api/notifications.ts';

/** The sentence (notifications.kinds.*) of each notified kind, unless the reason calls for another. */
export const KIND_TEXTS: Record<NotifiedKind, string> = {
  supported: 'supported',
  assigned: 'assigned',
  answered: 'answered',
  state_changed: 'state_changed',
  commented: 'commented',
  // An edit notifies only the people it newly mentions, who read "mentioned" above.
  comment_edited: 'other',
  overdue: 'overdue',
  escalated: 'escalated',
};

const label = (list: readonly { code: string; th: string; en: string }[], code: string, language: Language) =>
  list.find((e) => e.code === code)?.[language] ?? code;

/** "วิกฤต · ขอล่าม": what a request notification links to (never the request's text). */
export function requestLinkText(language: Language, request: NonNullable<NotificationView['request']>) {
  return `${label(URGENCIES, request.urgency, language)} · ${label(REQUEST_TYPES, request.type, language)}`;
}

export function notificationText(t: TFunction, language: Language, n: NotificationView): string {
  if (n.request) return requestNotificationText(t, language, n, n.request);
  // The short name when there is one: "ศพดส.ตร." reads better on a phone than the full title.
  const who = n.actorOrganisation
    ? (organisationAbbreviation(n.actorOrganisation, language) ??
      organisationName(n.actorOrganisation, language))
    : n.byReporter
      ? t('notifications.theReporter')
      : t('notifications.someone');
  if (n.reason === 'mention' && (n.kind === 'commented' || n.kind === 'comment_edited'))
    return t('notifications.kinds.mentioned', { who });
  if (n.kind === 'assigned' && n.reason === 'assigned') return t('notifications.kinds.assignedToYou');
  if (n.kind === 'state_changed') {
    const state = PROBLEM_STATES.find((s) => s.code === n.toState);
    return t('notifications.kinds.state_changed', { state: state ? state[language] : '' });
  }
  // `??`: a kind this build does not know yet (a newer server).
  return t(`notifications.kinds.${KIND_TEXTS[n.kind as NotifiedKind] ?? 'other'}`, { who });
}

function requestNotificationText(
  t: TFunction,
  language: Language,
  n: NotificationView,
  request: NonNullable<NotificationView['request']>,
): string {
  const type = label(REQUEST_TYPES, request.type, language);
  const who = n.actorOrganisation
    ? (organisationAbbreviation(n.actorOrganisation, language) ??
      organisationName(n.actorOrganisation, language))
    : t('notifications.someone');
  if (n.kind === 'escalated')
    return request.escalationTarget === 'centre'
      ? t('notifications.request.escalatedToCentre', { type })
      : t('notifications.request.escalated', { type, urgency: label(URGENCIES, request.urgency, language) });
  if ((n.kind === 'sla_warning' || n.kind === 'sla_breached') && request.slaTarget)
    return t(
      n.kind === 'sla_warning' ? 'notifications.request.slaWarning' : 'notifications.request.slaBreached',
      {
        type,
        urgency: label(URGENCIES, request.urgency, language),
        target: t(`coordinationSla.targets.${request.slaTarget}`),
      },
    );
  if (n.kind === 'rated') return t('notifications.request.rated', { type, score: request.score ?? '' });
  if (n.kind === 'state_changed' && request.toState) {
    const state = t(`coordination.states.${request.toState}`);
    return n.reason === 'my_request'
      ? t('notifications.request.movedByUnit', { type, state, who })
      : t('notifications.request.movedByRequester', { type, state, who });
  }
  return t('notifications.kinds.other');
}
