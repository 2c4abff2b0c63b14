import type { z } from 'zod';
import {
  type ContactView,
  type OrganisationListItem,
  WORKING_WITH_US_FIELDS,
  type WorkingWithUs,
  type WorkingWithUsField,
} from '../../../common/directory-api.ts';
import type { OrganisationRow, organisationContacts } from '../../db/schema/index.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import type { OrganisationListRecord } from './organisations.queries.ts';
import { isStale } from './staleness.ts';

export const presentListItem =
  (now: Date) =>
  (o: OrganisationListRecord): OrganisationListItem => ({
    ...presentOrganisation(o),
    type: o.type,
    provinceCode: o.provinceCode,
    themes: o.themes,
    services: o.services,
    populations: o.populations,
    languages: o.languages,
    coverage: o.coverage,
    hasHotline24h: o.hasHotline24h,
    verifiedAt: o.verifiedAt?.toISOString() ?? null,
    changedSinceVerificationAt: (o.verifiedAt && o.contactsChangedAt?.toISOString()) || null,
    lastReviewedAt: o.lastReviewedAt?.toISOString() ?? null,
    stale: isStale(o, now),
  });

export const presentContact = (c: typeof organisationContacts.$inferSelect): ContactView => ({
  id: c.id,
  type: c.type,
  value: c.value,
  label: c.label,
  visibility: c.visibility,
});

export const presentWorkingWithUs = (
  o: Pick<OrganisationRow, WorkingWithUsField | `${WorkingWithUsField}En`>,
) =>
  Object.fromEntries(
    WORKING_WITH_US_FIELDS.map((field) => [field, { th: o[field], en: o[`${field}En`] }]),
  ) as z.infer<typeof WorkingWithUs>;
