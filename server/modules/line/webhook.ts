/**
 * The Messaging API webhook. The signature is checked on the raw body before anything is parsed or written;
 * each event is handled once by its webhookEventId (LINE redelivers), inside one transaction with its
 * audit event. Replies to LINE (the link on `follow`, the outcome of an acknowledge quick reply) go out
 * after the answer, so LINE gets its 200 at once.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { LineConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { lineLinkNonces, lineLinks, lineOutbox, lineWebhookEvents } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { acknowledgeFromLine, acknowledgeTokenOf } from './acknowledge.ts';
import { lineApi } from './client.ts';
import { hashNonce } from './line.service.ts';

/** Base64 HMAC-SHA256 of the raw body with the channel secret, compared in constant time. */
export function validLineSignature(secret: string, rawBody: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const LineUserId = z.string().regex(/^U[0-9a-f]{32}$/);
const Base = {
  webhookEventId: z.string().min(1).max(100),
  timestamp: z.number().optional(),
  source: z.object({ type: z.string(), userId: LineUserId.optional() }).optional(),
  replyToken: z.string().max(200).optional(),
};
const LineEvent = z.object({
  ...Base,
  type: z.string().max(50),
  /** accountLink only. */
  link: z.object({ result: z.enum(['ok', 'failed']), nonce: z.string().max(200).optional() }).optional(),
  /** postback only: the data of the quick-reply button tapped. */
  postback: z.object({ data: z.string().max(300) }).optional(),
});
export const LineWebhookBody = z.object({ destination: z.string().optional(), events: z.array(z.unknown()) });
type LineEvent = z.infer<typeof LineEvent>;

const TEXTS = {
  follow: (link: string) =>
    `ยินดีต้อนรับสู่ TIPNet — เชื่อมต่อบัญชี LINE กับ TIPNet เพื่อรับการแจ้งเตือน: ${link}\n` +
    `Welcome to TIPNet — link LINE to your TIPNet account to get notifications: ${link}`,
  linked: 'เชื่อมต่อ LINE กับ TIPNet แล้ว / LINE is now linked to TIPNet',
  linkFailed: 'เชื่อมต่อไม่สำเร็จ ลองใหม่จากหน้าตั้งค่าใน TIPNet / Linking failed; try again from TIPNet settings',
};

type Later = () => Promise<unknown>;

/** Handles one event in one transaction; returns work to do once LINE has its answer. */
async function handleEvent(
  deps: Pick<Deps, 'db' | 'config'>,
  line: LineConfig,
  ctx: RequestContext,
  event: LineEvent,
): Promise<Later | null> {
  const lineUserId = event.source?.userId;
  return deps.db.transaction(async (tx: Db) => {
    const claimed = await tx
      .insert(lineWebhookEvents)
      .values({ webhookEventId: event.webhookEventId, type: event.type, receivedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ id: lineWebhookEvents.webhookEventId });
    if (claimed.length === 0 || !lineUserId) return null;
    const reply = event.replyToken;
    if (event.type === 'follow') {
      if (!reply) return null;
      return async () => {
        const linkToken = await lineApi.issueLinkToken(line, lineUserId);
        const url = `${deps.config.baseUrl}/settings?lineLinkToken=${encodeURIComponent(linkToken)}#line`;
        await lineApi.reply(line, reply, [{ type: 'text', text: TEXTS.follow(url) }]);
      };
    }
    if (event.type === 'unfollow') {
      const gone = await tx
        .delete(lineLinks)
        .where(eq(lineLinks.lineUserId, lineUserId))
        .returning({ userId: lineLinks.userId });
      if (gone[0]) {
        await tx
          .update(lineOutbox)
          .set({ status: 'failed', lastError: 'unfollowed' })
          .where(
            and(eq(lineOutbox.userId, gone[0].userId), inArray(lineOutbox.status, ['pending', 'digest'])),
          );
        await recordAudit(tx, ctx, {
          action: 'line.unlinked',
          entityType: 'user',
          entityId: gone[0].userId,
          changes: { by: 'unfollow' },
        });
      }
      return null;
    }
    if (event.type === 'postback' && event.postback) {
      const token = acknowledgeTokenOf(event.postback.data);
      if (!token) return null;
      const text = await acknowledgeFromLine(tx, deps, ctx, lineUserId, token);
      if (!reply) return null;
      return () => lineApi.reply(line, reply, [{ type: 'text', text }]);
    }
    if (event.type === 'accountLink' && event.link) {
      const nonce = event.link.nonce;
      const used =
        event.link.result === 'ok' && nonce
          ? await tx
              .update(lineLinkNonces)
              .set({ usedAt: ctx.now })
              .where(
                and(
                  eq(lineLinkNonces.nonceHash, hashNonce(nonce)),
                  isNull(lineLinkNonces.usedAt),
                  gt(lineLinkNonces.expiresAt, ctx.now),
                ),
              )
              .returning({ userId: lineLinkNonces.userId })
          : [];
      const userId = used[0]?.userId;
      if (userId) {
        // One LINE account speaks for one TIPNet account, and one TIPNet account has one LINE account.
        await tx.delete(lineLinks).where(eq(lineLinks.lineUserId, lineUserId));
        await tx
          .insert(lineLinks)
          .values({ userId, lineUserId, linkedAt: ctx.now })
          .onConflictDoUpdate({ target: lineLinks.userId, set: { lineUserId, linkedAt: ctx.now } });
        await recordAudit(tx, ctx, { action: 'line.linked', entityType: 'user', entityId: userId });
      }
      if (!reply) return null;
      const text = userId ? TEXTS.linked : TEXTS.linkFailed;
      return () => lineApi.reply(line, reply, [{ type: 'text', text }]);
    }
    return null;
  });
}

/** Handles a verified webhook body; events LINE sends that TIPNet does not use are recorded and ignored. */
export async function handleWebhook(
  deps: Pick<Deps, 'db' | 'config'>,
  line: LineConfig,
  ctx: RequestContext,
  events: unknown[],
): Promise<Later[]> {
  const later: Later[] = [];
  for (const raw of events) {
    const parsed = LineEvent.safeParse(raw);
    if (!parsed.success) continue;
    const work = await handleEvent(deps, line, ctx, parsed.data);
    if (work) later.push(work);
  }
  return later;
}
