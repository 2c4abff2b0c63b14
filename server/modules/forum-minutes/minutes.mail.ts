/**
 * The email that asks the attending organisations for their comments when the Centre shares draft minutes,
 * written in each recipient's language. It goes, through the outbox in the sharing transaction, to the
 * people who hear about an organisation's forum business (its org admins and focal points, else its
 * members: `recipientsOf`), so a shared draft is not left waiting for someone to look.
 */
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import type { ComposedEmail } from '../../platform/mail/templates.ts';
import type { EventRow } from './minutes.queries.ts';
import { recipientsOf } from './reminders.ts';

export type MinutesMailDeps = Pick<Deps, 'config' | 'hasMailTransport' | 'logger'>;

const DAY = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Bangkok' }),
};

export function minutesSharedEmail(
  event: Pick<EventRow, 'id' | 'titleTh' | 'titleEn' | 'startsAt'>,
  version: number,
  recipient: { displayName: string; organisationName: string },
  language: Language,
  baseUrl: string,
): ComposedEmail {
  const th = language === 'th';
  const title = th ? event.titleTh : event.titleEn;
  const day = DAY[language].format(event.startsAt);
  return {
    kind: 'composed',
    outboxKind: 'forum_minutes_shared',
    subject: th ? `ขอความเห็นต่อร่างรายงานการประชุม — ${title}` : `Draft minutes for your comments — ${title}`,
    lines: th
      ? [
          `เรียน ${recipient.displayName}`,
          `ศพดส.ตร. ขอส่งร่างรายงานการประชุม "${title}" วันที่ ${day} (ฉบับที่ ${version}) ให้ ${recipient.organisationName} ในฐานะหน่วยงานที่เข้าร่วมเวที เพื่อพิจารณาและแสดงความเห็น`,
          'ความเห็นจะบันทึกในนามหน่วยงานของท่าน และ ศพดส.ตร. จะพิจารณาก่อนรับรองรายงานการประชุม',
        ]
      : [
          `Dear ${recipient.displayName},`,
          `The Centre shares the draft minutes of "${title}" on ${day} (version ${version}) with ${recipient.organisationName}, as an organisation that attended, for your comments.`,
          'Comments are recorded on behalf of your organisation; the Centre considers them before finalising the minutes.',
        ],
    link: `${baseUrl}/forums/${event.id}/minutes`,
    action: th ? 'เปิดร่างรายงานการประชุม' : 'Open the draft minutes',
  };
}

/** Queues the emails in the caller's transaction; returns how many people they reach. */
export async function sendMinutesShared(
  tx: Db,
  deps: MinutesMailDeps,
  now: Date,
  event: EventRow,
  version: number,
  organisations: { id: string; nameTh: string; nameEn: string }[],
) {
  const sent = new Set<string>();
  const mails = [];
  for (const organisation of organisations)
    for (const r of await recipientsOf(tx, organisation.id, [])) {
      if (sent.has(r.email)) continue;
      sent.add(r.email);
      const organisationName = r.language === 'th' ? organisation.nameTh : organisation.nameEn;
      mails.push({
        to: r.email,
        language: r.language,
        template: minutesSharedEmail(
          event,
          version,
          { displayName: r.displayName, organisationName },
          r.language,
          deps.config.baseUrl,
        ),
      });
    }
  await enqueueEmails(tx, deps, now, mails);
  return mails.length;
}
