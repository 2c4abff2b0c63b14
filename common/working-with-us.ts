/**
 * The "working with us" texts of an organisation, each in Thai and optionally in English (the English UI
 * falls back to the Thai). Apart from the Zod contract so the organisation page, which the finder links
 * to, loads without it.
 */
export const WORKING_WITH_US_FIELDS = [
  'mandateAndLimits',
  'howToRequestHelp',
  'documentsRequired',
  'officeHours',
  'afterHoursContact',
  'typicalTurnaround',
] as const;
export type WorkingWithUsField = (typeof WORKING_WITH_US_FIELDS)[number];
