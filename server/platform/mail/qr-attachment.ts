import QRCode from 'qrcode';
import type { EmailAttachment, SendableAttachment } from '../../db/schema/index.ts';

/**
 * The PNG of a QR code holding `text` and nothing else. Five pixels a module (about 150 px): drawing costs
 * grow with the pixels (a 360 px image took ~170 ms of CPU, this one a few), and the web page shows the
 * ticket big anyway.
 */
export const qrPng = (text: string) =>
  QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 5 });

/**
 * An attachment as the mail transport sends it: a QR code is drawn now, when the email leaves, rather than
 * when it was queued. Drawing it was a fifth of a forum registration's CPU, spent while the event's burst
 * of registrations queued behind it; sending is paced by the outbox.
 */
export async function sendableAttachment(attachment: EmailAttachment): Promise<SendableAttachment> {
  if (!('qrCodeOf' in attachment)) return attachment;
  const { qrCodeOf, ...file } = attachment;
  return { ...file, contentBase64: (await qrPng(qrCodeOf)).toString('base64') };
}
