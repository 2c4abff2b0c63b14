/**
 * The emails a registrant gets, written in the registrant's language: the confirmation (with the event's
 * .ics and the QR ticket), waitlisted, promoted (with the confirm-by time), rejected, awaiting moderation,
 * an update when the time or place changes (raised SEQUENCE) and the cancellation (METHOD:CANCEL).
 * The ticket's QR holds only the opaque ticket code; it is drawn when the email is sent.
 */
import type { Language } from '../../../common/taxonomies.ts';
import type { EmailAttachment } from '../../platform/mail/outbox.ts';
import type { ComposedEmail } from '../../platform/mail/templates.ts';
import { type CalendarEvent, calendarOf } from './ics.ts';

export type MailKind =
  | 'confirmed'
  | 'pending'
  | 'waitlisted'
  | 'promoted'
  | 'rejected'
  | 'offer_expired'
  | 'updated'
  | 'cancelled';

export type MailEvent = CalendarEvent;

const THAI = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Bangkok',
});
const ENGLISH = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Bangkok',
});
/** Bangkok time, in the Buddhist Era in Thai. */
export const whenText = (d: Date, language: Language) =>
  language === 'th' ? `${THAI.format(d)} น.` : `${ENGLISH.format(d)} (Bangkok time)`;

function copy(kind: MailKind, e: MailEvent, lang: Language, confirmBy: Date | null) {
  const th = lang === 'th';
  const title = th ? e.titleTh : e.titleEn;
  const when = `${whenText(e.startsAt, lang)} – ${whenText(e.endsAt, lang)}`;
  const venue = th ? (e.venueTh ?? e.venueEn) : (e.venueEn ?? e.venueTh);
  const whereLine = venue ? (th ? `สถานที่: ${venue}` : `Venue: ${venue}`) : null;
  const whenLine = th ? `วันและเวลา: ${when}` : `When: ${when}`;
  const by = confirmBy ? whenText(confirmBy, lang) : '';
  const texts: Record<MailKind, { subject: string; lines: string[] }> = th
    ? {
        confirmed: {
          subject: `ยืนยันการลงทะเบียน — ${title}`,
          lines: [
            `การลงทะเบียนเข้าร่วม "${title}" ของคุณได้รับการยืนยันแล้ว`,
            'แนบไฟล์ปฏิทิน (.ics) และบัตรเข้างาน (QR code) โปรดแสดง QR code นี้ที่จุดลงทะเบียนหน้างาน',
          ],
        },
        pending: {
          subject: `ได้รับคำขอลงทะเบียนแล้ว — ${title}`,
          lines: [`ได้รับคำขอลงทะเบียนเข้าร่วม "${title}" แล้ว ศพดส.ตร. จะพิจารณาและแจ้งผลทางอีเมล`],
        },
        waitlisted: {
          subject: `อยู่ในรายชื่อสำรอง — ${title}`,
          lines: [
            `ที่นั่งของ "${title}" เต็มแล้ว คุณอยู่ในรายชื่อสำรองตามลำดับการลงทะเบียน`,
            'เมื่อมีที่ว่าง ระบบจะเลื่อนคุณขึ้นโดยอัตโนมัติและแจ้งทางอีเมล',
          ],
        },
        promoted: {
          subject: `มีที่ว่างสำหรับคุณ โปรดยืนยันภายใน ${by} — ${title}`,
          lines: [
            `มีที่ว่างใน "${title}" และคุณได้รับการเลื่อนจากรายชื่อสำรอง`,
            `โปรดยืนยันการเข้าร่วมภายใน ${by} หากไม่ยืนยัน ที่นั่งจะส่งต่อให้ผู้ที่อยู่ในลำดับถัดไป`,
          ],
        },
        rejected: {
          subject: `ผลการลงทะเบียน — ${title}`,
          lines: [`ขออภัย คำขอลงทะเบียนเข้าร่วม "${title}" ของคุณไม่ได้รับการอนุมัติ`],
        },
        offer_expired: {
          subject: `ที่นั่งที่เสนอหมดเวลายืนยันแล้ว — ${title}`,
          lines: [`คุณไม่ได้ยืนยันที่นั่งใน "${title}" ภายในเวลาที่กำหนด ที่นั่งจึงส่งต่อให้ผู้ที่อยู่ในลำดับถัดไป`],
        },
        updated: {
          subject: `เปลี่ยนแปลงกำหนดการ — ${title}`,
          lines: [`กำหนดการของ "${title}" มีการเปลี่ยนแปลง แนบไฟล์ปฏิทินฉบับปรับปรุงมาด้วย`],
        },
        cancelled: {
          subject: `ยกเลิกการจัดงาน — ${title}`,
          lines: [`ศพดส.ตร. ยกเลิกการจัด "${title}" แล้ว แนบไฟล์ปฏิทินเพื่อลบนัดหมายออกจากปฏิทินของคุณ`],
        },
      }
    : {
        confirmed: {
          subject: `Registration confirmed — ${title}`,
          lines: [
            `Your registration for "${title}" is confirmed.`,
            'The calendar file (.ics) and your ticket (QR code) are attached: show the QR code at the registration desk.',
          ],
        },
        pending: {
          subject: `Registration received — ${title}`,
          lines: [
            `We received your registration for "${title}". The Centre will review it and tell you by email.`,
          ],
        },
        waitlisted: {
          subject: `You are on the waitlist — ${title}`,
          lines: [
            `"${title}" is full: you are on the waitlist, in the order people registered.`,
            'When a place frees up you are moved up automatically and told by email.',
          ],
        },
        promoted: {
          subject: `A place is yours: confirm by ${by} — ${title}`,
          lines: [
            `A place opened in "${title}" and you moved up from the waitlist.`,
            `Please confirm by ${by}; otherwise the place passes to the next person on the waitlist.`,
          ],
        },
        rejected: {
          subject: `Your registration — ${title}`,
          lines: [`Sorry, your registration for "${title}" was not approved.`],
        },
        offer_expired: {
          subject: `The place offered to you has lapsed — ${title}`,
          lines: [
            `You did not confirm the place in "${title}" in time, so it passed to the next person on the waitlist.`,
          ],
        },
        updated: {
          subject: `Schedule changed — ${title}`,
          lines: [`The schedule of "${title}" changed. The updated calendar file is attached.`],
        },
        cancelled: {
          subject: `Cancelled — ${title}`,
          lines: [
            `The Centre cancelled "${title}". The attached calendar file removes it from your calendar.`,
          ],
        },
      };
  const t = texts[kind];
  return { subject: t.subject, lines: [...t.lines, whenLine, ...(whereLine ? [whereLine] : [])] };
}

