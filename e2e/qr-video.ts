/**
 * A fake camera showing a QR code: a Y4M file for Chromium's `--use-file-for-fake-video-capture`, made
 * from the `qrcode` package's module matrix (black modules on white, a four-module quiet zone), centred in
 * a 640×480 grey frame. Chromium loops the file, so a few identical frames are enough.
 */
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const QUIET_ZONE = 4;
const FRAMES = 5;

export function writeQrVideo(path: string, text: string, pixelsPerModule = 8) {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const side = (size + 2 * QUIET_ZONE) * pixelsPerModule;
  if (side > HEIGHT) throw new Error(`a ${size}-module QR does not fit at ${pixelsPerModule} px a module`);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 200);
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / pixelsPerModule) - QUIET_ZONE;
      const col = Math.floor(x / pixelsPerModule) - QUIET_ZONE;
      const dark = row >= 0 && col >= 0 && row < size && col < size && data[row * size + col] === 1;
      luma[(top + y) * WIDTH + left + x] = dark ? 16 : 235;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}
