import { describe, expect, it } from 'vitest';
import { ageOf, requestReference, requestTypeLabel, urgencyLabel } from './labels.ts';

const NOW = Date.parse('2026-12-05T02:00:00+07:00');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('how an inbox card says how old a request is', () => {
  it('uses minutes under an hour, hours under two days, then days, in Thai', () => {
    expect(ageOf(ago(7 * 60_000), NOW, 'th')).toBe('7 นาทีที่ผ่านมา');
    expect(ageOf(ago(3 * 3_600_000), NOW, 'th')).toBe('3 ชั่วโมงที่ผ่านมา');
    expect(ageOf(ago(3 * 86_400_000), NOW, 'th')).toBe('3 วันที่ผ่านมา');
  });

  it('says it in English too', () => {
    expect(ageOf(ago(7 * 60_000), NOW, 'en')).toBe('7 minutes ago');
  });
});

describe('labels of the request codes', () => {
  it('reads the type and urgency in the reader’s language', () => {
    expect(requestTypeLabel('interpreter', 'th')).toBe('ขอล่าม');
    expect(urgencyLabel('critical', 'th')).toBe('วิกฤต');
    expect(urgencyLabel('critical', 'en')).toBe('Critical');
  });

  it('gives the short reference quoted on the phone', () => {
    expect(requestReference('8affcc54-1234-4abc-8def-0123456789ab')).toBe('8AFFCC54');
  });
});
