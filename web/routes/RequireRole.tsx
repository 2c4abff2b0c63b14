import { Outlet } from 'react-router';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { useSignedInMe } from '../lib/session.ts';
import type { Role } from '../lib/types.ts';

/** Pages a role may not use look as if they do not exist, like the API's 404 for hidden resources. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useSignedInMe();
  return roles.includes(me.user.role) ? <Outlet /> : <NotFoundPage />;
}
