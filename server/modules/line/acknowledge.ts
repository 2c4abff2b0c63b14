/**
 * The "รับทราบ / Acknowledge" quick reply under a coordination escalation on LINE. The button carries the
 * escalation's signed acknowledge token, the one its email link carries (one request, one person, a day).
 * Tapping it sends a postback; TIPNet acknowledges as the TIPNet user linked to the LINE account that
 * tapped, through the coordination service and the policy exactly as the signed link does, and replies
 * with how it went. A token tapped from another LINE account, expired or altered acknowledges nothing.
 */
import { eq } from 'drizzle-orm';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { type LinePostbackButton, lineLinks, users } from '../../db/schema/index.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { mustEnrolTotp } from '../../platform/sessions.ts';
import { acknowledgeByLink } from '../coordination/index.ts';

const PREFIX = 'ack:';
const LABEL: Record<Language, string> = { th: 'รับทราบ', en: 'Acknowledge' };

/** The quick-reply button; LINE allows 300 characters of postback data, a token takes about 220. */
export const acknowledgeButton = (lang: Language, token: string): LinePostbackButton => ({
  label: LABEL[lang],
  data: `${PREFIX}${token}`,
  displayText: LABEL[lang],
});

/** The acknowledge token a postback carries, or null when the postback is something else. */
export const acknowledgeTokenOf = (data: string) =>
  data.startsWith(PREFIX) ? data.slice(PREFIX.length) : null;

const REPLY = {
  done: { th: 'รับทราบคำขอประสานงานแล้ว', en: 'You acknowledged the coordination request' },
  yoursAlready: { th: 'คุณรับทราบคำขอนี้ไปแล้ว', en: 'You had already acknowledged this request' },
  firstWas: {
    th: (name: string) => `${name} รับทราบคำขอนี้ไปก่อนแล้ว`,
    en: (name: string) => `${name} acknowledged this request first`,
  },
  expired: {
    th: 'ปุ่มรับทราบนี้หมดอายุแล้ว เปิดคำขอจากลิงก์ในข้อความด้านบน',
    en: 'This acknowledge button has expired; open the request from the link above',
  },
  refused: {
    th: 'รับทราบผ่าน LINE ไม่ได้ เปิดคำขอจากลิงก์ในข้อความด้านบน',
    en: 'Could not acknowledge from LINE; open the request from the link above',
  },
  notLinked: 'บัญชี LINE นี้ยังไม่ได้เชื่อมกับ TIPNet / This LINE account is not linked to a TIPNet account',
};

type AcknowledgedBy = { acknowledgedBy?: { id: string; displayName: string } | null };

/**
 * Acknowledges the request the token names as the linked user, inside the webhook event's transaction
 * (the coordination service's own transaction becomes a savepoint: a refusal changes nothing). Returns
 * the reply to send. Errors other than the service's refusals propagate, so LINE redelivers the event.
 */
export async function acknowledgeFromLine(
  tx: Db,
  deps: Pick<Deps, 'config'>,
  ctx: RequestContext,
  lineUserId: string,
  token: string,
): Promise<string> {
  const [who] = await tx
    .select({
      id: users.id,
      organisationId: users.organisationId,
      role: users.role,
      active: users.active,
      language: users.language,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(lineLinks)
    .innerJoin(users, eq(users.id, lineLinks.userId))
    .where(eq(lineLinks.lineUserId, lineUserId));
  if (!who?.active) return REPLY.notLinked;
  const actor: Actor = {
    userId: who.id,
    organisationId: who.organisationId,
    role: who.role,
    sessionId: 'line',
    mustEnrolTotp: mustEnrolTotp(deps, who.role, who.totpEnabledAt),
  };
  const lang = who.language;
  try {
    await acknowledgeByLink(tx, { ...ctx, actor, idempotency: null }, deps.config.sessionSecret, token);
    return REPLY.done[lang];
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'ALREADY_ACKNOWLEDGED') {
      const first = (err.details as AcknowledgedBy | undefined)?.acknowledgedBy;
      if (first?.id === who.id) return REPLY.yoursAlready[lang];
      if (first) return REPLY.firstWas[lang](first.displayName);
    }
    if (err.code === 'ACK_LINK_EXPIRED') return REPLY.expired[lang];
    return REPLY.refused[lang];
  }
}
