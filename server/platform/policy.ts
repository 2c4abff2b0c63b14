/**
 * Every permission in TIPNet is decided here. Deny by default: an action not listed is refused.
 * Services call `authorize` (throws) or `can` (boolean); routes never look at roles themselves.
 */

import {
  allowedCoordinationMoves,
  type CoordinationParty,
  type CoordinationState,
  mayMoveCoordination,
} from '../../common/coordination-states.ts';
import { type ReleaseBasis, VAULT_RELEASE_STATES } from '../../common/coordination-vault-api.ts';
import { type ActionParty, mayMoveAction } from '../../common/forum-actions.ts';
import type { ActionStatus, MinutesState } from '../../common/forum-states.ts';
import { allowedTransitions, mayTransition, type Party } from '../../common/problem-states.ts';
import type { ProblemState } from '../../common/problems-taxonomy.ts';
import type { Role } from '../../common/taxonomies.ts';
import type { Actor } from './context.ts';
import { forbidden, notFound } from './errors.ts';

type OrgScoped = { organisationId: string };
type UserTarget = OrgScoped & { id: string; role: Role };
type InvitationTarget = OrgScoped & { role: Role };
/** What the policy needs to know about a problem to decide who may act on it. */
export type ProblemAccess = {
  state: ProblemState;
  reporterUserId: string;
  reporterOrganisationId: string;
  anonymous: boolean;
  assignedOrganisationIds: readonly string[];
};

/** Whose vault it is, and who in that organisation is its data-protection focal point now. */
export type VaultHoldAccess = {
  requestingOrganisationId: string;
  dataProtectionUserIds: readonly string[];
};

/** What the policy needs to know about a coordination request to decide who may see or move it. */
export type CoordinationAccess = {
  state: CoordinationState;
  requestingOrganisationId: string;
  /** The users in the receiving unit's inbox now. */
  receivingUnitMemberIds: readonly string[];
};

// ---- forum minutes (F3) ----
/** What the policy needs to know about an event's minutes. */
export type MinutesAccess = {
  state: MinutesState;
  /** Organisations with someone checked in at the event. */
  attendingOrganisationIds: readonly string[];
  /** Organisations owning an action item of a finalised version. */
  actionOwnerIds: readonly string[];
};
/** An action item: `published` once a finalised version of its minutes holds it. */
export type ForumActionAccess = { ownerOrganisationId: string; published: boolean };

