import type { PersonView } from '../../../common/directory-api.ts';
import type { FocalTopic } from '../../../common/directory-taxonomies.ts';
import type { PersonRow } from '../../db/schema/index.ts';
import { can } from '../../platform/policy.ts';
import { type OrganisationSummaryRow, presentOrganisation } from '../../platform/projections.ts';
import { type Viewer, visiblePersonalFields } from './visibility.ts';

export type OpenRole = { topic: FocalTopic; startedAt: Date };

export const presentPersonBrief = (p: PersonRow) => ({
  id: p.id,
  nameTh: p.nameTh,
  nameEn: p.nameEn,
  position: p.position,
  positionEn: p.positionEn,
  active: p.active,
});

export const presentPerson =
  (viewer: Viewer) =>
  (p: PersonRow, organisation: OrganisationSummaryRow, roles: OpenRole[]): PersonView => {
    const contact = visiblePersonalFields(viewer, p);
    return {
      ...presentPersonBrief(p),
      organisation: presentOrganisation(organisation),
      userId: p.userId,
      department: p.department,
      phones: contact.phones,
      email: contact.email,
      lineId: contact.lineId,
      languages: p.languages,
      hidden: contact.hidden,
      visibility: can(viewer.actor, 'person.manage', p) ? p.visibility : null,
      focalTopics: roles.map((r) => ({ topic: r.topic, since: r.startedAt.toISOString() })),
      version: p.version,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  };
