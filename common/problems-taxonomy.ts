/**
 * Codes of the problems and recommendations board, with Thai and English labels.
 * Codes are stored in the database and never change; labels may be reworded freely.
 * Adding an entry or rewording a label bumps PROBLEMS_TAXONOMY_VERSION so clients can refresh cached lists.
 */
import type { TaxonomyEntry } from './directory-taxonomies.ts';

export const PROBLEMS_TAXONOMY_VERSION = '2026-11-1';

const entries = <const T extends readonly TaxonomyEntry[]>(list: T) => list;
const codesOf = <T extends readonly TaxonomyEntry[]>(list: T) =>
  list.map((e) => e.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const PROBLEM_TYPES = entries([
  { code: 'problem', th: 'ปัญหาอุปสรรค', en: 'Problem' },
  { code: 'recommendation', th: 'ข้อเสนอแนะ', en: 'Recommendation' },
]);

export const PROBLEM_CATEGORIES = entries([
  {
    code: 'victim_identification',
    th: 'การคัดแยกและคัดกรองผู้เสียหาย',
    en: 'Victim identification and screening',
  },
  { code: 'shelter_protection', th: 'สถานคุ้มครองและการคุ้มครองผู้เสียหาย', en: 'Shelter and protection' },
  { code: 'prosecution_evidence', th: 'การดำเนินคดีและพยานหลักฐาน', en: 'Prosecution and evidence' },
  {
    code: 'labour_fisheries_inspection',
    th: 'การตรวจแรงงานและการตรวจเรือประมง',
    en: 'Labour and fisheries inspection',
  },
  {
    code: 'documents_immigration',
    th: 'เอกสาร การเข้าเมือง และใบอนุญาตทำงาน',
    en: 'Documents, immigration and work permits',
  },
  { code: 'inter_agency_coordination', th: 'การประสานงานระหว่างหน่วยงาน', en: 'Inter-agency coordination' },
  { code: 'budget_resources', th: 'งบประมาณและทรัพยากร', en: 'Budget and resources' },
  { code: 'laws_regulations', th: 'กฎหมายและระเบียบ', en: 'Laws and regulations' },
  {
    code: 'online_scam_compounds',
    th: 'การแสวงประโยชน์ทางออนไลน์และแก๊งสแกมเมอร์',
    en: 'Online exploitation and scam compounds',
  },
  { code: 'training_capacity', th: 'การฝึกอบรมและพัฒนาศักยภาพ', en: 'Training and capacity' },
  { code: 'other', th: 'อื่น ๆ', en: 'Other' },
]);

/** The Centre's loop; see server/modules/problems/problem-states.ts for who may move a problem where. */
export const PROBLEM_STATES = entries([
  { code: 'submitted', th: 'ส่งเรื่องแล้ว', en: 'Submitted' },
  { code: 'under_review', th: 'อยู่ระหว่างพิจารณา', en: 'Under review' },
  { code: 'assigned', th: 'มอบหมายหน่วยงานแล้ว', en: 'Assigned' },
  { code: 'in_progress', th: 'อยู่ระหว่างดำเนินการ', en: 'In progress' },
  { code: 'resolved', th: 'แก้ไขแล้ว', en: 'Resolved' },
  { code: 'not_feasible', th: 'ไม่สามารถดำเนินการได้', en: 'Not feasible' },
  { code: 'duplicate', th: 'ซ้ำกับเรื่องอื่น', en: 'Duplicate' },
  { code: 'withdrawn', th: 'ถอนเรื่องแล้ว', en: 'Withdrawn' },
]);

/** Kinds of personal data the privacy check looks for before text is stored. */
export const PRIVACY_FINDING_KINDS = entries([
  { code: 'thai_national_id', th: 'เลขประจำตัวประชาชน', en: 'Thai national ID number' },
  { code: 'passport_number', th: 'เลขหนังสือเดินทาง', en: 'Passport number' },
  { code: 'phone_number', th: 'หมายเลขโทรศัพท์', en: 'Phone number' },
]);

export const PROBLEM_TYPE_CODES = codesOf(PROBLEM_TYPES);
export const PROBLEM_CATEGORY_CODES = codesOf(PROBLEM_CATEGORIES);
export const PROBLEM_STATE_CODES = codesOf(PROBLEM_STATES);
export const PRIVACY_FINDING_KIND_CODES = codesOf(PRIVACY_FINDING_KINDS);

export type ProblemType = (typeof PROBLEM_TYPES)[number]['code'];
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number]['code'];
export type ProblemState = (typeof PROBLEM_STATES)[number]['code'];
export type PrivacyFindingKind = (typeof PRIVACY_FINDING_KINDS)[number]['code'];

/** States where the network still works on a problem: it can be supported and may have a deadline. */
export const OPEN_STATES = [
  'submitted',
  'under_review',
  'assigned',
  'in_progress',
] as const satisfies readonly ProblemState[];
export const isOpenState = (s: ProblemState) => (OPEN_STATES as readonly string[]).includes(s);

/** Deadlines when the Centre has not set its own for a category (days). */
export const DEFAULT_DEADLINES = { firstAnswerDays: 14, updateIntervalDays: 30, escalationDays: 14 } as const;

/** Every list at once, as GET /api/v1/problems/taxonomies serves it. */
export const PROBLEMS_TAXONOMIES = {
  version: PROBLEMS_TAXONOMY_VERSION,
  types: PROBLEM_TYPES,
  categories: PROBLEM_CATEGORIES,
  states: PROBLEM_STATES,
  privacyFindingKinds: PRIVACY_FINDING_KINDS,
};

const byCode = new Map<string, TaxonomyEntry>(
  [...PROBLEM_TYPES, ...PROBLEM_CATEGORIES, ...PROBLEM_STATES].map((e) => [e.code, e]),
);
/** Labels of a problem type, category or state code, for search documents and exports. */
export const problemLabelOf = (code: string): TaxonomyEntry | undefined => byCode.get(code);