type Rules = {
  'organisation.list': undefined;
  /** Reading the directory: organisations, people, finder, exports (with visibility applied). */
  'directory.read': undefined;
  'organisation.create': undefined;
  'organisation.update': OrgScoped;
  'organisation.verify': OrgScoped;
  /** The entries whose contacts changed since the Centre verified them, with what changed. */
  'directory.verificationQueue': undefined;
  /** "Still accurate": resets the 180-day staleness clock. */
  'organisation.review': OrgScoped;
  'person.manage': OrgScoped;
  /** The task list (vacant roles, stale entries); without an organisation: the whole network's. */
  'directory.tasks': OrgScoped | undefined;
  /** Contact fields marked "Centre only". */
  'contact.readRestricted': OrgScoped;
  /** Personal phone numbers, email and LINE of people (never observers). */
  'contact.readPersonal': undefined;
  'user.list': OrgScoped | undefined;
  'user.read': UserTarget;
  'user.update': UserTarget & { changes: { role?: Role; active?: boolean } };
  /** Erase the personal data of someone who left (PDPA): the Centre only, never oneself. */
  'user.anonymise': UserTarget;
  'invitation.list': OrgScoped | undefined;
  'invitation.read': OrgScoped;
  'invitation.create': InvitationTarget;
  'invitation.revoke': InvitationTarget;
  'audit.read': undefined;
  'outbox.read': undefined;
  /** The problems board: every signed-in member reads it. */
  'problem.read': undefined;
  /** The Centre's triage queue, comment reports and centre-only timeline events. */
  'problem.triage': undefined;
  /** Raise a problem or recommendation on behalf of one's organisation. */
  'problem.create': undefined;
  'problem.support': ProblemAccess;
  'problem.comment': ProblemAccess;
  'problem.follow': ProblemAccess;
  'problem.transition': ProblemAccess & { to: ProblemState };
  'problem.assign': ProblemAccess;
  'problem.answer': ProblemAccess;
  /** Who raised it: hidden when anonymous, except from the Centre and the organisation itself. */
  'problem.seeReporter': Pick<ProblemAccess, 'anonymous' | 'reporterOrganisationId'>;
  /** Per-category deadlines for official answers and progress updates. */
  'problem.configureDeadlines': undefined;
  'comment.edit': { authorUserId: string };
  'comment.hide': undefined;
  'comment.report': undefined;
  /** Request types, units and suggestions: every signed-in member reads them. */
  'coordination.read': undefined;
  /** Create and edit an organisation's units and their members. */
  'coordination.manageUnit': OrgScoped;
  /** Ask another agency for help on behalf of one's organisation. */
  'coordination.request': undefined;
  /** The requests a unit received: its members and the Centre. */
  'coordination.readInbox': { memberIds: readonly string[] };
  /** One request: the requesting organisation, the receiving unit's members and the Centre. */
  'coordination.readRequest': CoordinationAccess;
  'coordination.transition': CoordinationAccess & { to: CoordinationState };
  /** A unit's on-call roster: its members read it; its heads, its org admins and the Centre edit it. */
  'coordination.readRoster': UnitRosterAccess;
  'coordination.editRoster': UnitRosterAccess;
  /** The queue of requests escalated to the Centre. */
  'coordination.centreQueue': undefined;
  /** The public holidays and SLA target versions: the Centre. */
  'coordination.configureSla': undefined;
  /** Rate the response to a finished request: its requesting organisation. */
  'coordination.rate': CoordinationAccess;
  /** The dashboard and yearly review: every member, for their own organisation against the network. */
  'report.read': undefined;
  /** The review with every agency's figures and no small-count suppression: the Centre. */
  'report.readNetwork': undefined;
  /** A request's vault: that it exists and its counts (never contents), to whoever sees the request. */
  'vault.see': CoordinationAccess;
  /** Enter or edit the named data: the requesting organisation (not observers). */
  'vault.write': CoordinationAccess;
  /** Record consent or an override: the accepting unit's members, once they accepted. */
  'vault.release': CoordinationAccess;
  /**
   * View a photo of a document: only with a basis to read the vault now (the requester, the accepting
   * unit under consent, override or for a child, a Centre admin inside break-glass), as computed by the
   * vault's `releaseFor` like the field reveals; none is 404.
   */
  'vault.viewPhoto': { basis: ReleaseBasis | null };
  /** Open a time-boxed emergency read of any vault: the Centre. */
  'vault.breakGlass': undefined;
  /** Set or lift a legal hold: the Centre, or the requesting organisation's data-protection focal point. */
  'vault.legalHold': VaultHoldAccess;
  /** A notification, its read state: only its recipient's. */
  'notification.read': { recipientUserId: string };
  /** One's own notification list, unread count, live stream and email preferences. */
  'notification.own': undefined;
  /** One's own LINE link and LINE preferences. */
  'line.own': undefined;
  /** The LINE quota used this month and the LINE outbox's backlog (the Centre). */
  'line.quota': undefined;
  // — Forum feedback (F4): the anonymous survey and the summary the Centre publishes —
  /** Edit a survey before it opens, see its results live and its free text; generate, edit, publish summaries. */
  'forumFeedback.manage': undefined;
  /** A forum's survey page: the Centre and those who attended (checked in on their own account). */
  'forumFeedback.readSurvey': { attended: boolean };
  /** Answer it (once, while open): those who attended, observers included (it is not a board contribution). */
  'forumFeedback.answer': { attended: boolean };
  /** Its results: the Centre at any time, attendees once it closed (so no one watches answers arrive). */
  'forumFeedback.readResults': { attended: boolean; closed: boolean };
  /** A summary: the Centre sees the draft; every member reads it once published. */
  'forumFeedback.readSummary': { published: boolean };
  /** The list of LINE deliveries (kind, recipient, state; never the text) and retrying failed ones. */
  'line.deliveries': undefined;
  // ---- forums F2 (forum-checkin): the door, the room's attendance and its polls ----
  /** Check people in (QR, walk-in), search the directory for a walk-in, watch attendance: the event's staff. */
  'forumCheckin.scan': ForumStaffing;
  /** Create, open and close an event's polls: the chair, who is the Centre. */
  'forumCheckin.managePolls': undefined;
  /** An event's polls and closed results: its staff and those with a confirmed place. */
  'forumCheckin.readPolls': ForumStaffing & { attending: boolean };
  /** Vote in an open poll: a confirmed registrant who contributes (observers read only). */
  'forumCheckin.vote': { attending: boolean };
  // ---- forum minutes (F3) ----
  /** Draft, edit, share, finalise and reopen minutes; carry unfinished business over: the Centre. */
  'forumMinutes.manage': undefined;
  /** Draft: the Centre; shared: the attending organisations too; final: and the actions' owners. */
  'forumMinutes.read': MinutesAccess;
  /** While shared: the attending organisations' members (not observers) and the Centre. */
  'forumMinutes.comment': MinutesAccess;
  /** An organisation's action items across events; without one, every organisation's: the Centre. */
  'forumMinutes.listActions': OrgScoped | undefined;
  'forumMinutes.readAction': ForumActionAccess;
  'forumMinutes.moveAction': ForumActionAccess & { from: ActionStatus; to: ActionStatus };

  // ---- forums, part F1: events, agenda, invitations, registration, calendar feeds ----
  /** Published events, their agendas and one's own registration: every signed-in member. */
  'forum.read': undefined;
  /** Drafts, editing and cancelling, the agenda, invitations and the registrants list: the Centre. */
  'forum.manage': undefined;
  /** Register oneself; observers may too, since attending a forum writes nothing in the network. */
  'forum.register': undefined;
  /** One's own private calendar feeds of the series. */
  'forum.feed': undefined;
};
export type Action = keyof Rules;

