import { escapeHtml } from '../../../common/html.ts';
import type { ProblemEventKind } from '../../../common/problem-events.ts';
import type { Language } from '../../../common/taxonomies.ts';

/** One problem event as an email tells it; `actorName` null means "the reporter" (hidden) or the system. */
export type ProblemEventMail = {
  problemTitle: string;
  event: ProblemEventKind;
  reason: 'my_problem' | 'assigned' | 'followed' | 'mention';
  actorName: string | null;
  actorHidden: boolean;
  /** For state changes: the new state's label in the email's language. */
  toStateLabel: string | null;
  link: string;
};

/**
 * An email a module writes itself, already in the recipient's language (the forums' registration emails):
 * the outbox frames it like every other one and files it under `outboxKind`.
 */
export type ComposedEmail = {
  kind: 'composed';
  outboxKind: string;
  subject: string;
  lines: string[];
  link?: string;
  action?: string;
};

export type EmailTemplate =
  | ComposedEmail
  | { kind: 'invitation'; link: string; organisationName: string; roleLabel: string; inviterName: string }
  | {
      /** Someone invited an address that already has an account: told instead of invited (ADR 0008). */
      kind: 'invitation_existing_account';
      displayName: string;
      organisationName: string;
      inviterName: string;
      link: string;
      resetLink: string;
    }
  | { kind: 'password_reset'; link: string; displayName: string }
  | { kind: 'password_changed'; displayName: string }
  | {
      /** Content-free: no reason, no names, no values; the link leads to the request and its audit. */
      kind: 'vault_break_glass';
      displayName: string;
      organisationName: string;
      minutes: number;
      link: string;
    }
  | {
      kind: 'directory_stale';
      displayName: string;
      organisationName: string;
      /** YYYY-MM-DD (Gregorian); shown in Buddhist Era in Thai. */
      lastReviewed: string;
      link: string;
    }
  | ({ kind: 'problem_notification'; displayName: string } & ProblemEventMail)
  | {
      /** A coordination request nobody acknowledged reached this person (on call, backup, head, Centre). */
      kind: 'coordination_escalation';
      displayName: string;
      /** Labels in the email's language; never the request's free text or anyone's personal data. */
      urgencyLabel: string;
      typeLabel: string;
      unitName: string;
      /** on_call, backup, head or centre: why this person is told. */
      target: 'on_call' | 'backup' | 'head' | 'centre';
      waitingMinutes: number;
      /** One tap acknowledges (after sign-in if needed). */
      acknowledgeLink: string;
    }
  // ---- forum minutes (F3) ----
  | {
      /** An action item of a forum falls due in ACTION_REMINDER_DAYS_BEFORE days (or fewer). */
      kind: 'forum_action_due_soon';
      displayName: string;
      organisationName: string;
      actionTitle: string;
      eventTitle: string;
      /** YYYY-MM-DD (Gregorian); shown in Buddhist Era in Thai. */
      dueOn: string;
      link: string;
    }
  | {
      /** Monday's list of an owner organisation's overdue forum action items. */
      kind: 'forum_actions_overdue_digest';
      displayName: string;
      organisationName: string;
      items: { title: string; dueOn: string; daysOverdue: number }[];
      more: number;
      link: string;
    }
  | {
      /** An organisation's own figures for last month against the network median (labels in its language). */
      kind: 'report_digest';
      displayName: string;
      organisationName: string;
      periodLabel: string;
      figures: { label: string; own: string; median: string }[];
      link: string;
    }
  | {
      /** Forum feedback (F4): the anonymous survey of a forum the person attended is open. */
      kind: 'forum_survey_invitation';
      displayName: string;
      eventTitle: string;
      /** YYYY-MM-DD, the last day to answer (Gregorian); shown in Buddhist Era in Thai. */
      closesOn: string;
      link: string;
    }
  | {
      kind: 'problem_digest';
      displayName: string;
      items: ProblemEventMail[];
      /** Items beyond those listed. */
      more: number;
      link: string;
    };

