/**
 * The contract of forum minutes (part F3): the minutes of an event with its topics, decisions, action items
 * and attendance; their versions and comments; an organisation's action items across events; and the
 * carry-over of unfinished business into the next event's draft agenda.
 */
import { z } from 'zod';
import { Id, OrganisationSummary, Sector, Timestamp } from './api.ts';
import { ACTION_STATUSES, AGENDA_ORIGINS, MINUTES_STATES } from './forum-states.ts';

export const MINUTES_LIMITS = {
  summary: 5000,
  notes: 5000,
  decision: 2000,
  actionTitle: 500,
  responsibleName: 200,
  comment: 4000,
  statusNote: 2000,
  itemsPerList: 200,
};

const Day = z.iso.date();
const ActionStatus = z.enum(ACTION_STATUSES);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const EventParams = z.strictObject({ eventId: Id });
export const VersionParams = z.strictObject({
  eventId: Id,
  version: z.coerce.number().int().min(1).max(10_000),
});
export const ActionParams = z.strictObject({ actionId: Id });

const Person = z.object({ id: Id, displayName: z.string() });

export const MinutesItemView = z.object({
  id: Id,
  parentId: Id.nullable(),
  position: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  recurring: z.boolean(),
  origin: z.enum(AGENDA_ORIGINS),
  /** null: not yet said. false carries it into the next event's draft agenda. */
  discussed: z.boolean().nullable(),
  notes: z.string().nullable(),
});

export const DecisionView = z.object({
  id: Id,
  agendaItemId: Id.nullable(),
  textTh: z.string(),
  textEn: z.string().nullable(),
});

export const ActionView = z.object({
  id: Id,
  eventId: Id,
  agendaItemId: Id.nullable(),
  titleTh: z.string(),
  titleEn: z.string().nullable(),
  owner: OrganisationSummary,
  responsibleUser: Person.nullable(),
  responsibleName: z.string().nullable(),
  dueOn: Day.nullable(),
  status: ActionStatus,
  /** Days past its due date (Bangkok calendar), 0 when on time or closed. */
  daysOverdue: z.number().int(),
});
export type ActionView = z.infer<typeof ActionView>;

export const AttendanceView = z.object({
  total: z.number().int(),
  bySector: z.array(z.object({ sector: Sector, count: z.number().int() })),
  /** Guests whose organisation is not in the directory count in `total` only. */
  organisations: z.array(z.object({ organisation: OrganisationSummary, count: z.number().int() })),
});

/** What a finalised version freezes. */
export const MinutesContent = z.object({
  summaryTh: z.string().nullable(),
  summaryEn: z.string().nullable(),
  items: z.array(MinutesItemView),
  decisions: z.array(DecisionView),
  actions: z.array(ActionView),
  attendance: AttendanceView,
});
export type MinutesContent = z.infer<typeof MinutesContent>;

export const MinutesEventView = z.object({
  id: Id,
  number: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
});

export type MinutesEventView = z.infer<typeof MinutesEventView>;

export const MinutesVersionSummary = z.object({
  version: z.number().int(),
  finalisedAt: Timestamp,
  finalisedBy: Person.nullable(),
});

export const MinutesCommentView = z.object({
  id: Id,
  version: z.number().int(),
  organisation: OrganisationSummary,
  author: Person.nullable(),
  body: z.string(),
  createdAt: Timestamp,
});

export const MinutesView = MinutesContent.extend({
  event: MinutesEventView,
  state: z.enum(MINUTES_STATES),
  /** The version being drafted, or the latest final one. */
  version: z.number().int(),
  /** Send it back with every change; a stale one is a 409. 0 before the first save. */
  revision: z.number().int(),
  updatedAt: Timestamp.nullable(),
  versions: z.array(MinutesVersionSummary),
  comments: z.array(MinutesCommentView),
  /** edit: save, share and finalise; reopen: the latest final version (both the Centre's). */
  can: z.object({ edit: z.boolean(), reopen: z.boolean(), comment: z.boolean() }),
});
export type MinutesView = z.infer<typeof MinutesView>;