const isAdmin = (a: Actor) => a.role === 'admin';
const managesOrg = (a: Actor, orgId: string) =>
  isAdmin(a) || (a.role === 'org_admin' && a.organisationId === orgId);
/** Org admins hand out any role but admin; only the Centre creates admins. */
const mayGrant = (a: Actor, role: Role) => isAdmin(a) || (a.role === 'org_admin' && role !== 'admin');

/** Observers read only: they never raise, support, comment or answer. */
const contributes = (a: Actor) => a.role !== 'observer';

/** Who staffs a forum event's door: the Centre and the members of its host organisations. */
export type ForumStaffing = { hostOrganisationIds: readonly string[] };
const staffsForum = (a: Actor, r: ForumStaffing) =>
  isAdmin(a) || (contributes(a) && r.hostOrganisationIds.includes(a.organisationId));

/** The parts an actor plays for a problem, as the state machine names them. */
export function partiesOf(a: Actor | null, p: ProblemAccess): Party[] {
  if (!a || a.mustEnrolTotp || !contributes(a)) return [];
  const parties: Party[] = [];
  if (isAdmin(a)) parties.push('admin');
  if (
    a.userId === p.reporterUserId ||
    (a.role === 'org_admin' && a.organisationId === p.reporterOrganisationId)
  )
    parties.push('reporter');
  if (p.assignedOrganisationIds.includes(a.organisationId)) parties.push('assignee');
  return parties;
}

/** The states the actor may move the problem to now. */
export const transitionsFor = (a: Actor | null, p: ProblemAccess) =>
  allowedTransitions(p.state, partiesOf(a, p));

/** Who is in a unit, for its roster. */
export type UnitRosterAccess = {
  organisationId: string;
  memberIds: readonly string[];
  headIds: readonly string[];
};

/** The sides an actor is on for a coordination request, as its state machine names them. */
export function coordinationPartiesOf(a: Actor | null, r: CoordinationAccess): CoordinationParty[] {
  if (!a || a.mustEnrolTotp || !contributes(a)) return [];
  const parties: CoordinationParty[] = [];
  if (a.organisationId === r.requestingOrganisationId) parties.push('requester');
  if (r.receivingUnitMemberIds.includes(a.userId)) parties.push('receiver');
  return parties;
}

