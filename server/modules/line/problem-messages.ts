/**
 * Problem notifications as LINE messages. Only the kind of event and a link: the problem's title and text,
 * the reporter and who acted stay in TIPNet, behind sign-in.
 */
import { type NotificationReason, PREFERENCE_OF_REASON } from '../../../common/notifications-api.ts';
import type { NotifiedKind } from '../../../common/problem-events.ts';
import type { Language } from '../../../common/taxonomies.ts';
import type { LineMessage } from './channel.ts';

const WHAT: Record<NotifiedKind, Record<Language, string>> = {
  supported: { th: 'มีหน่วยงานสนับสนุนปัญหาของคุณ', en: 'An organisation supported your problem' },
  assigned: { th: 'มีการมอบหมายปัญหาใน TIPNet', en: 'A problem was assigned in TIPNet' },
  answered: { th: 'มีคำตอบใหม่ต่อปัญหาใน TIPNet', en: 'A problem has a new answer in TIPNet' },
  state_changed: { th: 'สถานะของปัญหาใน TIPNet เปลี่ยนแล้ว', en: 'A problem changed state in TIPNet' },
  commented: { th: 'มีความคิดเห็นใหม่ในปัญหาใน TIPNet', en: 'A problem has a new comment in TIPNet' },
  comment_edited: { th: 'คุณถูกกล่าวถึงในความคิดเห็นใน TIPNet', en: 'You were mentioned in a comment in TIPNet' },
  overdue: {
    th: 'ปัญหาที่มอบหมายให้หน่วยงานของคุณเลยกำหนดตอบ',
    en: 'A problem assigned to your organisation is overdue',
  },
  escalated: { th: 'มีปัญหาที่ถูกยกระดับถึงศูนย์ฯ', en: 'A problem was escalated to the Centre' },
};

const MENTIONED = { th: 'คุณถูกกล่าวถึงในปัญหาใน TIPNet', en: 'You were mentioned on a problem in TIPNet' };
const FALLBACK = { th: 'มีความเคลื่อนไหวใหม่ใน TIPNet', en: 'Something new in TIPNet' };

export function problemLineMessages(
  kind: NotifiedKind,
  problemId: string,
  rows: { recipient_user_id: string; reason: NotificationReason }[],
): LineMessage[] {
  return rows.map((r) => ({
    userId: r.recipient_user_id,
    kind: PREFERENCE_OF_REASON[r.reason],
    text: r.reason === 'mention' ? MENTIONED : (WHAT[kind] ?? FALLBACK),
    path: `/problems/${problemId}`,
  }));
}