export type RenderedEmail = { subject: string; text: string; html: string };

type Copy = { subject: string; lines: string[]; link?: string; action?: string };

function copyFor(t: EmailTemplate, lang: Language): Copy {
  const th = lang === 'th';
  switch (t.kind) {
    case 'composed':
      return { subject: t.subject, lines: t.lines, link: t.link, action: t.action };
    case 'invitation':
      return th
        ? {
            subject: `คำเชิญเข้าร่วม TIPNet — ${t.organisationName}`,
            lines: [
              `${t.inviterName} เชิญคุณเข้าร่วม TIPNet เครือข่ายต่อต้านการค้ามนุษย์ ในนาม ${t.organisationName} (บทบาท: ${t.roleLabel})`,
              'ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุใน 7 วัน หากคุณไม่ได้คาดว่าจะได้รับคำเชิญนี้ โปรดเพิกเฉยต่ออีเมลนี้',
            ],
            link: t.link,
            action: 'ตอบรับคำเชิญ',
          }
        : {
            subject: `Invitation to TIPNet — ${t.organisationName}`,
            lines: [
              `${t.inviterName} invited you to TIPNet, the anti-trafficking network, for ${t.organisationName} (role: ${t.roleLabel}).`,
              'The link works once and expires in 7 days. If you did not expect this invitation, ignore this email.',
            ],
            link: t.link,
            action: 'Accept the invitation',
          };
    case 'invitation_existing_account':
      return th
        ? {
            subject: 'มีผู้พยายามเชิญคุณเข้าร่วม TIPNet — คุณมีบัญชีอยู่แล้ว',
            lines: [
              `เรียน ${t.displayName}`,
              `${t.inviterName} จาก ${t.organisationName} พยายามเชิญอีเมลนี้เข้าร่วม TIPNet แต่คุณมีบัญชีอยู่แล้ว จึงไม่มีการสร้างบัญชีใหม่`,
              `โปรดเข้าสู่ระบบด้วยบัญชีเดิม หากจำรหัสผ่านไม่ได้ ตั้งรหัสผ่านใหม่ได้ที่ ${t.resetLink} หากคุณควรย้ายไปอยู่กับ ${t.organisationName} โปรดติดต่อ ศพดส.ตร.`,
            ],
            link: t.link,
            action: 'เข้าสู่ระบบ',
          }
        : {
            subject: 'Someone tried to invite you to TIPNet — you already have an account',
            lines: [
              `Dear ${t.displayName},`,
              `${t.inviterName} of ${t.organisationName} tried to invite this address to TIPNet, but you already have an account, so no new one was created.`,
              `Sign in with your account. If you forgot your password, reset it at ${t.resetLink}. If you should move to ${t.organisationName}, contact the Centre.`,
            ],
            link: t.link,
            action: 'Sign in',
          };
    case 'password_reset':
      return th
        ? {
            subject: 'ตั้งรหัสผ่าน TIPNet ใหม่',
            lines: [
              `เรียน ${t.displayName}`,
              'มีคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีของคุณ ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุใน 1 ชั่วโมง หากคุณไม่ได้ขอ โปรดเพิกเฉยต่ออีเมลนี้',
            ],
            link: t.link,
            action: 'ตั้งรหัสผ่านใหม่',
          }
        : {
            subject: 'Reset your TIPNet password',
            lines: [
              `Dear ${t.displayName},`,
              'Someone asked to reset your password. The link works once and expires in 1 hour. If it was not you, ignore this email.',
            ],
            link: t.link,
            action: 'Set a new password',
          };
    case 'vault_break_glass':
      return th
        ? {
            subject: 'TIPNet: ศพดส.ตร. เปิดดูข้อมูลระบุตัวบุคคลกรณีฉุกเฉิน',
            lines: [
              `เรียน ${t.displayName}`,
              `ผู้ดูแลระบบของ ศพดส.ตร. เปิดดูข้อมูลระบุตัวบุคคล (เข้ารหัส) ของคำขอประสานงานที่ ${t.organisationName} ส่ง เป็นกรณีฉุกเฉิน (break-glass) ได้นาน ${t.minutes} นาที`,
              'คุณได้รับอีเมลนี้ในฐานะผู้ประสานงานด้านคุ้มครองข้อมูลส่วนบุคคล เหตุผลและเวลาการเปิดดูบันทึกไว้ในบันทึกการตรวจสอบ โปรดเข้าสู่ระบบเพื่อดูรายละเอียด',
            ],
            link: t.link,
            action: 'ดูคำขอ',
          }
        : {
            subject: 'TIPNet: the Centre opened protected personal data (break-glass)',
            lines: [
              `Dear ${t.displayName},`,
              `A Centre administrator opened the protected personal data of a coordination request sent by ${t.organisationName}, as an emergency (break-glass) read for ${t.minutes} minutes.`,
              'You receive this as the data-protection focal point. The reason and the times are in the audit log; sign in to see them.',
            ],
            link: t.link,
            action: 'Open the request',
          };
    case 'password_changed':
      return th
        ? {
            subject: 'รหัสผ่าน TIPNet ของคุณถูกเปลี่ยนแล้ว',
            lines: [`เรียน ${t.displayName}`, 'รหัสผ่านของคุณเพิ่งถูกเปลี่ยน หากไม่ใช่คุณ โปรดติดต่อ ศพดส.ตร. ทันที'],
          }
        : {
            subject: 'Your TIPNet password was changed',
            lines: [
              `Dear ${t.displayName},`,
              'Your password was just changed. If this was not you, contact the Centre at once.',
            ],
          };
    case 'forum_survey_invitation': {
      const [y, m, d] = t.closesOn.split('-');
      return th
        ? {
            subject: `แบบสอบถามความคิดเห็นต่อเวที ${t.eventTitle}`,
            lines: [
              `เรียน ${t.displayName}`,
              `ขอขอบคุณที่เข้าร่วมเวที ${t.eventTitle} ขอความกรุณาตอบแบบสอบถามสั้นๆ ได้ถึงวันที่ ${Number(d)}/${Number(m)}/${Number(y) + 543}`,
              'คำตอบไม่ระบุตัวตน: ระบบบันทึกเพียงว่าท่านตอบแล้ว ไม่บันทึกว่าท่านตอบอย่างไร และแสดงผลเฉพาะเมื่อมีผู้ตอบอย่างน้อย 5 คน',
            ],
            link: t.link,
            action: 'ตอบแบบสอบถาม',
          }
        : {
            subject: `Your feedback on ${t.eventTitle}`,
            lines: [
              `Dear ${t.displayName},`,
              `Thank you for attending ${t.eventTitle}. Please answer a short survey by ${t.closesOn}.`,
              'Answers are anonymous: TIPNet records that you answered, never what you answered, and shows results only from 5 responses.',
            ],
            link: t.link,
            action: 'Answer the survey',
          };
    }
    case 'directory_stale': {
      const [y, m, d] = t.lastReviewed.split('-');
      return th
        ? {
            subject: `โปรดตรวจทานข้อมูลของ ${t.organisationName} ในทำเนียบเครือข่าย TIPNet`,
            lines: [
              `เรียน ${t.displayName}`,
              `ข้อมูลของ ${t.organisationName} ในทำเนียบเครือข่ายไม่ได้รับการตรวจทานมาตั้งแต่วันที่ ${Number(d)}/${Number(m)}/${Number(y) + 543} (เกิน 180 วัน) จึงแสดงว่า "ข้อมูลอาจไม่เป็นปัจจุบัน"`,
              'โปรดตรวจสอบช่องทางติดต่อ ผู้ประสานงาน และหัวข้อ "การทำงานร่วมกับเรา" แล้วแก้ไขหรือกด "ยืนยันว่าข้อมูลถูกต้อง" เพื่อให้สมาชิกเครือข่ายติดต่อได้ถูกคน',
            ],
            link: t.link,
            action: 'เปิดข้อมูลองค์กร',
          }
        : {
            subject: `Please review ${t.organisationName} in the TIPNet directory`,
            lines: [
              `Dear ${t.displayName},`,
              `The directory entry of ${t.organisationName} has not been reviewed since ${t.lastReviewed} (over 180 days), so it is marked as possibly out of date.`,
              'Please check its contact channels, focal points and "working with us", then edit them or confirm they are still accurate, so network members reach the right person.',
            ],
            link: t.link,
            action: 'Open the organisation',
          };
    }
    case 'coordination_escalation': {
      const role = {
        on_call: th ? 'คุณเป็นเวรหลักของหน่วย' : 'you are on call for the unit',
        backup: th ? 'คุณเป็นเวรสำรองของหน่วย' : "you are the unit's backup on call",
        head: th ? 'คุณเป็นหัวหน้าหน่วย' : 'you head the unit',
        centre: th
          ? 'ยังไม่มีผู้ใดในหน่วยตอบรับ จึงส่งถึง ศพดส.ตร.'
          : 'nobody in the unit acknowledged it, so it reached the Centre',
      }[t.target];
      return th
        ? {
            subject: `TIPNet ด่วน: คำขอประสานงาน (${t.urgencyLabel}) รอการตอบรับ — ${t.unitName}`,
            lines: [
              `เรียน ${t.displayName}`,
              `คำขอ "${t.typeLabel}" ระดับ ${t.urgencyLabel} ถึง ${t.unitName} รอการตอบรับมา ${t.waitingMinutes} นาที (${role})`,
              'กดลิงก์ด้านล่างเพื่อตอบรับ ลิงก์ใช้ได้กับคำขอนี้เท่านั้นและหมดอายุภายใน 24 ชั่วโมง',
            ],
            link: t.acknowledgeLink,
            action: 'ตอบรับคำขอนี้',
          }
        : {
            subject: `TIPNet urgent: a ${t.urgencyLabel.toLowerCase()} coordination request awaits acknowledgement — ${t.unitName}`,
            lines: [
              `Dear ${t.displayName},`,
              `A "${t.typeLabel}" request to ${t.unitName} has waited ${t.waitingMinutes} minutes for acknowledgement (${role}).`,
              'Tap the link below to acknowledge it. It works for this request only and expires within 24 hours.',
            ],
            link: t.acknowledgeLink,
            action: 'Acknowledge this request',
          };
    }
    case 'report_digest': {
      const figures = t.figures.map((f) =>
        th
          ? `${f.label}: ${f.own} (ค่ามัธยฐานของเครือข่าย ${f.median})`
          : `${f.label}: ${f.own} (network median ${f.median})`,
      );
      return th
        ? {
            subject: `สรุปประจำเดือน ${t.periodLabel} ของ ${t.organisationName} — TIPNet`,
            lines: [
              `เรียน ${t.displayName}`,
              `ตัวเลขของ ${t.organisationName} ใน${t.periodLabel} เทียบกับค่ามัธยฐานของหน่วยงานในเครือข่าย:`,
              ...figures,
              'ตัวเลขของหน่วยงานอื่นไม่แสดงในอีเมลนี้ ดูรายละเอียดและช่วงเวลาอื่นได้ที่หน้ารายงาน',
            ],
            link: t.link,
            action: 'เปิดหน้ารายงาน',
          }
        : {
            subject: `${t.organisationName}: your month in TIPNet, ${t.periodLabel}`,
            lines: [
              `Dear ${t.displayName},`,
              `${t.organisationName} in ${t.periodLabel}, against the median organisation of the network:`,
              ...figures,
              'No other organisation’s figures are in this email; the reports page has the details and other periods.',
            ],
            link: t.link,
            action: 'Open the reports page',
          };
    }
    case 'problem_notification':
    case 'problem_digest':
      return problemCopy(t, th);
    case 'forum_action_due_soon':
    case 'forum_actions_overdue_digest':
      return forumActionCopy(t, th);
  }
}

