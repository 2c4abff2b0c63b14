/** What of the directory's contact details a viewer may see; every presenter and export goes through here. */
import type { Visibility } from '../../../common/directory-taxonomies.ts';
import type { OrganisationContactRow, PersonRow } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { can } from '../../platform/policy.ts';

export type Viewer = {
  actor: Actor;
  /** "Centre only" fields of this organisation. */
  seesRestricted: (organisationId: string) => boolean;
  /** People's own phones, email and LINE: everyone but observers. */
  seesPersonal: boolean;
};

export function viewerOf(actor: Actor): Viewer {
  return {
    actor,
    seesRestricted: (organisationId) => can(actor, 'contact.readRestricted', { organisationId }),
    seesPersonal: can(actor, 'contact.readPersonal', undefined),
  };
}

const allowed = (viewer: Viewer, organisationId: string, visibility: Visibility) =>
  visibility === 'all_members' || viewer.seesRestricted(organisationId);

export const visibleContacts = (viewer: Viewer, contacts: OrganisationContactRow[]) =>
  contacts.filter((c) => allowed(viewer, c.organisationId, c.visibility));

export type PersonalField = 'phones' | 'email' | 'lineId';
const PERSONAL_FIELDS: PersonalField[] = ['phones', 'email', 'lineId'];

/** The person's contact fields this viewer sees, and the names of the ones withheld. */
export function visiblePersonalFields(viewer: Viewer, person: PersonRow) {
  const shows = (field: PersonalField) =>
    viewer.seesPersonal && allowed(viewer, person.organisationId, person.visibility[field]);
  const hidden = PERSONAL_FIELDS.filter((f) => !shows(f) && hasValue(person, f));
  return {
    phones: shows('phones') ? person.phones : [],
    email: shows('email') ? person.email : null,
    lineId: shows('lineId') ? person.lineId : null,
    hidden,
  };
}

const hasValue = (p: PersonRow, f: PersonalField) => (f === 'phones' ? p.phones.length > 0 : !!p[f]);
