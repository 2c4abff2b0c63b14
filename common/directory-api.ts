/** The HTTP contract of the network directory: organisations, people, focal points, finder, exports. */
import { z } from 'zod';
import { Id, Language, OrganisationSummary, Page, PageQuery, Sector, Timestamp } from './api.ts';
import { isEmailAddress, isLineId, isWebAddress, normalisePhone } from './contact-values.ts';
import { type ContactType, PHONE_TYPE_CODES } from './directory-taxonomies.ts';
import {
  ContactTypeCode,
  CoverageCode,
  FocalTopicCode,
  OrganisationTypeCode,
  PhoneTypeCode,
  PopulationCode,
  ProvinceCode,
  ServiceCode,
  ServiceLanguageCode,
  ThemeCode,
  VisibilityCode,
} from './taxonomy-codes.ts';
import { WORKING_WITH_US_FIELDS, type WorkingWithUsField } from './working-with-us.ts';

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) => Text(max).nullable().optional();
const codeList = <T extends z.ZodType>(code: T, max = 100) => z.array(code).max(max);
/** A filter that may be given once or repeated (`theme=a&theme=b`); values of one filter are OR-ed. */
const oneOrMany = <T extends z.ZodType>(code: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(code).max(30)).optional();
const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

// ---- organisations -----------------------------------------------------------
const PHONE_PROBLEM =
  'Not a phone number: a Thai number (02-141-1234, 081-234-5678), a short number (1300) or +country code';
/** A phone number, stored in the one form TIPNet shows and dials (common/contact-values.ts). */
const PhoneValue = (max: number) =>
  Text(max)
    .min(1)
    .transform((value, ctx) => {
      const phone = normalisePhone(value);
      if (phone) return phone;
      ctx.addIssue({ code: 'custom', message: PHONE_PROBLEM });
      return z.NEVER;
    });

const isPhoneType = (type: ContactType) => (PHONE_TYPE_CODES as readonly string[]).includes(type);

const CONTACT_PROBLEMS: Record<ContactType, { valid: (value: string) => boolean; message: string }> = {
  phone_office: { valid: (v) => normalisePhone(v) !== null, message: PHONE_PROBLEM },
  phone_mobile: { valid: (v) => normalisePhone(v) !== null, message: PHONE_PROBLEM },
  hotline_24h: { valid: (v) => normalisePhone(v) !== null, message: PHONE_PROBLEM },
  fax: { valid: (v) => normalisePhone(v) !== null, message: PHONE_PROBLEM },
  email: { valid: isEmailAddress, message: 'Not an email address' },
  line: { valid: isLineId, message: 'Not a LINE id: 4–20 letters, digits, . _ or -, optionally after @' },
  website: { valid: isWebAddress, message: 'Not a web address: it starts with https://' },
};

export const ContactInput = z
  .strictObject({
    type: ContactTypeCode,
    value: Text(300).min(1),
    label: OptionalText(200),
    visibility: VisibilityCode.default('all_members'),
  })
  .superRefine((contact, ctx) => {
    const rule = CONTACT_PROBLEMS[contact.type];
    if (!rule.valid(contact.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: rule.message });
  })
  .transform((contact) => ({
    ...contact,
    value: isPhoneType(contact.type) ? normalisePhone(contact.value)! : contact.value,
  }));
export const ContactView = z.object({
  id: Id,
  type: ContactTypeCode,
  value: z.string(),
  label: z.string().nullable(),
  visibility: VisibilityCode,
});
export type ContactView = z.infer<typeof ContactView>;

export { WORKING_WITH_US_FIELDS, type WorkingWithUsField };

const Bilingual = z.object({ th: z.string().nullable(), en: z.string().nullable() });
export const WorkingWithUs = z.object(
  Object.fromEntries(WORKING_WITH_US_FIELDS.map((field) => [field, Bilingual])) as Record<
    WorkingWithUsField,
    typeof Bilingual
  >,
);

