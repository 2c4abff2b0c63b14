/** One notification as a sentence in the reader's language; an anonymous reporter stays "the reporter". */
import type { TFunction } from 'i18next';
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

export function notificationText(t: TFunction, language: Language, n: NotificationView): string {
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
  return t(`notifications.kinds.${KIND_TEXTS[n.kind] ?? 'other'}`, { who });
}
