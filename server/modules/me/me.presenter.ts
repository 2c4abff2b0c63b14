import type { MeView } from '../../../common/api.ts';
import type { UserRow } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import { mustEnrolTotp, type SessionOrganisation } from '../../platform/sessions.ts';

export const presentMe = (
  deps: Pick<Deps, 'config'>,
  user: UserRow,
  organisation: SessionOrganisation,
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