const organisationFields = {
  nameTh: Text(300).min(1),
  nameEn: Text(300).min(1),
  abbreviation: OptionalText(50),
  abbreviationEn: OptionalText(50),
  sector: Sector,
  type: OrganisationTypeCode.nullable().optional(),
  parentId: Id.nullable().optional(),
  descriptionTh: OptionalText(5000),
  descriptionEn: OptionalText(5000),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  address: OptionalText(1000),
  provinceCode: ProvinceCode.nullable().optional(),
  themes: codeList(ThemeCode).optional(),
  services: codeList(ServiceCode).optional(),
  populations: codeList(PopulationCode).optional(),
  languages: codeList(ServiceLanguageCode).optional(),
  coverage: codeList(CoverageCode).optional(),
  eligibilityNotes: OptionalText(2000),
  shelterCapacity: z.number().int().min(0).max(100_000).nullable().optional(),
  mandateAndLimits: OptionalText(4000),
  howToRequestHelp: OptionalText(4000),
  documentsRequired: OptionalText(2000),
  officeHours: OptionalText(500),
  afterHoursContact: OptionalText(500),
  typicalTurnaround: OptionalText(500),
  mandateAndLimitsEn: OptionalText(4000),
  howToRequestHelpEn: OptionalText(4000),
  documentsRequiredEn: OptionalText(2000),
  officeHoursEn: OptionalText(500),
  afterHoursContactEn: OptionalText(500),
  typicalTurnaroundEn: OptionalText(500),
  /** Replaces the organisation's whole list of contact channels. */
  contacts: z.array(ContactInput).max(30).optional(),
};
export const CreateOrganisationBody = z.strictObject(organisationFields);
export type CreateOrganisationBody = z.infer<typeof CreateOrganisationBody>;
/** `version` is the one the editor read; a newer one on the server answers 409 VERSION_CONFLICT. */
export const UpdateOrganisationBody = z.strictObject({
  ...organisationFields,
  nameTh: organisationFields.nameTh.optional(),
  nameEn: organisationFields.nameEn.optional(),
  sector: Sector.optional(),
  version: z.number().int().min(1),
});
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;

export const OrganisationListItem = OrganisationSummary.extend({
  type: OrganisationTypeCode.nullable(),
  provinceCode: ProvinceCode.nullable(),
  themes: z.array(ThemeCode),
  services: z.array(ServiceCode),
  populations: z.array(PopulationCode),
  languages: z.array(ServiceLanguageCode),
  coverage: z.array(CoverageCode),
  hasHotline24h: z.boolean(),
  verifiedAt: Timestamp.nullable(),
  /** Verified, but its contact fields were edited since by someone other than the Centre: under review. */
  changedSinceVerificationAt: Timestamp.nullable(),
  lastReviewedAt: Timestamp.nullable(),
  stale: z.boolean(),
});
export type OrganisationListItem = z.infer<typeof OrganisationListItem>;

