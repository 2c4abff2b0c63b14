/**
 * The vocabulary of a problem's timeline: every kind of event, the data it carries, who may see it, its
 * icon and whether it notifies anyone. The server writes only these, the API contract serves them, and the
 * web keys its icons and texts by them, so a new kind is a type error wherever it is not yet handled.
 */
import { z } from 'zod';
import { Id, OrganisationSummary, Timestamp } from './api.ts';
import { PRIVACY_TARGETS } from './privacy-check.ts';
import {
  PrivacyFindingKindCode,
  ProblemCategoryCode,
  ProblemStateCode,
  ProblemTypeCode,
} from './taxonomy-codes.ts';

/** 'centre': shown to the Centre's admins only (what members reported, what the privacy check found). */
export type ProblemEventVisibility = 'all' | 'centre';

/** What the timeline draws beside an event; the web maps each to an icon. */
export const PROBLEM_EVENT_ICONS = [
  'new',
  'support',
  'assignment',
  'answer',
  'state',
  'comment',
  'edit',
  'hidden',
  'report',
  'privacy',
  'deadline',
] as const;
export type ProblemEventIcon = (typeof PROBLEM_EVENT_ICONS)[number];

type KindSpec = {
  data: z.ZodObject;
  visibility: ProblemEventVisibility;
  icon: ProblemEventIcon;
  /** Someone may get a notification of it (who exactly, the notification fan-out decides). */
  notifies: boolean;
};
const spec = <const S extends KindSpec>(s: S) => s;

const Mentions = { mentionedUserIds: z.array(Id), mentionedOrganisationIds: z.array(Id) };
const Transition = { from: ProblemStateCode, to: ProblemStateCode };
/** Which deadline passed: the first official answer, or the next progress update once answered. */
export const MissedDeadline = z.object({
  deadline: z.enum(['first_answer', 'progress_update']),
  dueAt: Timestamp,
});

export const PROBLEM_EVENTS = {
  raised: spec({
    data: z.object({ type: ProblemTypeCode, category: ProblemCategoryCode }),
    visibility: 'all',
    icon: 'new',
    notifies: false,
  }),
  supported: spec({
    data: z.object({ context: z.string().nullable() }),
    visibility: 'all',
    icon: 'support',
    notifies: true,
  }),
  support_withdrawn: spec({ data: z.object({}), visibility: 'all', icon: 'support', notifies: false }),
  /** A duplicate's supports moved to its original. */
  supports_merged: spec({
    data: z.object({ duplicateId: Id, moved: z.number().int() }),
    visibility: 'all',
    icon: 'support',
    notifies: false,
  }),
  assigned: spec({
    data: z.object({
      organisations: z.array(
        OrganisationSummary.extend({
          // Events recorded before organisations had an English abbreviation lack it.
          abbreviationEn: z.string().nullable().optional(),
          lead: z.boolean(),
        }),
      ),
      ...Transition,
      firstAnswerDueAt: Timestamp.nullable(),
    }),
    visibility: 'all',
    icon: 'assignment',
    notifies: true,
  }),
  answered: spec({ data: z.object({ answerId: Id }), visibility: 'all', icon: 'answer', notifies: true }),
  state_changed: spec({
    data: z.object({ ...Transition, reason: z.string().nullable(), duplicateOfId: Id.optional() }),
    visibility: 'all',
    icon: 'state',
    notifies: true,
  }),
  commented: spec({
    data: z.object({ commentId: Id, parentId: Id.nullable(), ...Mentions }),
    visibility: 'all',
    icon: 'comment',
    notifies: true,
  }),
  comment_edited: spec({
    data: z.object({ commentId: Id, ...Mentions }),
    visibility: 'all',
    icon: 'edit',
    notifies: true,
  }),
  comment_hidden: spec({
    data: z.object({ commentId: Id, reason: z.string() }),
    visibility: 'all',
    icon: 'hidden',
    notifies: false,
  }),
  comment_reported: spec({
    data: z.object({ commentId: Id, reason: z.string() }),
    visibility: 'centre',
    icon: 'report',
    notifies: false,
  }),
  privacy_warning_acknowledged: spec({
    data: z.object({
      target: z.enum(PRIVACY_TARGETS),
      findings: z.array(z.object({ field: z.string(), kind: PrivacyFindingKindCode })),
    }),
    visibility: 'centre',
    icon: 'privacy',
    notifies: false,
  }),
  /** The deadline job: a deadline passed (the assigned organisations' admins are told). */
  overdue: spec({ data: MissedDeadline, visibility: 'all', icon: 'deadline', notifies: true }),
  /** The deadline job: still overdue after the category's escalation days (the Centre is told). */
  escalated: spec({ data: MissedDeadline, visibility: 'all', icon: 'deadline', notifies: true }),
};

export type ProblemEventKind = keyof typeof PROBLEM_EVENTS;
export const PROBLEM_EVENT_KINDS = Object.keys(PROBLEM_EVENTS) as [ProblemEventKind, ...ProblemEventKind[]];
export const ProblemEventKindCode = z.enum(PROBLEM_EVENT_KINDS);

export type ProblemEventData<K extends ProblemEventKind> = z.infer<(typeof PROBLEM_EVENTS)[K]['data']>;
export type ProblemEventShape<K extends ProblemEventKind> =
  (typeof PROBLEM_EVENTS)[K]['data'] extends z.ZodObject<infer S extends z.core.$ZodShape> ? S : never;
/** One event as the server records it: a kind and exactly that kind's data. */
export type ProblemEvent = {
  [K in ProblemEventKind]: { kind: K; data: ProblemEventData<K> };
}[ProblemEventKind];

export const visibilityOf = (kind: ProblemEventKind): ProblemEventVisibility =>
  PROBLEM_EVENTS[kind].visibility;

type NotifyingKind = {
  [K in ProblemEventKind]: (typeof PROBLEM_EVENTS)[K]['notifies'] extends true ? K : never;
}[ProblemEventKind];
/** Timeline event kinds that notify someone (the others stay on the timeline only). */
export const NOTIFIED_KINDS = PROBLEM_EVENT_KINDS.filter((k) => PROBLEM_EVENTS[k].notifies) as [
  NotifyingKind,
  ...NotifyingKind[],
];
export type NotifiedKind = (typeof NOTIFIED_KINDS)[number];
