import type { z } from 'zod';
import {
  type ContactView,
  type FinderOrganisation,
  type OrganisationListItem,
  WORKING_WITH_US_FIELDS,
  type WorkingWithUs,
  type WorkingWithUsField,
} from '../../../common/directory-api.ts';
import type { OrganisationRow, organisationContacts } from '../../db/schema/index.ts';
import { type OrganisationSummaryRow, presentOrganisation } from '../../platform/projections.ts';
import type { OrganisationListRecord } from './organisations.queries.ts';
import { isStale } from './staleness.ts';

/**
 * Built with Object.assign, not spreads: an object literal that spreads one object and then takes more
 * fields is made on V8's slow path. For a 50-item page this took 0.48 ms against 0.04 ms, a tenth of
 * the server's time per search.
 */
export const presentListItem =
  (now: Date) =>
  (o: OrganisationListRecord): OrganisationListItem =>
    Object.assign(
      presentOrganisation(o),
      {
        type: o.type,
        provinceCode: o.provinceCode,
        themes: o.themes,
        services: o.services,
        populations: o.populations,
        languages: o.languages,
        coverage: o.coverage,
        hasHotline24h: o.hasHotline24h,
      },
      presentVerification(o, now),
    );

type Verifiable = Pick<
  OrganisationListRecord,
  'verifiedAt' | 'contactsChangedAt' | 'lastReviewedAt' | 'createdAt'
>;

/** Whether the Centre's verification holds, and whether anyone has confirmed the entry lately. */
const presentVerification = (o: Verifiable, now: Date) => ({
  verifiedAt: o.verifiedAt?.toISOString() ?? null,
  changedSinceVerificationAt: (o.verifiedAt && o.contactsChangedAt?.toISOString()) || null,
  lastReviewedAt: o.lastReviewedAt?.toISOString() ?? null,
  stale: isStale(o, now),
});

export const presentFinderOrganisation =
  (now: Date) =>
  (o: OrganisationSummaryRow & Verifiable): FinderOrganisation =>
    Object.assign(presentOrganisation(o), presentVerification(o, now));

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
