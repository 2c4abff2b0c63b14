/**
 * The audit actions and entity types the server records (`recordAudit` calls under server/), so the log
 * can show them in the reader's language and offer them as filter choices. A code missing here is still
 * shown, as its raw code.
 */
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { labelOf } from '../../../common/directory-taxonomies.ts';
import { MENTION_PATTERN } from '../../../common/problems-api.ts';
import { PROBLEM_CATEGORIES, PROBLEM_STATES } from '../../../common/problems-taxonomy.ts';
import type { AuditEventPage, Language } from '../../lib/types.ts';

/** What the ids on the loaded pages name, as the server looked them up. */
export type AuditNames = AuditEventPage['names'];

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_all',
  'auth.session_revoked',
  'auth.password_reset_requested',
  'auth.password_reset',
  'user.profile_updated',
  'user.password_changed',
  'user.totp_setup_started',
  'user.totp_enabled',
  'user.totp_disabled',
  'user.updated',
  'user.data_exported',
  'user.anonymised',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'invitation.existing_account',
  'organisation.created',
  'organisation.updated',
  'organisation.stale_reminder_sent',
  'organisation.digest_sent',
  'person.created',
  'person.updated',
  'person.handed_over',
  'person.anonymised',
  'problem.created',
  'problem.privacy_warning_shown',
  'problem.supported',
  'problem.support_withdrawn',
  'problem.followed',
  'problem.unfollowed',
  'problem.state_changed',
  'problem.assigned',
  'problem.answered',
  'problem.comment_created',
  'problem.comment_edited',
  'problem.comment_hidden',
  'problem.comment_reported',
  'problem.comment_reports_dismissed',
  'problem.deadlines_updated',
  'problem.overdue_notified',
  'problem.escalated',
  'coordination.unit_created',
  'coordination.unit_updated',
  'coordination.unit_member_set',
  'coordination.unit_member_removed',
  'coordination.request_created',
  'coordination.request_state_changed',
  'coordination.vault_entry_added',
  'coordination.vault_entry_changed',
  'coordination.vault_entry_removed',
  'coordination.vault_consent_recorded',
  'coordination.vault_consent_overridden',
  'coordination.vault_read',
  'coordination.vault_photo_added',
  'coordination.vault_photo_viewed',
  'coordination.vault_break_glass_started',
  'coordination.vault_break_glass_ended',
  'coordination.vault_legal_hold_set',
  'coordination.vault_legal_hold_cleared',
  'coordination.vault_purged',
  'coordination.request_escalated',
  'coordination.request_rated',
  'coordination.rating_changed',
  'coordination.roster_layer_created',
  'coordination.roster_layer_updated',
  'coordination.roster_layer_deleted',
  'coordination.roster_override_created',
  'coordination.roster_override_deleted',
  'coordination.holiday_added',
  'coordination.holiday_removed',
  'coordination.sla_policy_created',
  'coordination.sla_warning',
  'coordination.sla_breached',
  'forum_checkin.checked_in',
  'forum_checkin.duplicate',
  'forum_checkin.refused',
  'forum_checkin.poll_created',
  'forum_checkin.poll_opened',
  'forum_checkin.poll_closed',
  'forum_checkin.voted',
  'forum.event_created',
  'forum.event_updated',
  'forum.event_published',
  'forum.event_cancelled',
  'forum.agenda_item_created',
  'forum.agenda_item_updated',
  'forum.agenda_item_deleted',
  'forum.invitation_created',
  'forum.invitation_deleted',
  'forum.registered',
  'forum.registration_withdrawn',
  'forum.registration_promoted',
  'forum.promotion_confirmed',
  'forum.promotion_expired',
  'forum.registration_approved',
  'forum.registration_rejected',
  'forum.feed_created',
  'forum.feed_revoked',
  'notification.preferences_updated',
  'line.link_started',
  'line.linked',
  'line.unlinked',
  'line.preferences_updated',
  'line.webhook_rejected',
  'line.delivery_retried',
  'forum_feedback.survey_updated',
  'forum_feedback.survey_answered',
  'forum_feedback.survey_invitations_sent',
  'forum_feedback.summary_generated',
  'forum_feedback.summary_updated',
  'forum_feedback.summary_published',
  'forum_feedback.personal_data_purged',
  'system.demo_seeded',
  'system.encryption_keys_rotated',
  'system.backup_created',
  // forum minutes (F3)
  'forumMinutes.saved',
  'forumMinutes.shared',
  'forumMinutes.finalised',
  'forumMinutes.reopened',
  'forumMinutes.commented',
  'forumMinutes.action_status_changed',
  'forumMinutes.carried_over',
  'forumMinutes.reminder_sent',
  'forumMinutes.overdue_digest_sent',
] as const;

