import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.ts';

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    send: async (mail) => {
      await transporter.sendMail(mail);
    },
  };
}
