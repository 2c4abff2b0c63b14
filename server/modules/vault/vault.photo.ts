/**
 * A document photo's bytes before they are sealed: the type is read from the file's signature (never the
 * client's word), and the metadata a phone camera writes is removed: a victim's passport photographed at
 * a shelter must not carry the shelter's GPS position, the phone's make or the time it was taken.
 * - JPEG: every APP1 (Exif, XMP), APP13 (IPTC) and comment segment is dropped; the Exif orientation, if
 *   any, is kept in a new minimal Exif segment holding that one tag, so the page still shows upright.
 * - PNG: the eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped (each chunk has its own CRC).
 * - WebP: the EXIF and XMP chunks are dropped and the VP8X flags and RIFF size fixed.
 * The image data itself is copied as is: nothing is re-encoded, no native dependency.
 */
import type { VaultPhotoType } from '../../../common/coordination-vault-api.ts';

export class PhotoFormatError extends Error {}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The type the bytes' signature says, or null for anything else. */
export function photoTypeOf(b: Buffer): VaultPhotoType | null {
  if (b.length >= 4 && startsWith(b, JPEG)) return 'image/jpeg';
  if (b.length >= 8 && startsWith(b, PNG)) return 'image/png';
  if (b.length >= 16 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** The image without its metadata; throws PhotoFormatError when the structure is not what its type says. */
export function withoutMetadata(b: Buffer, type: VaultPhotoType): Buffer {
  if (type === 'image/jpeg') return stripJpeg(b);
  if (type === 'image/png') return stripPng(b);
  return stripWebp(b);
}

// ---- JPEG ----------------------------------------------------------------------------------------------
const DROPPED_JPEG = new Set([0xe1, 0xed, 0xfe]); // APP1 (Exif, XMP), APP13 (IPTC), COM

function stripJpeg(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 2)];
  let orientation: number | null = null;
  let at = 2;
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) throw new PhotoFormatError('broken JPEG segment');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      // Start of scan: the compressed image and everything after it is copied as is.
      parts.push(b.subarray(at));
      break;
    }
    const length = b.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > b.length) throw new PhotoFormatError('broken JPEG segment length');
    const segment = b.subarray(at, at + 2 + length);
    if (marker === 0xe1) orientation ??= exifOrientation(segment.subarray(4));
    if (!DROPPED_JPEG.has(marker)) parts.push(segment);
    at += 2 + length;
  }
  // After JFIF's APP0 when there is one (it must come first), else right after the start of image.
  if (orientation && orientation !== 1)
    parts.splice(parts[1]?.[1] === 0xe0 ? 2 : 1, 0, orientationSegment(orientation));
  return Buffer.concat(parts);
}

/** The orientation tag (0x0112) of an Exif APP1 payload, or null. */
function exifOrientation(p: Buffer): number | null {
  if (p.length < 14 || p.toString('latin1', 0, 6) !== 'Exif\0\0') return null;
  const tiff = p.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const n = u16(ifd);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > tiff.length) return null;
    if (u16(e) === 0x0112) {
      const value = u16(e + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/** An APP1 Exif segment with one tag, the orientation (big-endian TIFF, one IFD). */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 offset
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10); // Orientation
  tiff.writeUInt16BE(3, 12); // SHORT
  tiff.writeUInt32BE(1, 14); // count
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

// ---- PNG -----------------------------------------------------------------------------------------------
const DROPPED_PNG = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(b: Buffer): Buffer {
  const parts: Buffer[] = [b.subarray(0, 8)];
  let at = 8;
  let ended = false;
  while (!ended) {
    if (at + 12 > b.length) throw new PhotoFormatError('broken PNG chunk');
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > b.length) throw new PhotoFormatError('broken PNG chunk length');
    if (!DROPPED_PNG.has(type)) parts.push(b.subarray(at, end));
    ended = type === 'IEND';
    at = end;
  }
  return Buffer.concat(parts);
}

// ---- WebP ----------------------------------------------------------------------------------------------
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Buffer): Buffer {
  const end = Math.min(b.length, 8 + b.readUInt32LE(4));
  const chunks: Buffer[] = [];
  let at = 12;
  while (at + 8 <= end) {
    const type = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const next = at + 8 + size + (size % 2);
    if (at + 8 + size > end) throw new PhotoFormatError('broken WebP chunk');
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = Buffer.from(b.subarray(at, Math.min(next, end)));
      if (type === 'VP8X') chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(chunk);
    }
    at = next;
  }
  if (chunks.length === 0) throw new PhotoFormatError('empty WebP');
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
