/**
 * The taxonomies' codes as Zod enums, for the contract. Apart from the lists themselves
 * (directory-taxonomies.ts, problems-taxonomy.ts), which the web app loads on its first screens without Zod.
 */
import { z } from 'zod';
import {
  CONTACT_TYPE_CODES,
  COVERAGE_CODES,
  FOCAL_TOPIC_CODES,
  ORGANISATION_TYPE_CODES,
  PHONE_TYPE_CODES,
  POPULATION_CODES,
  PROVINCE_CODES,
  SERVICE_CODES,
  SERVICE_LANGUAGE_CODES,
  THEME_CODES,
  VISIBILITY_CODES,
} from './directory-taxonomies.ts';
import {
  PRIVACY_FINDING_KIND_CODES,
  PROBLEM_CATEGORY_CODES,
  PROBLEM_STATE_CODES,
  PROBLEM_TYPE_CODES,
} from './problems-taxonomy.ts';

export const OrganisationTypeCode = z.enum(ORGANISATION_TYPE_CODES);
export const ThemeCode = z.enum(THEME_CODES);
export const ServiceCode = z.enum(SERVICE_CODES);
export const PopulationCode = z.enum(POPULATION_CODES);
export const ProvinceCode = z.enum(PROVINCE_CODES);
export const CoverageCode = z.enum(COVERAGE_CODES);
export const ServiceLanguageCode = z.enum(SERVICE_LANGUAGE_CODES);
export const PhoneTypeCode = z.enum(PHONE_TYPE_CODES);
export const ContactTypeCode = z.enum(CONTACT_TYPE_CODES);
export const VisibilityCode = z.enum(VISIBILITY_CODES);
export const FocalTopicCode = z.enum(FOCAL_TOPIC_CODES);

export const ProblemTypeCode = z.enum(PROBLEM_TYPE_CODES);
export const ProblemCategoryCode = z.enum(PROBLEM_CATEGORY_CODES);
export const ProblemStateCode = z.enum(PROBLEM_STATE_CODES);
export const PrivacyFindingKindCode = z.enum(PRIVACY_FINDING_KIND_CODES);
