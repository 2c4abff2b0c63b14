/** Pure: rows to the views the contract declares. */
import type { UnitView } from '../../../common/coordination-api.ts';
import type { SlaStatus } from '../../../common/coordination-sla.ts';
import type { CoordinationRequestRow, CoordinationUnitRow } from '../../db/schema/index.ts';
import { type OrganisationSummaryRow, presentOrganisation } from '../../platform/projections.ts';

type Member = { unitId: string; role: 'member' | 'head'; user: { id: string; displayName: string } };

export const presentUnit = (
  unit: CoordinationUnitRow,
  organisation: OrganisationSummaryRow,
  members: Member[] | null,
): UnitView => ({
  id: unit.id,
  organisation: presentOrganisation(organisation),
  nameTh: unit.nameTh,
  nameEn: unit.nameEn,
  services: unit.services,
  coverage: unit.coverage,
  languages: unit.languages,
  active: unit.active,
  members:
    members?.map((m) => ({ userId: m.user.id, displayName: m.user.displayName, role: m.role })) ?? null,
});

export const presentUnitRef = (unit: CoordinationUnitRow, organisation: OrganisationSummaryRow) => ({
  id: unit.id,
  nameTh: unit.nameTh,
  nameEn: unit.nameEn,
  organisation: presentOrganisation(organisation),
});

export const presentRequestSummary = (
  r: CoordinationRequestRow,
  requestingOrganisation: OrganisationSummaryRow,
  unit: CoordinationUnitRow,
  unitOrganisation: OrganisationSummaryRow,
  sla: SlaStatus,
) => ({
  id: r.id,
  type: r.type,
  urgency: r.urgency,
  state: r.state,
  province: r.province,
  language: r.language,
  peopleCount: r.peopleCount,
  requestingOrganisation: presentOrganisation(requestingOrganisation),
  receivingUnit: presentUnitRef(unit, unitOrganisation),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  sla,
});