export const AUDIT_ENTITY_TYPES = [
  'user',
  'session',
  'invitation',
  'organisation',
  'person',
  'problem',
  'problem_comment',
  'problem_answer',
  'privacy_check',
  'problem_deadline_setting',
  'coordination_unit',
  'coordination_request',
  'coordination_holiday',
  'coordination_sla_policy',
  'forum_event',
  'forum_agenda_item',
  'forum_invitation',
  'forum_registration',
  'forum_feed',
  'line_webhook',
  'line_delivery',
  'forum_survey',
  'forum_summary',
  'forum_poll',
  'system',
  // forum minutes (F3)
  'forum_action',
] as const;

/** Filter choices are grouped by the first part of the action code. */
export const AUDIT_ACTION_GROUPS = [
  'auth',
  'user',
  'invitation',
  'organisation',
  'person',
  'problem',
  'coordination',
  'forum_checkin',
  'forum',
  'notification',
  'line',
  'forum_feedback',
  'system',
  'forumMinutes',
] as const;

type AuditAction = (typeof AUDIT_ACTIONS)[number];
type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const isAction = (code: string): code is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(code);
const isEntityType = (code: string): code is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(code);

/** "Signed in" for `auth.login`; an action this version does not know is shown as its code. */
export function actionLabel(t: TFunction, action: string): string {
  return isAction(action) ? t(`auditActions.${action}`) : action;
}

export function entityTypeLabel(t: TFunction, entityType: string): string {
  return isEntityType(entityType) ? t(`auditEntityTypes.${entityType}`) : entityType;
}

/** The action filter's choices: translated labels, grouped, each keeping its code for searching by it. */
export function actionOptions(t: TFunction) {
  return AUDIT_ACTION_GROUPS.map((group) => ({
    group: t(`audit.actionGroups.${group}`),
    items: AUDIT_ACTIONS.filter((action) => action.startsWith(`${group}.`)).map((action) => ({
      value: action,
      label: actionLabel(t, action),
    })),
  }));
}

export function entityTypeOptions(t: TFunction) {
  return AUDIT_ENTITY_TYPES.map((entityType) => ({
    value: entityType,
    label: entityTypeLabel(t, entityType),
  }));
}

/**
 * A changed field's name in words: the log's label for this kind of record (a comment's `parentId` is the
 * comment it answers, an organisation's its parent), else the log's own, the directory's or a common one.
 */
export function fieldLabel(t: TFunction, entityType: string, field: string): string {
  const keys = [
    `audit.entityFields.${entityType}.${field}`,
    `audit.fields.${field}`,
    `directory.fields.${field}`,
    `fields.${field}`,
  ];
  for (const key of keys) if (i18next.exists(key)) return t(key);
  return field;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROBLEM_CODES = new Map([...PROBLEM_STATES, ...PROBLEM_CATEGORIES].map((entry) => [entry.code, entry]));

/**
 * A recorded value in words: an id as the name of what it names, a code (role, sector, state, service…)
 * as its label; anything else as recorded.
 */
export function valueLabel(
  t: TFunction,
  language: Language,
  names: AuditNames,
  field: string,
  value: string,
) {
  if (UUID.test(value)) return names[value]?.[language] ?? value;
  const own = `audit.values.${field}.${value}`;
  if (i18next.exists(own)) return t(own);
  const scoped = { role: `roles.${value}`, sector: `sectors.${value}`, language: `languages.${value}` }[
    field
  ];
  if (scoped && i18next.exists(scoped)) return t(scoped);
  const entry = PROBLEM_CODES.get(value as never) ?? labelOf(value);
  // A comment's text keeps its mentions as Markdown links to ids; the log shows who was mentioned, by name.
  return entry
    ? entry[language]
    : value.replace(
        MENTION_PATTERN,
        (_, shown: string, _kind, id: string) => `@${names[id]?.[language] ?? shown}`,
      );
}
