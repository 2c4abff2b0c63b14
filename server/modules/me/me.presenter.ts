import type { MeView } from '../../../common/api.ts';
import type { OrganisationRow, UserRow } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { mustEnrolTotp } from '../../platform/sessions.ts';
import { presentOrganisation } from '../organisations/organisations.presenter.ts';

export const presentMe = (
  deps: Pick<Deps, 'config'>,
  user: UserRow,
  organisation: OrganisationRow,
): MeView => ({
  user: {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    language: user.language,
    totpEnabled: user.totpEnabledAt !== null,
    totpRequired: mustEnrolTotp(deps, user.role, user.totpEnabledAt),
  },
  organisation: presentOrganisation(organisation),
});
