/**
 * How every password change ends, by reset link or from the account page: whoever may know the old
 * password is signed out, the owner is told by email in case it was not them, and the audit log has it.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, type UserRow } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';

/** In the change's transaction; the caller kicks the mailer once it has committed. */
export async function endPasswordChange(
  tx: Db,
  deps: Pick<Deps, 'hasMailTransport' | 'logger'>,
  ctx: RequestContext,
  user: Pick<UserRow, 'id' | 'email' | 'language' | 'displayName'>,
  how: { action: 'auth.password_reset' | 'user.password_changed'; keepSessionId?: string },
) {
  await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        how.keepSessionId === undefined ? undefined : ne(sessions.id, how.keepSessionId),
      ),
    );
  await enqueueEmail(tx, deps, ctx.now, {
    to: user.email,
    language: user.language,
    template: { kind: 'password_changed', displayName: user.displayName },
  });
  await recordAudit(tx, ctx, {
    action: how.action,
    entityType: 'user',
    entityId: user.id,
    changes: { password: 'changed' },
  });
}
