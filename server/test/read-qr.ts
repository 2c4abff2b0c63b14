import zxing from '@zxing/library';
import { PNG } from 'pngjs';

const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } = zxing;

/**
 * The text of the QR code in a PNG (a screenshot of a ticket as the phone shows it), read with ZXing as the
 * door's scanner reads it; throws when there is none. ZXing's finder-pattern search misses about one code
 * in twenty (by the random ticket code, at any size or margin: 19 of 400 here), so a screenshot it cannot
 * read is read again as a pure code, straight and alone in the image, which a screenshot of the ticket is.
 */
export function readQr(png: Buffer): string {
  const { width, height, data } = PNG.sync.read(png);
  const luma = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luma.length; i++)
    luma[i] = (data[i * 4]! * 299 + data[i * 4 + 1]! * 587 + data[i * 4 + 2]! * 114) / 1000;
  const decode = (pure: boolean) =>
    new QRCodeReader()
      .decode(
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luma, width, height))),
        pure ? new Map([[DecodeHintType.PURE_BARCODE, true]]) : undefined,
      )
      .getText();
  try {
    return decode(false);
  } catch {
    return decode(true);
  }
}
