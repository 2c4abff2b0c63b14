import zxing from '@zxing/library';
import { PNG } from 'pngjs';

/**
 * The text of the QR code in a PNG (a screenshot of a ticket as the phone shows it), read with ZXing as the
 * door's scanner reads it; throws when there is none.
 */
export function readQr(png: Buffer): string {
  const { width, height, data } = PNG.sync.read(png);
  const luma = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luma.length; i++)
    luma[i] = (data[i * 4]! * 299 + data[i * 4 + 1]! * 587 + data[i * 4 + 2]! * 114) / 1000;
  const { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luma, width, height)));
  return new QRCodeReader().decode(bitmap).getText();
}