/** A `YYYY-MM-DD` day as the reader writes it: 5/12/2569 in Thai (Buddhist Era), 2026-12-05 in English. */
const dayFor = (day: string, th: boolean) => {
  const [y, m, d] = day.split('-');
  return th ? `${Number(d)}/${Number(m)}/${Number(y) + 543}` : day;
};

function forumActionCopy(
  t: EmailTemplate & { kind: 'forum_action_due_soon' | 'forum_actions_overdue_digest' },
  th: boolean,
): Copy {
  const greeting = th ? `เรียน ${t.displayName}` : `Dear ${t.displayName},`;
  if (t.kind === 'forum_action_due_soon')
    return {
      subject: th
        ? `TIPNet: งานติดตามจากเวที ${t.eventTitle} ครบกำหนด ${dayFor(t.dueOn, th)}`
        : `TIPNet: a forum action item is due on ${t.dueOn}`,
      lines: [
        greeting,
        th
          ? `งาน "${t.actionTitle}" ที่ ${t.organisationName} รับไปจากเวที ${t.eventTitle} จะครบกำหนดในวันที่ ${dayFor(t.dueOn, th)}`
          : `"${t.actionTitle}", which ${t.organisationName} took on at ${t.eventTitle}, is due on ${t.dueOn}.`,
        th
          ? 'โปรดปรับสถานะและบันทึกความคืบหน้า เพื่อให้ ศพดส.ตร. และเครือข่ายทราบในเวทีครั้งถัดไป'
          : 'Please update its status with a note, so the Centre and the network know where it stands at the next forum.',
      ],
      link: t.link,
      action: th ? 'เปิดงานที่ต้องติดตาม' : 'Open the action items',
    };
  const n = t.items.length + t.more;
  return {
    subject: th
      ? `TIPNet: งานจากเวที Let's Talk TIP ที่เลยกำหนด ${n} รายการ — ${t.organisationName}`
      : `TIPNet: ${n} overdue forum action items — ${t.organisationName}`,
    lines: [
      greeting,
      th
        ? `งานที่ ${t.organisationName} รับไปจากเวที Let's Talk TIP และเลยกำหนดแล้ว:`
        : `Action items ${t.organisationName} took on at Let's Talk TIP forums that are overdue:`,
      ...t.items.map((i) =>
        th
          ? `• ${i.title} — ครบกำหนด ${dayFor(i.dueOn, th)} (เลยมา ${i.daysOverdue} วัน)`
          : `• ${i.title} — due ${i.dueOn} (${i.daysOverdue} days overdue)`,
      ),
      ...(t.more > 0 ? [th ? `และอีก ${t.more} รายการ` : `and ${t.more} more`] : []),
    ],
    link: t.link,
    action: th ? 'เปิดงานที่ต้องติดตาม' : 'Open the action items',
  };
}

