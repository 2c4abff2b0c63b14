import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * The text of the QR code in a PNG (a screenshot of a ticket as the phone shows it), read with jsQR as the
 * door's scanner reads it; throws when there is none.
 */
export function readQr(png: Buffer): string {
  const { width, height, data } = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(data), width, height);
  if (!code) throw new Error('no QR code in the image');
  return code.data;
}
