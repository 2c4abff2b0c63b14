/**
 * The contract of "Let's Talk TIP" events (part F1 of the forums): events, their agenda, invitations,
 * registration with its waitlist, the ticket and the calendar feed.
 */
import { z } from 'zod';
import { Id, Language, OrganisationSummary, Page, PageQuery, Sector, Timestamp } from './api.ts';
import {
  EVENT_FORMATS,
  EVENT_STATES,
  INVITATION_KINDS,
  REGISTRATION_MODES,
  REGISTRATION_STATES,
} from './forum-states.ts';
import { PROBLEM_STATE_CODES } from './problems-taxonomy.ts';
import { ProvinceCode } from './taxonomy-codes.ts';

/** The version of the registration privacy notice (text in the locales under forums.privacy). */
export const FORUM_PRIVACY_NOTICE_VERSION = '2026-12-05';

const Title = z.string().trim().min(1).max(200);
const ShortText = z.string().trim().min(1).max(300);
const LongText = z.string().trim().min(1).max(4000);
const Url = z
  .url({ protocol: /^https?$/ })
  .max(1000)
  .transform((u) => u.trim());
const optionalNull = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const EventFormat = z.enum(EVENT_FORMATS);
export const EventState = z.enum(EVENT_STATES);
export const RegistrationMode = z.enum(REGISTRATION_MODES);
export const RegistrationState = z.enum(REGISTRATION_STATES);

export const EventParams = z.strictObject({ eventId: Id });
export const AgendaItemParams = z.strictObject({ eventId: Id, itemId: Id });
export const RegistrationParams = z.strictObject({ eventId: Id, registrationId: Id });
export const InvitationParams = z.strictObject({ eventId: Id, invitationId: Id });

const eventFields = {
  titleTh: Title,
  titleEn: Title,
  format: EventFormat,
  provinceCode: optionalNull(ProvinceCode),
  venueTh: optionalNull(ShortText),
  venueEn: optionalNull(ShortText),
  address: optionalNull(ShortText),
  mapUrl: optionalNull(Url),
  onlineUrl: optionalNull(Url),
  startsAt: Timestamp,
  endsAt: Timestamp,
  chairTh: optionalNull(ShortText),
  chairEn: optionalNull(ShortText),
  objectivesTh: optionalNull(LongText),
  objectivesEn: optionalNull(LongText),
  hostOrganisationIds: z.array(Id).max(20),
  capacity: z.number().int().min(1).max(5000),
  reservedForHosts: z.number().int().min(0).max(5000),
  perOrganisationCap: z.number().int().min(1).max(5000),
  registrationMode: RegistrationMode,
};

/** The Centre convenes an event (a draft until published). */
export const CreateEventBody = z.strictObject(eventFields);
export type CreateEventBody = z.infer<typeof CreateEventBody>;

/** Any subset of the fields, with the version the editor read (409 STALE_VERSION when it moved on). */
export const UpdateEventBody = z.strictObject({
  ...Object.fromEntries(Object.entries(eventFields).map(([k, v]) => [k, v.optional()])),
  version: z.number().int().min(1),
} as { [K in keyof typeof eventFields]: z.ZodOptional<(typeof eventFields)[K]> } & {
  version: z.ZodNumber;
});
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const EventVersionBody = z.strictObject({ version: z.number().int().min(1) });

export const EventListQuery = PageQuery.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});

export const LinkedProblem = z.object({
  id: Id,
  title: z.string(),
  state: z.enum(PROBLEM_STATE_CODES),
});