/** The states the actor may move the request to now. */
export const coordinationMovesFor = (a: Actor | null, r: CoordinationAccess) =>
  allowedCoordinationMoves(r.state, coordinationPartiesOf(a, r));

/** The sides an actor is on for an action item: its owner organisation's contributors, the Centre. */
export function actionPartiesOf(a: Actor | null, r: ForumActionAccess): ActionParty[] {
  if (!a || a.mustEnrolTotp) return [];
  const parties: ActionParty[] = [];
  if (isAdmin(a)) parties.push('centre');
  if (r.published && contributes(a) && a.organisationId === r.ownerOrganisationId) parties.push('owner');
  return parties;
}

const readsMinutes = (a: Actor, r: MinutesAccess) =>
  isAdmin(a) ||
  (r.state !== 'draft' && r.attendingOrganisationIds.includes(a.organisationId)) ||
  (r.state === 'final' && r.actionOwnerIds.includes(a.organisationId));

const rules: { [A in Action]: (actor: Actor, resource: Rules[A]) => boolean } = {
  'organisation.list': () => true,
  'directory.read': () => true,
  'organisation.create': isAdmin,
  'organisation.update': (a, r) => managesOrg(a, r.organisationId),
  'organisation.verify': isAdmin,
  'directory.verificationQueue': isAdmin,
  'organisation.review': (a, r) => managesOrg(a, r.organisationId),
  'person.manage': (a, r) => managesOrg(a, r.organisationId),
  'directory.tasks': (a, r) => (r ? managesOrg(a, r.organisationId) : isAdmin(a)),
  'contact.readRestricted': (a, r) => managesOrg(a, r.organisationId),
  'contact.readPersonal': (a) => a.role !== 'observer',
  // Without an organisation this asks "may list users across the whole network".
  'user.list': (a, r) => (r ? managesOrg(a, r.organisationId) : isAdmin(a)),
  'user.read': (a, r) => managesOrg(a, r.organisationId),
  'user.update': (a, r) =>
    managesOrg(a, r.organisationId) &&
    a.userId !== r.id &&
    mayGrant(a, r.role) &&
    (r.changes.role === undefined || mayGrant(a, r.changes.role)),
  'user.anonymise': (a, r) => isAdmin(a) && a.userId !== r.id,
  'invitation.list': (a, r) => (r ? managesOrg(a, r.organisationId) : isAdmin(a)),
  'invitation.read': (a, r) => managesOrg(a, r.organisationId),
  'invitation.create': (a, r) => managesOrg(a, r.organisationId) && mayGrant(a, r.role),
  'invitation.revoke': (a, r) => managesOrg(a, r.organisationId) && mayGrant(a, r.role),
  'audit.read': isAdmin,
  'outbox.read': isAdmin,
  'problem.read': () => true,
  'problem.triage': isAdmin,
  'problem.create': contributes,
  'problem.support': contributes,
  'problem.comment': contributes,
  'problem.follow': () => true,
  'problem.transition': (a, r) => mayTransition(r.state, r.to, partiesOf(a, r)),
  'problem.assign': isAdmin,
  'problem.answer': (a, r) =>
    isAdmin(a) || (contributes(a) && r.assignedOrganisationIds.includes(a.organisationId)),
  'problem.seeReporter': (a, r) =>
    !r.anonymous || isAdmin(a) || a.organisationId === r.reporterOrganisationId,
  'problem.configureDeadlines': isAdmin,
  'comment.edit': (a, r) => contributes(a) && a.userId === r.authorUserId,
  'comment.hide': isAdmin,
  'comment.report': contributes,
  'coordination.read': () => true,
  'coordination.manageUnit': (a, r) => managesOrg(a, r.organisationId),
  'coordination.request': contributes,
  'coordination.readInbox': (a, r) => isAdmin(a) || r.memberIds.includes(a.userId),
  'coordination.readRequest': (a, r) =>
    isAdmin(a) ||
    a.organisationId === r.requestingOrganisationId ||
    r.receivingUnitMemberIds.includes(a.userId),
  'coordination.transition': (a, r) => mayMoveCoordination(r.state, r.to, coordinationPartiesOf(a, r)),
  'coordination.readRoster': (a, r) => managesOrg(a, r.organisationId) || r.memberIds.includes(a.userId),
  'coordination.editRoster': (a, r) => managesOrg(a, r.organisationId) || r.headIds.includes(a.userId),
  'coordination.centreQueue': isAdmin,
  'coordination.configureSla': isAdmin,
  'coordination.rate': (a, r) =>
    contributes(a) && a.organisationId === r.requestingOrganisationId && r.state === 'done',
  'report.read': () => true,
  'report.readNetwork': isAdmin,
  'vault.see': (a, r) =>
    isAdmin(a) ||
    a.organisationId === r.requestingOrganisationId ||
    r.receivingUnitMemberIds.includes(a.userId),
  'vault.write': (a, r) => contributes(a) && a.organisationId === r.requestingOrganisationId,
  'vault.release': (a, r) =>
    contributes(a) && r.receivingUnitMemberIds.includes(a.userId) && VAULT_RELEASE_STATES.includes(r.state),
  'vault.viewPhoto': (_a, r) => r.basis !== null,
  'vault.breakGlass': isAdmin,
  'vault.legalHold': (a, r) =>
    isAdmin(a) ||
    (contributes(a) &&
      a.organisationId === r.requestingOrganisationId &&
      r.dataProtectionUserIds.includes(a.userId)),
  'notification.read': (a, r) => a.userId === r.recipientUserId,
  'notification.own': () => true,
  'line.own': () => true,
  'line.quota': isAdmin,
  // — Forum feedback (F4) —
  'forumFeedback.manage': isAdmin,
  'forumFeedback.readSurvey': (a, r) => isAdmin(a) || r.attended,
  'forumFeedback.answer': (_a, r) => r.attended,
  'forumFeedback.readResults': (a, r) => isAdmin(a) || (r.attended && r.closed),
  'forumFeedback.readSummary': (a, r) => isAdmin(a) || r.published,
  'line.deliveries': isAdmin,
  // ---- forums F2 (forum-checkin) ----
  'forumCheckin.scan': staffsForum,
  'forumCheckin.managePolls': isAdmin,
  'forumCheckin.readPolls': (a, r) => staffsForum(a, r) || r.attending,
  'forumCheckin.vote': (a, r) => contributes(a) && r.attending,
  // ---- forum minutes (F3) ----
  'forumMinutes.manage': isAdmin,
  'forumMinutes.read': readsMinutes,
  'forumMinutes.comment': (a, r) =>
    r.state === 'shared' &&
    (isAdmin(a) || (contributes(a) && r.attendingOrganisationIds.includes(a.organisationId))),
  'forumMinutes.listActions': (a, r) =>
    isAdmin(a) || (r !== undefined && a.organisationId === r.organisationId),
  'forumMinutes.readAction': (a, r) =>
    isAdmin(a) || (r.published && a.organisationId === r.ownerOrganisationId),
  'forumMinutes.moveAction': (a, r) => mayMoveAction(r.from, r.to, actionPartiesOf(a, r)),

  // ---- forums, part F1 ----
  'forum.read': () => true,
  'forum.manage': isAdmin,
  'forum.register': () => true,
  'forum.feed': () => true,
};

export function can<A extends Action>(actor: Actor | null, action: A, resource: Rules[A]): boolean {
  if (!actor || actor.mustEnrolTotp) return false;
  const rule = rules[action];
  return rule ? rule(actor, resource) : false;
}

/** Throws 403 when refused. Use `authorizeVisible` where existence itself must not leak. */
export function authorize<A extends Action>(actor: Actor | null, action: A, resource: Rules[A]): void {
  if (!can(actor, action, resource)) throw forbidden();
}

/** Throws 404: for a resource the actor may not see, "not allowed" would reveal that it exists. */
export function authorizeVisible<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: Rules[A],
  what: string,
) {
  if (!can(actor, action, resource)) throw notFound(what);
}
