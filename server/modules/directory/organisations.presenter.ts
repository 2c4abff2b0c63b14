import type { OrganisationSummary } from '../../../common/api.ts';
import type { OrganisationListItem } from '../../../common/directory-api.ts';
import type { OrganisationRow } from '../../db/schema/index.ts';
import type { OrganisationRecord } from './organisations.queries.ts';
import { isStale } from './staleness.ts';

export const presentOrganisation = (
  o: Pick<OrganisationRow, 'id' | 'nameTh' | 'nameEn' | 'abbreviation' | 'sector'>,
): OrganisationSummary => ({
  id: o.id,
  nameTh: o.nameTh,
  nameEn: o.nameEn,
  abbreviation: o.abbreviation,
  sector: o.sector,
});

export const presentListItem =
  (now: Date) =>
  (o: OrganisationRecord): OrganisationListItem => ({
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
    lastReviewedAt: o.lastReviewedAt?.toISOString() ?? null,
    stale: isStale(o, now),
  });