export const AgendaItemView = z.object({
  id: Id,
  parentId: Id.nullable(),
  position: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  startsAt: Timestamp.nullable(),
  durationMinutes: z.number().int().nullable(),
  presentingOrganisation: OrganisationSummary.nullable(),
  recurring: z.boolean(),
  origin: z.string(),
  problems: z.array(LinkedProblem),
  children: z.array(
    z.object({
      id: Id,
      parentId: Id.nullable(),
      position: z.number().int(),
      titleTh: z.string(),
      titleEn: z.string(),
      startsAt: Timestamp.nullable(),
      durationMinutes: z.number().int().nullable(),
      presentingOrganisation: OrganisationSummary.nullable(),
      recurring: z.boolean(),
      origin: z.string(),
      problems: z.array(LinkedProblem),
    }),
  ),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const AgendaItemBody = z.strictObject({
  /** A sub-item names its parent (a top-level item of the same event). */
  parentId: Id.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  titleTh: Title,
  titleEn: Title,
  startsAt: Timestamp.nullable().optional(),
  durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
  presentingOrganisationId: Id.nullable().optional(),
  recurring: z.boolean().optional(),
  problemIds: z.array(Id).max(20).optional(),
});
export type AgendaItemBody = z.infer<typeof AgendaItemBody>;
export const UpdateAgendaItemBody = AgendaItemBody.partial();
export type UpdateAgendaItemBody = z.infer<typeof UpdateAgendaItemBody>;

/** The viewer's own registration; the ticket (QR content and image) only while it holds or awaits a place. */
export const MyRegistrationView = z.object({
  id: Id,
  state: RegistrationState,
  invited: z.boolean(),
  /** A promotion from the waitlist waits for the registrant to confirm by then. */
  confirmBy: Timestamp.nullable(),
  /** Position on the waitlist (1 = next), when waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** The QR ticket's content (the web draws the code): only while a confirmed place is held. */
  ticketCode: z.string().nullable(),
  language: Language,
  phone: z.string().nullable(),
  dietaryNotes: z.string().nullable(),
  createdAt: Timestamp,
});
export type MyRegistrationView = z.infer<typeof MyRegistrationView>;

export const EventCounts = z.object({
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  pending: z.number().int(),
});

export const EventListItem = z.object({
  id: Id,
  number: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  format: EventFormat,
  state: EventState,
  provinceCode: ProvinceCode.nullable(),
  venueTh: z.string().nullable(),
  venueEn: z.string().nullable(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  myRegistrationState: RegistrationState.nullable(),
});
export type EventListItem = z.infer<typeof EventListItem>;
export const EventListPage = Page(EventListItem);

export const EventView = z.object({
  id: Id,
  number: z.number().int(),
  seriesNameTh: z.string(),
  seriesNameEn: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  format: EventFormat,
  state: EventState,
  provinceCode: ProvinceCode.nullable(),
  venueTh: z.string().nullable(),
  venueEn: z.string().nullable(),
  address: z.string().nullable(),
  mapUrl: z.string().nullable(),
  /**
   * The Centre always sees it; a confirmed registrant from ONLINE_LINK_LEAD_MINUTES before the start; nobody
   * else ever. `hasOnlineLink` says one exists, `onlineLinkFrom` when it will show.
   */
  onlineUrl: z.string().nullable(),
  hasOnlineLink: z.boolean(),
  onlineLinkFrom: Timestamp,
  startsAt: Timestamp,
  endsAt: Timestamp,
  chairTh: z.string().nullable(),
  chairEn: z.string().nullable(),
  objectivesTh: z.string().nullable(),
  objectivesEn: z.string().nullable(),
  hosts: z.array(OrganisationSummary),
  capacity: z.number().int(),
  reservedForHosts: z.number().int(),
  perOrganisationCap: z.number().int(),
  registrationMode: RegistrationMode,
  counts: EventCounts,
  version: z.number().int(),
  agenda: z.array(AgendaItemView),
  invited: z.boolean(),
  myRegistration: MyRegistrationView.nullable(),
  privacyNoticeVersion: z.string(),
  /** What the viewer may do now (the web shows buttons and links by these). */
  can: z.object({
    manage: z.boolean(),
    register: z.boolean(),
    withdraw: z.boolean(),
    confirmPromotion: z.boolean(),
  }),
});
export type EventView = z.infer<typeof EventView>;

// ---- registration ---------------------------------------------------------

export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,20}$/);

export const RegisterBody = z.strictObject({
  /** The privacy notice (PDPA) must be accepted: false or missing is a 400. */
  privacyAccepted: z.literal(true),
  language: Language.optional(),
  phone: Phone.nullable().optional(),
  dietaryNotes: z.string().trim().max(300).nullable().optional(),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const RegistrantView = z.object({
  id: Id,
  state: RegistrationState,
  invited: z.boolean(),
  hostPlace: z.boolean(),
  name: z.string(),
  organisation: OrganisationSummary.nullable(),
  sector: Sector.nullable(),
  confirmBy: Timestamp.nullable(),
  phone: z.string().nullable(),
  dietaryNotes: z.string().nullable(),
  createdAt: Timestamp,
});
export type RegistrantView = z.infer<typeof RegistrantView>;
export const RegistrantListQuery = PageQuery.extend({ state: RegistrationState.optional() });
export const RegistrantPage = Page(RegistrantView);

// ---- invitations ------------------------------------------------------------

export const InvitationKind = z.enum(INVITATION_KINDS);
export const CreateForumInvitationBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sector'), sector: Sector }),
  z.strictObject({ kind: z.literal('organisation'), organisationId: Id }),
  z.strictObject({ kind: z.literal('person'), userId: Id }),
]);
export type CreateForumInvitationBody = z.infer<typeof CreateForumInvitationBody>;

export const ForumInvitationView = z.object({
  id: Id,
  kind: InvitationKind,
  sector: Sector.nullable(),
  organisation: OrganisationSummary.nullable(),
  person: z.object({ id: Id, displayName: z.string() }).nullable(),
  /** How many accounts it reached (emails sent when the event is published). */
  reaches: z.number().int(),
  createdAt: Timestamp,
});
export type ForumInvitationView = z.infer<typeof ForumInvitationView>;
export const ForumInvitationList = z.object({ items: z.array(ForumInvitationView) });

// ---- calendar feed ------------------------------------------------------------

export const FeedParams = z.strictObject({ feedId: Id });
export const FeedTokenParams = z.strictObject({ token: z.string().min(1).max(200) });
export const ForumFeedView = z.object({ id: Id, createdAt: Timestamp, revokedAt: Timestamp.nullable() });
export const ForumFeedList = z.object({ items: z.array(ForumFeedView) });
/** The URL carries the token: shown once, when made. */
export const CreatedForumFeedView = ForumFeedView.extend({ url: z.string() });
