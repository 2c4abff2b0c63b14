/**
 * The LINE channel: "deliver this notification to this user" over LINE. A message is queued in the
 * caller's transaction (so it exists only if the change it tells of commits) when the user has linked
 * LINE, the server has a LINE channel, and the user's preference for its kind is not off; a daily
 * preference parks it for the 07:00 digest. The text says what happened and links to TIPNet: never a
 * problem's text, a reporter, a victim or anything from the vault.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { DEFAULT_LINE_PREFERENCES, type LineKind, type LinePreferences } from '../../../common/line-api.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { lineLinks, lineOutbox, linePreferences, users } from '../../db/schema/index.ts';
import { acknowledgeButton } from './acknowledge.ts';

export type LineMessage = {
  userId: string;
  kind: LineKind;
  /** One short sentence per language, without personal or case data. */
  text: Record<Language, string>;
  /** A path inside TIPNet (`/problems/<id>`); the link lands there after sign-in. */
  path: string;
  /**
   * A coordination request's signed acknowledge token for this recipient (the escalation email's link
   * token): the message then carries a "รับทราบ / Acknowledge" quick-reply button.
   */
  acknowledgeToken?: string;
};

const OPEN: Record<Language, string> = { th: 'เปิดดู', en: 'Open' };

export const lineText = (lang: Language, text: string, link: string) => `${text}\n${OPEN[lang]}: ${link}`;

/** Queues each message whose recipient wants it on LINE; returns how many were queued (digest included). */
export async function enqueueLineMessages(
  tx: Db,
  deps: { config: Pick<Config, 'line' | 'baseUrl'> },
  now: Date,
  messages: LineMessage[],
): Promise<number> {
  if (!deps.config.line || messages.length === 0) return 0;
  const ids = [...new Set(messages.map((m) => m.userId))];
  const rows = await tx
    .select({
      userId: lineLinks.userId,
      language: users.language,
      prefs: linePreferences,
      active: users.active,
    })
    .from(lineLinks)
    .innerJoin(users, eq(users.id, lineLinks.userId))
    .leftJoin(linePreferences, eq(linePreferences.userId, lineLinks.userId))
    .where(inArray(lineLinks.userId, ids));
  const byUser = new Map(rows.filter((r) => r.active).map((r) => [r.userId, r]));
  const values = messages.flatMap((m) => {
    const who = byUser.get(m.userId);
    if (!who) return [];
    const prefs: LinePreferences = who.prefs ?? DEFAULT_LINE_PREFERENCES;
    const frequency = prefs[m.kind];
    if (frequency === 'off') return [];
    const lang = who.language;
    return [
      {
        id: randomUUID(),
        userId: m.userId,
        kind: m.kind,
        text: lineText(lang, m.text[lang], `${deps.config.baseUrl}${m.path}`),
        quickReply: m.acknowledgeToken ? [acknowledgeButton(lang, m.acknowledgeToken)] : null,
        retryKey: randomUUID(),
        status: frequency === 'daily' ? ('digest' as const) : ('pending' as const),
        nextAttemptAt: now,
        createdAt: now,
      },
    ];
  });
  for (let i = 0; i < values.length; i += 500) await tx.insert(lineOutbox).values(values.slice(i, i + 500));
  return values.length;
}