/** What happened, in one sentence, without naming an anonymous reporter's organisation. */
export function problemEventLine(m: ProblemEventMail, lang: Language): string {
  const th = lang === 'th';
  const who = m.actorHidden ? (th ? 'ผู้แจ้งเรื่อง' : 'The reporter') : (m.actorName ?? 'TIPNet');
  if (m.reason === 'mention' && (m.event === 'commented' || m.event === 'comment_edited'))
    return th ? `${who} กล่าวถึงคุณในความคิดเห็น` : `${who} mentioned you in a comment`;
  switch (m.event) {
    case 'supported':
      return th ? `${who} แจ้งว่าประสบปัญหานี้เช่นกัน` : `${who} faces this too`;
    case 'assigned':
      return th
        ? m.reason === 'assigned'
          ? 'ศพดส.ตร. มอบหมายเรื่องนี้ให้หน่วยงานของคุณรับผิดชอบ'
          : 'ศพดส.ตร. มอบหมายหน่วยงานรับผิดชอบแล้ว'
        : m.reason === 'assigned'
          ? 'The Centre assigned this to your organisation'
          : 'The Centre assigned responsible organisations';
    case 'answered':
      return th ? `${who} ตอบอย่างเป็นทางการ` : `${who} posted an official answer`;
    case 'state_changed':
      return th
        ? `สถานะเปลี่ยนเป็น "${m.toStateLabel ?? ''}"`
        : `The status changed to "${m.toStateLabel ?? ''}"`;
    case 'commented':
      return th ? `${who} แสดงความคิดเห็น` : `${who} commented`;
    case 'overdue':
      return th
        ? 'เลยกำหนดคำตอบอย่างเป็นทางการหรือการรายงานความคืบหน้าแล้ว'
        : 'The official answer or progress update is overdue';
    case 'escalated':
      return th ? 'เลยกำหนดมานานแล้ว เรื่องถูกส่งถึง ศพดส.ตร.' : 'Still overdue: escalated to the Centre';
    default:
      return th ? 'มีความเคลื่อนไหวใหม่' : 'Something changed';
  }
}

