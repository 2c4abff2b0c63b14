/**
 * The contract of a forum's day (issue 13, part F2): checking people in at the door (QR or walk-in), the
 * live attendance the staff watch, and the polls the chair runs in the room.
 */
import { z } from 'zod';
import { Id, OrganisationSummary, Sector, Timestamp } from './api.ts';
import { CHECKIN_METHODS, POLL_KINDS, POLL_STATES, REGISTRATION_STATES } from './forum-states.ts';

export const ForumEventParams = z.strictObject({ eventId: Id });
export const ForumPollParams = z.strictObject({ pollId: Id });

/** What a QR ticket holds: an opaque random id (base64url). Anything else is no ticket of ours. */
export const TicketCode = z
  .string()
  .trim()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** The phone's own id for one scan, so a queued scan sent twice is recorded once. */
export const ClientScanId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const CheckinBody = z.strictObject({
  ticketCode: TicketCode,
  clientScanId: ClientScanId,
  /** When the phone scanned it: a scan queued offline syncs later but keeps its time. */
  scannedAt: Timestamp,
});

export const WALK_IN_LIMITS = { guestName: 120, guestOrganisationName: 200 } as const;

/**
 * A walk-in: a network member found in the directory (`userId`), or a guest by name with an organisation
 * from the directory or written out. `overCapacity` is the staff's confirmation when the event is full.
 */
export const WalkInBody = z.strictObject({
  userId: Id.optional(),
  guestName: z.string().trim().min(1).max(WALK_IN_LIMITS.guestName).optional(),
  organisationId: Id.optional(),
  guestOrganisationName: z.string().trim().min(1).max(WALK_IN_LIMITS.guestOrganisationName).optional(),
  clientScanId: ClientScanId,
  scannedAt: Timestamp,
  overCapacity: z.boolean().default(false),
});
export type WalkInBody = z.input<typeof WalkInBody>;

/** Who stands at the door: only what the staff need to greet them. */
export const CheckinPersonView = z.object({
  registrationId: Id,
  name: z.string(),
  organisation: OrganisationSummary.nullable(),
  /** A guest's organisation outside the directory. */
  guestOrganisationName: z.string().nullable(),
  sector: Sector.nullable(),
});

export const CHECKIN_OUTCOMES = ['checked_in', 'duplicate'] as const;
export type CheckinOutcome = (typeof CHECKIN_OUTCOMES)[number];

/**
 * 201 `checked_in` for a new check-in; 200 `checked_in` when the same clientScanId comes again (recorded
 * once); 200 `duplicate` when the ticket was already checked in by another scan (`checkin` is the first one).
 */
export const CheckinResultView = z.object({
  outcome: z.enum(CHECKIN_OUTCOMES),
  person: CheckinPersonView,
  checkin: z.object({
    method: z.enum(CHECKIN_METHODS),
    scannedAt: Timestamp,
    by: z.object({ id: Id, displayName: z.string() }).nullable(),
  }),
});
export type CheckinResultView = z.infer<typeof CheckinResultView>;

/** Why a scan was refused (the error body's code; details carry `state` or `event`). */
export const CHECKIN_REFUSALS = [
  'TICKET_UNKNOWN',
  'TICKET_FOR_OTHER_EVENT',
  'REGISTRATION_NOT_CONFIRMED',
  'EVENT_NOT_OPEN_FOR_CHECKIN',
] as const;
export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];

export const ForumEventRef = z.object({
  id: Id,
  number: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
});
export type ForumEventRef = z.infer<typeof ForumEventRef>;

export const WalkInSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const WalkInCandidateView = z.object({
  userId: Id,
  displayName: z.string(),
  organisation: OrganisationSummary,
  registrationState: z.enum(REGISTRATION_STATES).nullable(),
  checkedIn: z.boolean(),
});
export const WalkInCandidatesView = z.object({ items: z.array(WalkInCandidateView) });
export type WalkInCandidateView = z.infer<typeof WalkInCandidateView>;

const Tally = { registered: z.number().int(), checkedIn: z.number().int() };
export const AttendanceView = z.object({
  event: ForumEventRef.extend({ capacity: z.number().int() }),
  /** Confirmed registrations (walk-ins included) and how many of them are in the room. */
  ...Tally,
  walkIns: z.number().int(),
  bySector: z.array(z.object({ sector: Sector.nullable(), ...Tally })),
  /** Guests whose organisation is not in the directory are grouped by the name written at the door. */
  byOrganisation: z.array(
    z.object({
      organisation: OrganisationSummary.nullable(),
      guestOrganisationName: z.string().nullable(),
      ...Tally,
    }),
  ),
  /** The latest check-ins, newest first, for the staff at the door. */
  recent: z.array(CheckinPersonView.extend({ method: z.enum(CHECKIN_METHODS), scannedAt: Timestamp })),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

// ---- polls ---------------------------------------------------------------------------------------
export const POLL_LIMITS = { question: 300, option: 120, minOptions: 2, maxOptions: 10 } as const;
const PollText = (max: number) => z.string().trim().min(1).max(max);

export const CreatePollBody = z.strictObject({
  questionTh: PollText(POLL_LIMITS.question),
  questionEn: PollText(POLL_LIMITS.question),
  kind: z.enum(POLL_KINDS),
  options: z
    .array(z.strictObject({ th: PollText(POLL_LIMITS.option), en: PollText(POLL_LIMITS.option) }))
    .min(POLL_LIMITS.minOptions)
    .max(POLL_LIMITS.maxOptions),
  agendaItemId: Id.optional(),
});
export type CreatePollBody = z.input<typeof CreatePollBody>;

export const VoteBody = z.strictObject({ optionIds: z.array(z.string().min(1).max(40)).min(1).max(10) });

export const PollView = z.object({
  id: Id,
  eventId: Id,
  agendaItemId: Id.nullable(),
  questionTh: z.string(),
  questionEn: z.string(),
  kind: z.enum(POLL_KINDS),
  options: z.array(z.object({ id: z.string(), th: z.string(), en: z.string() })),
  state: z.enum(POLL_STATES),
  openedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  /** How many have voted: shown while open, it says nothing about the choices. */
  totalVotes: z.number().int(),
  /** The viewer's own choice, null when they have not voted. */
  myVote: z.array(z.string()).nullable(),
  /** Counts per option: null until the chair closes the poll. */
  results: z.array(z.object({ optionId: z.string(), votes: z.number().int() })).nullable(),
});
export type PollView = z.infer<typeof PollView>;

export const PollListView = z.object({
  event: ForumEventRef,
  /** The viewer may vote (a confirmed registrant who contributes). */
  mayVote: z.boolean(),
  /** The viewer runs the polls (the Centre). */
  mayManage: z.boolean(),
  agendaItems: z.array(z.object({ id: Id, titleTh: z.string(), titleEn: z.string() })),
  items: z.array(PollView),
});
export type PollListView = z.infer<typeof PollListView>;
