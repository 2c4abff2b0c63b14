import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.ts';

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    send: async ({ attachments, ...mail }) => {
      await transporter.sendMail({
        ...mail,
        ...(attachments
          ? {
              attachments: attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: Buffer.from(a.contentBase64, 'base64'),
              })),
            }
          : {}),
      });
    },
  };
}