function problemCopy(
  t: EmailTemplate & { kind: 'problem_notification' | 'problem_digest' },
  th: boolean,
): Copy {
  if (t.kind === 'problem_notification') {
    const line = problemEventLine(t, th ? 'th' : 'en');
    return {
      subject: `TIPNet: ${line} — ${t.problemTitle}`,
      lines: [th ? `เรียน ${t.displayName}` : `Dear ${t.displayName},`, `${t.problemTitle}: ${line}`],
      link: t.link,
      action: th ? 'เปิดเรื่องนี้' : 'Open the problem',
    };
  }
  const n = t.items.length + t.more;
  return {
    subject: th ? `TIPNet: สรุปความเคลื่อนไหวประจำวัน (${n} รายการ)` : `TIPNet: your daily summary (${n})`,
    lines: [
      th ? `เรียน ${t.displayName}` : `Dear ${t.displayName},`,
      th ? 'ความเคลื่อนไหวของเรื่องที่คุณติดตามตั้งแต่สรุปครั้งก่อน:' : 'What changed since your last summary:',
      ...t.items.map((i) => `• ${i.problemTitle}: ${problemEventLine(i, th ? 'th' : 'en')} — ${i.link}`),
      ...(t.more > 0 ? [th ? `และอีก ${t.more} รายการ` : `and ${t.more} more`] : []),
      th
        ? 'เปลี่ยนความถี่ของอีเมลได้ที่ "ตั้งค่า" ในเมนูบัญชีผู้ใช้'
        : 'Change how often you get these emails in Settings, under your account menu.',
    ],
    link: t.link,
    action: th ? 'เปิดการแจ้งเตือนทั้งหมด' : 'Open all notifications',
  };
}

export function renderEmail(template: EmailTemplate, language: Language): RenderedEmail {
  const c = copyFor(template, language);
  const footer = language === 'th' ? 'TIPNet — ศพดส.ตร.' : 'TIPNet — the Centre (Royal Thai Police)';
  const text = [...c.lines, ...(c.link ? [`${c.action}: ${c.link}`] : []), '', footer].join('\n\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:Sarabun,Tahoma,sans-serif;line-height:1.6">${c.lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}${
    c.link ? `<p><a href="${escapeHtml(c.link)}">${escapeHtml(c.action ?? c.link)}</a></p>` : ''
  }<p style="color:#555">${escapeHtml(footer)}</p></body></html>`;
  return { subject: c.subject, text, html };
}