export const MinutesVersionView = MinutesVersionSummary.extend({
  event: MinutesEventView,
  latest: z.boolean(),
  content: MinutesContent,
});
export type MinutesVersionView = z.infer<typeof MinutesVersionView>;

export const SaveMinutesBody = z.strictObject({
  revision: z.number().int().min(0),
  summaryTh: optionalText(MINUTES_LIMITS.summary),
  summaryEn: optionalText(MINUTES_LIMITS.summary),
  items: z
    .array(
      z.strictObject({
        agendaItemId: Id,
        discussed: z.boolean().nullable(),
        notes: optionalText(MINUTES_LIMITS.notes),
      }),
    )
    .max(MINUTES_LIMITS.itemsPerList),
  decisions: z
    .array(
      z.strictObject({
        id: Id.optional(),
        agendaItemId: Id.nullable().optional(),
        textTh: z.string().trim().min(1).max(MINUTES_LIMITS.decision),
        textEn: optionalText(MINUTES_LIMITS.decision),
      }),
    )
    .max(MINUTES_LIMITS.itemsPerList),
  actions: z
    .array(
      z.strictObject({
        id: Id.optional(),
        agendaItemId: Id.nullable().optional(),
        titleTh: z.string().trim().min(1).max(MINUTES_LIMITS.actionTitle),
        titleEn: optionalText(MINUTES_LIMITS.actionTitle),
        ownerOrganisationId: Id,
        responsibleUserId: Id.nullable().optional(),
        responsibleName: optionalText(MINUTES_LIMITS.responsibleName),
        dueOn: Day.nullable().optional(),
      }),
    )
    .max(MINUTES_LIMITS.itemsPerList),
});
export type SaveMinutesBody = z.infer<typeof SaveMinutesBody>;

export const MinutesMoveBody = z.strictObject({ revision: z.number().int().min(0) });
/** Only the latest final version may be reopened: naming an older one is a 409. */
export const ReopenMinutesBody = MinutesMoveBody.extend({ version: z.number().int().min(1) });

export const MinutesCommentBody = z.strictObject({
  body: z.string().trim().min(1).max(MINUTES_LIMITS.comment),
});

export const ACTION_FILTERS = ['open', 'overdue', 'all'] as const;
export const ActionListQuery = z.strictObject({
  filter: z.enum(ACTION_FILTERS).default('open'),
  /** The Centre only: one organisation's actions. Others always see their own organisation's. */
  organisationId: Id.optional(),
});

export const ActionListItem = ActionView.extend({
  event: MinutesEventView.pick({ id: true, number: true, titleTh: true, titleEn: true, startsAt: true }),
});
export const ActionListView = z.object({
  items: z.array(ActionListItem),
  /** Bangkok day the overdue figures are computed for. */
  today: Day,
  /** More matched than the list holds (the oldest due first are shown). */
  truncated: z.boolean(),
});
export type ActionListView = z.infer<typeof ActionListView>;

export const ActionEventView = z.object({
  id: Id,
  at: Timestamp,
  actor: Person.nullable(),
  fromStatus: ActionStatus.nullable(),
  toStatus: ActionStatus.nullable(),
  note: z.string().nullable(),
});

export const ActionDetailView = ActionListItem.extend({
  history: z.array(ActionEventView),
  /** The statuses the reader may move it to now. */
  moves: z.array(ActionStatus),
});
export type ActionDetailView = z.infer<typeof ActionDetailView>;

export const ActionStatusBody = z.strictObject({
  status: ActionStatus,
  note: z.string().trim().min(1).max(MINUTES_LIMITS.statusNote),
});

export const CarriedItemView = z.object({
  id: Id,
  position: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  origin: z.enum(AGENDA_ORIGINS),
  recurring: z.boolean(),
  carriedFromItemId: Id.nullable(),
  /** For an open action: where it stands now and what happened to it. */
  action: ActionView.extend({ history: z.array(ActionEventView) }).nullable(),
});

export const CarryOverView = z.object({
  eventId: Id,
  /** Items this call added (0 when run again). */
  added: z.number().int(),
  items: z.array(CarriedItemView),
});
export type CarryOverView = z.infer<typeof CarryOverView>;