export const DirectoryFilters = z.strictObject({
  q: z.string().max(200).optional(),
  sector: oneOrMany(Sector),
  type: oneOrMany(OrganisationTypeCode),
  theme: oneOrMany(ThemeCode),
  service: oneOrMany(ServiceCode),
  /** A province code also matches nationwide organisations; 'nationwide' and 'abroad' match those flags. */
  province: oneOrMany(CoverageCode),
  language: oneOrMany(ServiceLanguageCode),
  population: oneOrMany(PopulationCode),
  hotline24h: Flag,
  /** Verified by the Centre and not changed since (an entry awaiting its review is left out). */
  verified: Flag,
  stale: Flag,
});
export type DirectoryFilters = z.infer<typeof DirectoryFilters>;
export const OrganisationListQuery = PageQuery.extend({
  ...DirectoryFilters.shape,
  /** `facets=1`: also count, per filter, how many organisations each value would give. */
  facets: Flag,
  /** The reader's language: names are listed in it, Thai ones in Thai alphabetical order. */
  lang: Language.default('en'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

const Counts = z.record(z.string(), z.number().int());
/** A search with words counts its facets over at most this many matches (then `capped`). */
export const DIRECTORY_FACET_CAP = 1000;

export const DirectoryFacets = z.object({
  total: z.number().int(),
  sector: Counts,
  type: Counts,
  theme: Counts,
  service: Counts,
  province: Counts,
  language: Counts,
  population: Counts,
  hotline24h: z.number().int(),
  verified: z.number().int(),
  stale: z.number().int(),
  /**
   * The search matched more than DIRECTORY_FACET_CAP: every count is of the first matches found, so a
   * lower bound, shown as "1,000+".
   */
  capped: z.boolean(),
});
export type DirectoryFacets = z.infer<typeof DirectoryFacets>;
export const OrganisationListPage = Page(OrganisationListItem).extend({ facets: DirectoryFacets.optional() });

// ---- people ----------------------------------------------------------------------
export const PersonPhone = z.strictObject({ type: PhoneTypeCode, value: PhoneValue(50) });
export const PersonVisibility = z.strictObject({
  phones: VisibilityCode,
  email: VisibilityCode,
  lineId: VisibilityCode,
});
export const PersonBrief = z.object({
  id: Id,
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  position: z.string().nullable(),
  positionEn: z.string().nullable(),
  active: z.boolean(),
});
export const PersonView = PersonBrief.extend({
  organisation: OrganisationSummary,
  userId: Id.nullable(),
  department: z.string().nullable(),
  /** Empty, and listed in `hidden`, when the viewer may not see them. */
  phones: z.array(z.object({ type: PhoneTypeCode, value: z.string() })),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  languages: z.array(ServiceLanguageCode),
  /** Contact fields withheld from this viewer (observers, or "Centre only" fields). */
  hidden: z.array(z.enum(['phones', 'email', 'lineId'])),
  /** Only to those who may edit the person. */
  visibility: PersonVisibility.nullable(),
  focalTopics: z.array(z.object({ topic: FocalTopicCode, since: Timestamp })),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PersonView = z.infer<typeof PersonView>;

const personFields = {
  nameTh: Text(200).min(1),
  nameEn: OptionalText(200),
  position: OptionalText(200),
  positionEn: OptionalText(200),
  department: OptionalText(200),
  phones: z.array(PersonPhone).max(10).optional(),
  email: z.email().max(254).nullable().optional(),
  lineId: Text(100)
    .refine(
      (v) => v === '' || isLineId(v),
      'Not a LINE id: 4–20 letters, digits, . _ or -, optionally after @',
    )
    .nullable()
    .optional(),
  languages: codeList(ServiceLanguageCode).optional(),
  visibility: PersonVisibility.optional(),
  /** The topics this person is focal point for; the service starts and ends assignments to match. */
  focalTopics: z.array(FocalTopicCode).max(30).optional(),
};
export const CreatePersonBody = z.strictObject({
  organisationId: Id,
  userId: Id.nullable().optional(),
  ...personFields,
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;
export const UpdatePersonBody = z.strictObject({
  ...personFields,
  nameTh: personFields.nameTh.optional(),
  /** false: the person has left; their focal-point roles show as vacant until handed over. */
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;
export const PeopleListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  organisationId: Id.optional(),
  active: Flag,
});
export const HandoverBody = z.strictObject({ toPersonId: Id });
export const HandoverView = z.object({
  from: PersonView,
  to: PersonView,
  topics: z.array(FocalTopicCode),
});

// ---- organisation page -------------------------------------------------------------
export const FocalPointView = z.object({
  topic: FocalTopicCode,
  /** null when nobody holds the role. */
  person: PersonBrief.nullable(),
  /** The holder has left (inactive): the role needs a handover. */
  vacant: z.boolean(),
  since: Timestamp,
});
export const ChangeView = z.object({
  at: Timestamp,
  actor: z.object({ id: Id, displayName: z.string() }).nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
});
export const OrganisationDetail = OrganisationListItem.extend({
  parent: OrganisationSummary.nullable(),
  children: z.array(OrganisationSummary),
  descriptionTh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  eligibilityNotes: z.string().nullable(),
  shelterCapacity: z.number().int().nullable(),
  capacityUpdatedAt: Timestamp.nullable(),
  workingWithUs: WorkingWithUs,
  verifiedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  staleSince: Timestamp.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  contacts: z.array(ContactView),
  people: z.array(PersonView),
  focalPoints: z.array(FocalPointView),
  /** Field-level changes from the audit log, newest first. */
  history: z.array(ChangeView),
  permissions: z.object({
    edit: z.boolean(),
    review: z.boolean(),
    verify: z.boolean(),
    /** Add people to this organisation (and edit them, mark them as left, hand over their roles). */
    addPerson: z.boolean(),
  }),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;

// ---- verification review ---------------------------------------------------------------
/**
 * One contact field that differs from what the Centre verified. `field`: the organisation's `website`,
 * `address`, `officeHours`, `afterHoursContact`, a channel `contact:<contact type>`, or a focal point's
 * `phones`, `email`, `lineId`. A value is null where the field was or is empty.
 */
export const VerificationChange = z.object({
  field: z.string(),
  /** The focal point whose contact it is; null for the organisation's own fields. */
  person: PersonBrief.pick({ id: true, nameTh: true, nameEn: true }).nullable(),
  atVerification: z.string().nullable(),
  current: z.string().nullable(),
});
export type VerificationChange = z.infer<typeof VerificationChange>;
/** The values a re-verification from the review covers: 409 CONTACTS_CHANGED_AGAIN if they moved on since. */
export const VerifyOrganisationQuery = z.strictObject({
  seen: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export const VerificationQueueItem = z.object({
  organisation: OrganisationSummary,
  /** Names the current values shown here; send it back as `seen` when re-verifying. */
  fingerprint: z.string(),
  verifiedAt: Timestamp,
  changedAt: Timestamp,
  changes: z.array(VerificationChange),
});
export type VerificationQueueItem = z.infer<typeof VerificationQueueItem>;
export const VerificationQueueView = z.object({ items: z.array(VerificationQueueItem) });
export type VerificationQueueView = z.infer<typeof VerificationQueueView>;

// ---- finder -----------------------------------------------------------------------------
export const FinderQuery = z.strictObject({
  service: ServiceCode,
  province: ProvinceCode,
  language: ServiceLanguageCode.optional(),
  population: PopulationCode.optional(),
});
/**
 * What a finder result shows of its organisation: its name and whether the Centre's verification holds.
 * Not its themes, services or coverage: the finder chose it for those, and a phone on a slow link pays for
 * every byte of 50 results.
 */
export const FinderOrganisation = OrganisationListItem.pick({
  id: true,
  nameTh: true,
  nameEn: true,
  abbreviation: true,
  abbreviationEn: true,
  sector: true,
  verifiedAt: true,
  changedSinceVerificationAt: true,
  lastReviewedAt: true,
  stale: true,
});
export type FinderOrganisation = z.infer<typeof FinderOrganisation>;
export const FinderResult = z.object({
  organisation: FinderOrganisation,
  coverage: z.enum(['province', 'nationwide']),
  languageMatch: z.boolean(),
  hotlines: z.array(ContactView),
  phones: z.array(ContactView),
  focalPoint: z
    .object({
      person: PersonBrief.extend({ phones: PersonView.shape.phones, hidden: PersonView.shape.hidden }),
      vacant: z.boolean(),
    })
    .nullable(),
  officeHours: z.string().nullable(),
  afterHoursContact: z.string().nullable(),
  officeHoursEn: z.string().nullable(),
  afterHoursContactEn: z.string().nullable(),
});
export const FinderView = z.object({ items: z.array(FinderResult) });
export type FinderView = z.infer<typeof FinderView>;

// ---- province contact sheet ---------------------------------------------------------------
export const ContactSheetParams = z.strictObject({ code: ProvinceCode });
/** The directory's filters except the province, which the path names. */
export const ContactSheetQuery = DirectoryFilters.omit({ province: true });
export type ContactSheetQuery = z.infer<typeof ContactSheetQuery>;
export const ContactSheetPerson = PersonBrief.extend({
  department: z.string().nullable(),
  phones: PersonView.shape.phones,
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  hidden: PersonView.shape.hidden,
  focalTopics: z.array(FocalTopicCode),
});
export const ContactSheetEntry = z.object({
  organisation: OrganisationListItem,
  /** Works in the province itself, or everywhere. */
  coverage: z.enum(['province', 'nationwide']),
  address: z.string().nullable(),
  officeHours: z.string().nullable(),
  afterHoursContact: z.string().nullable(),
  officeHoursEn: z.string().nullable(),
  afterHoursContactEn: z.string().nullable(),
  contacts: z.array(ContactView),
  /** Active people only, focal points first. */
  people: z.array(ContactSheetPerson),
});
export const ContactSheetView = z.object({
  province: ProvinceCode,
  generatedAt: Timestamp,
  /** All organisations matching; `items` stops at a page-friendly maximum. */
  total: z.number().int(),
  items: z.array(ContactSheetEntry),
});
export type ContactSheetView = z.infer<typeof ContactSheetView>;

/** `lang=th`: Thai headers, labels and Buddhist-Era dates (else the browser's Accept-Language decides). */
const CsvLanguage = { lang: Language.optional() };
export const ExportOrganisationsQuery = DirectoryFilters.extend(CsvLanguage);
export const ExportPeopleQuery = z.strictObject({ organisationId: Id.optional(), ...CsvLanguage });

const Entries = z.array(z.object({ code: z.string(), th: z.string(), en: z.string() })).readonly();
export const TaxonomiesView = z.object({
  version: z.string(),
  organisationTypes: Entries,
  themes: Entries,
  services: Entries,
  populations: Entries,
  provinces: Entries,
  coverageFlags: Entries,
  languages: Entries,
  phoneTypes: Entries,
  contactTypes: Entries,
  visibilities: Entries,
  focalRoles: Entries,
});
