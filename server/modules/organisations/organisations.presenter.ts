import type { OrganisationSummary } from '../../../common/api.ts';
import type { OrganisationRow } from '../../db/schema/index.ts';

export const presentOrganisation = (o: OrganisationRow): OrganisationSummary => ({
  id: o.id,
  nameTh: o.nameTh,
  nameEn: o.nameEn,
  abbreviation: o.abbreviation,
  sector: o.sector,
});