/** One registrant's email for `kind`, with the attachments that kind carries. */
export function registrantEmail(opts: {
  kind: MailKind;
  event: MailEvent;
  language: Language;
  baseUrl: string;
  ticketCode?: string | null;
  confirmBy?: Date | null;
}): { template: ComposedEmail; attachments: EmailAttachment[] } {
  const { kind, event, language, baseUrl } = opts;
  const c = copy(kind, event, language, opts.confirmBy ?? null);
  const th = language === 'th';
  const attachments: EmailAttachment[] = [];
  if (kind === 'confirmed' || kind === 'updated' || kind === 'cancelled') {
    const ics = calendarOf([event], {
      language,
      baseUrl,
      name: th ? event.titleTh : event.titleEn,
      method: kind === 'cancelled' ? 'cancel' : 'publish',
    });
    attachments.push({
      filename: `lets-talk-tip-${event.number}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${kind === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`,
      contentBase64: Buffer.from(ics).toString('base64'),
    });
  }
  if (kind === 'confirmed' && opts.ticketCode) {
    attachments.push({ filename: 'ticket.png', contentType: 'image/png', qrCodeOf: opts.ticketCode });
  }
  return {
    template: {
      kind: 'composed',
      outboxKind: `forum_${kind}`,
      subject: c.subject,
      lines: c.lines,
      link: `${baseUrl}/forums/${event.id}`,
      action:
        kind === 'promoted'
          ? th
            ? 'ยืนยันการเข้าร่วม'
            : 'Confirm my place'
          : th
            ? 'เปิดหน้างาน'
            : 'Open the event',
    },
    attachments,
  };
}
