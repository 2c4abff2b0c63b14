/** The coordination requests API contract: agency units and their inboxes, suggestions, requests. */
import { z } from 'zod';
import { Id, OrganisationSummary, Page, PageQuery, Timestamp } from './api.ts';
import { RatingView, SlaView } from './coordination-sla-api.ts';
import {
  AGE_BANDS,
  COORDINATION_STATES,
  NATIONALITIES,
  NOT_SUCCESSFUL_REASONS,
  OUTCOMES,
  REQUEST_TYPE_CODES,
  SEXES,
  UNIT_ROLES,
  URGENCY_CODES,
} from './coordination-states.ts';
import { SERVICE_LANGUAGE_CODES } from './directory-taxonomies.ts';
import { CoverageCode, ProvinceCode, ServiceCode } from './taxonomy-codes.ts';

export const RequestTypeCode = z.enum(REQUEST_TYPE_CODES);
export const UrgencyCode = z.enum(URGENCY_CODES);
export const CoordinationStateCode = z.enum(COORDINATION_STATES);
export const ServiceLanguageCode = z.enum(SERVICE_LANGUAGE_CODES);
export const UnitRoleCode = z.enum(UNIT_ROLES);

export const COORDINATION_LIMITS = { name: 200, needs: 500, context: 2000, reason: 1000, people: 500 };
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const setOf = <T extends z.ZodType>(code: T, max = 40) => z.array(code).max(max);

// ---- units -------------------------------------------------------------------------------------
export const CreateUnitBody = z.strictObject({
  organisationId: Id,
  nameTh: Text(COORDINATION_LIMITS.name),
  nameEn: Text(COORDINATION_LIMITS.name),
  services: setOf(ServiceCode).min(1),
  /** Provinces covered, or `nationwide`. */
  coverage: setOf(CoverageCode, 80).min(1),
  languages: setOf(ServiceLanguageCode).min(1),
});
export const UpdateUnitBody = z
  .strictObject({
    nameTh: Text(COORDINATION_LIMITS.name).optional(),
    nameEn: Text(COORDINATION_LIMITS.name).optional(),
    services: setOf(ServiceCode).min(1).optional(),
    coverage: setOf(CoverageCode, 80).min(1).optional(),
    languages: setOf(ServiceLanguageCode).min(1).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Change at least one field' });
export const UnitParams = z.strictObject({ id: Id });
export const UnitMemberParams = z.strictObject({ id: Id, userId: Id });
export const UnitMemberBody = z.strictObject({ role: UnitRoleCode });
export const UnitListQuery = z.strictObject({ organisationId: Id.optional() });

export const UnitMemberView = z.object({ userId: Id, displayName: z.string(), role: UnitRoleCode });
export const UnitView = z.object({
  id: Id,
  organisation: OrganisationSummary,
  nameTh: z.string(),
  nameEn: z.string(),
  services: z.array(ServiceCode),
  coverage: z.array(CoverageCode),
  languages: z.array(ServiceLanguageCode),
  active: z.boolean(),
  /** Shown to the unit's organisation and the Centre only. */
  members: z.array(UnitMemberView).nullable(),
});
export type UnitView = z.infer<typeof UnitView>;
export const UnitList = z.object({ items: z.array(UnitView) });

// ---- suggestions ---------------------------------------------------------------------------------
export const SuggestionQuery = z.strictObject({
  type: RequestTypeCode,
  province: ProvinceCode,
  language: ServiceLanguageCode.optional(),
});
export const UnitSuggestion = z.object({
  unit: UnitView.omit({ members: true }),
  matches: z.object({ service: z.boolean(), province: z.boolean(), language: z.boolean() }),
  score: z.number().int(),
});
export const SuggestionList = z.object({ items: z.array(UnitSuggestion) });

// ---- requests ------------------------------------------------------------------------------------
export const CreateCoordinationRequestBody = z.strictObject({
  receivingUnitId: Id,
  type: RequestTypeCode,
  urgency: UrgencyCode,
  province: ProvinceCode,
  language: ServiceLanguageCode.nullable().optional(),
  peopleCount: z.number().int().min(1).max(COORDINATION_LIMITS.people),
  ageBands: setOf(z.enum(AGE_BANDS), 5).default([]),
  sexes: setOf(z.enum(SEXES), 4).default([]),
  nationalities: setOf(z.enum(NATIONALITIES), 9).default([]),
  needs: Text(COORDINATION_LIMITS.needs),
  /** Free text, screened for ID, passport and phone numbers: names and numbers belong in the vault. */
  context: OptionalText(COORDINATION_LIMITS.context),
  acknowledgePrivacyWarnings: z.boolean().optional(),
});
export const TransitionCoordinationBody = z.strictObject({
  to: CoordinationStateCode,
  /** Required to decline, forward, ask for information or cancel. */
  reason: OptionalText(COORDINATION_LIMITS.reason),
  /** Required to forward: another unit's inbox. */
  forwardToUnitId: Id.optional(),
  /** Required to close as done. */
  outcome: z.enum(OUTCOMES).optional(),
  /** Required with outcome `not`. */
  outcomeReason: z.enum(NOT_SUCCESSFUL_REASONS).optional(),
});
export const RequestParams = z.strictObject({ id: Id });
export const RequestListQuery = PageQuery.extend({ state: CoordinationStateCode.optional() });

const UnitRef = z.object({
  id: Id,
  nameTh: z.string(),
  nameEn: z.string(),
  organisation: OrganisationSummary,
});
export const CoordinationRequestSummary = z.object({
  id: Id,
  type: RequestTypeCode,
  urgency: UrgencyCode,
  state: CoordinationStateCode,
  province: ProvinceCode,
  language: ServiceLanguageCode.nullable(),
  peopleCount: z.number().int(),
  requestingOrganisation: OrganisationSummary,
  receivingUnit: UnitRef,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The clocks of the inbox it is in now (common/coordination-sla.ts). */
  sla: SlaView,
});
export const CoordinationEventView = z.object({
  id: z.string(),
  kind: z.string(),
  at: Timestamp,
  actor: z.object({ id: Id, displayName: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const CoordinationRequestDetail = CoordinationRequestSummary.extend({
  ageBands: z.array(z.enum(AGE_BANDS)),
  sexes: z.array(z.enum(SEXES)),
  nationalities: z.array(z.enum(NATIONALITIES)),
  needs: z.string(),
  context: z.string().nullable(),
  requester: z.object({ id: Id, displayName: z.string() }),
  acknowledgedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  acknowledgedAt: Timestamp.nullable(),
  stateReason: z.string().nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeReason: z.enum(NOT_SUCCESSFUL_REASONS).nullable(),
  closedAt: Timestamp.nullable(),
  /** The requester's rating of the response, once done. */
  rating: RatingView.nullable(),
  /** The moves the viewer may make now. */
  transitions: z.array(CoordinationStateCode),
  events: z.array(CoordinationEventView),
});
export type CoordinationRequestDetail = z.infer<typeof CoordinationRequestDetail>;
export const CoordinationRequestPage = Page(CoordinationRequestSummary);
