/**
 * The few Messaging API endpoints TIPNet uses, over fetch (https://developers.line.biz/en/reference/messaging-api/).
 * LINE_API_BASE_URL points them at a local fake in tests; nothing here retries: the outbox does.
 */
import type { LineConfig } from '../../config.ts';

export class LineApiError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null,
    message: string,
  ) {
    super(message);
  }
  /** 429 (rate or quota) and 5xx are worth another attempt; other 4xx will fail the same way again. */
  get retryable() {
    return this.status === 429 || this.status >= 500 || this.status === 0;
  }
}

type QuickReplyAction =
  | { type: 'uri'; label: string; uri: string }
  /** Sends `data` to the webhook as a postback event, and `displayText` into the chat as the user's words. */
  | { type: 'postback'; label: string; data: string; displayText: string };

export type TextMessage = {
  type: 'text';
  text: string;
  quickReply?: { items: { type: 'action'; action: QuickReplyAction }[] };
};

const TIMEOUT_MS = 10_000;

async function call(config: LineConfig, method: string, path: string, body?: unknown, headers = {}) {
  let res: Response;
  try {
    res = await fetch(`${config.apiBaseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${config.channelAccessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new LineApiError(0, null, `LINE unreachable: ${(err as Error).message}`);
  }
  // 409 on a push with a retry key LINE already accepted: the message went out before; not an error.
  if (res.ok || (res.status === 409 && res.headers.get('x-line-accepted-request-id'))) {
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  const detail = (await res.text()).slice(0, 200);
  throw new LineApiError(
    res.status,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    `LINE ${method} ${path} answered ${res.status}: ${detail}`,
  );
}

export const lineApi = {
  push: (config: LineConfig, to: string, messages: TextMessage[], retryKey: string) =>
    call(config, 'POST', '/v2/bot/message/push', { to, messages }, { 'x-line-retry-key': retryKey }),
  reply: (config: LineConfig, replyToken: string, messages: TextMessage[]) =>
    call(config, 'POST', '/v2/bot/message/reply', { replyToken, messages }),
  async issueLinkToken(config: LineConfig, lineUserId: string): Promise<string> {
    const body = await call(config, 'POST', `/v2/bot/user/${encodeURIComponent(lineUserId)}/linkToken`);
    if (typeof body.linkToken !== 'string') throw new LineApiError(502, null, 'LINE gave no link token');
    return body.linkToken;
  },
  async quota(config: LineConfig): Promise<{ limit: number | null; used: number }> {
    const quota = await call(config, 'GET', '/v2/bot/message/quota');
    const used = await call(config, 'GET', '/v2/bot/message/quota/consumption');
    return {
      limit: quota.type === 'limited' && typeof quota.value === 'number' ? quota.value : null,
      used: typeof used.totalUsage === 'number' ? used.totalUsage : 0,
    };
  },
};

/** LINE's account-link page: the user confirms there, and LINE sends accountLink with the nonce. */
export const accountLinkUrl = (linkToken: string, nonce: string) =>
  `https://access.line.me/dialog/bot/accountLink?linkToken=${encodeURIComponent(linkToken)}&nonce=${encodeURIComponent(nonce)}`;
