import { describe, expect, it } from 'vitest';
import { checkPrivacy, findPersonalData, isValidThaiNationalId } from './privacy-check.ts';

const kinds = (text: string) => findPersonalData('body', text).map((f) => f.kind);

describe('Thai national ID numbers', () => {
  it('accepts a valid check digit and refuses a wrong one', () => {
    expect(isValidThaiNationalId('1103700123458')).toBe(true);
    expect(isValidThaiNationalId('1103700123457')).toBe(false);
    expect(isValidThaiNationalId('3101500123459')).toBe(true);
    expect(isValidThaiNationalId('110370012345')).toBe(false);
  });

  it.each([
    ['plain', 'เลขบัตร 1103700123458 ของผู้เสียหาย'],
    ['with dashes', 'เลขบัตร 1-1037-00123-45-8 ของผู้เสียหาย'],
    ['with spaces', 'ID 1 1037 00123 45 8.'],
    ['in Thai digits', 'เลขบัตร ๑๑๐๓๗๐๐๑๒๓๔๕๘'],
  ])('finds one written %s, with its position', (_how, text) => {
    const [finding, ...rest] = findPersonalData('body', text);
    expect(rest).toEqual([]);
    expect(finding!.kind).toBe('thai_national_id');
    expect(text.slice(finding!.start, finding!.end).replace(/[ -]/g, '')).toMatch(/^[\d๐-๙]{13}$/);
  });

  it('ignores 13 digits whose check digit is wrong, and longer digit runs', () => {
    expect(kinds('เลขที่หนังสือ 1-1037-00123-45-7')).toEqual([]);
    expect(kinds('บัญชี 11037001234580')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    '081-234-5678',
    '0812345678',
    '08 1234 5678',
    '02-123-4567',
    '053 123 456',
    '+66 81 234 5678',
    '+66812345678',
    '+66 (0) 2 123 4567',
    '๐๘๑๒๓๔๕๖๗๘',
  ])('finds %s', (phone) => {
    const text = `โทรหาน้องได้ที่ ${phone} ตอนเย็น`;
    const findings = findPersonalData('body', text);
    expect(findings.map((f) => f.kind)).toEqual(['phone_number']);
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe(phone);
  });

  it('leaves public short hotlines, years and amounts alone', () => {
    expect(kinds('สายด่วน 1300 และ 1191 ปี 2568 งบ 1,500,000 บาท')).toEqual([]);
  });
});

describe('passport numbers', () => {
  it.each(['AA1234567', 'MB123456', 'C1234567', 'N01234567'])('finds %s', (passport) => {
    expect(kinds(`หนังสือเดินทางเลขที่${passport} หมดอายุ`)).toEqual(['passport_number']);
  });

  it('leaves codes that are not passport-shaped alone', () => {
    expect(kinds('A21 และ TH-85 และ ISO9001 และ abc1234567')).toEqual([]);
  });
});

describe('checkPrivacy', () => {
  it('reports every field with findings, in order, and skips empty ones', () => {
    const findings = checkPrivacy({
      title: 'ผู้เสียหาย AA1234567',
      body: 'ติดต่อ 0812345678 หรือ 1-1037-00123-45-8',
      proposedSolution: null,
      source: '',
    });
    expect(findings.map((f) => [f.field, f.kind])).toEqual([
      ['title', 'passport_number'],
      ['body', 'phone_number'],
      ['body', 'thai_national_id'],
    ]);
  });

  it('looks past the ids of @mentions and links, but still at the text around them', () => {
    // Digits of an id that on their own look like a mobile number.
    const mention = '@[นายประมวล](user:08123456-78ab-4000-8000-000000000000)';
    expect(findPersonalData('body', `ขอให้ ${mention} ช่วยดู`)).toEqual([]);
    const link = 'https://tipnet.example/problems/a0812345-6780-4abc-8def-081234567890';
    expect(findPersonalData('body', `ดูที่ ${link}`)).toEqual([]);
    const text = `${mention} โทร 081-234-5678`;
    expect(findPersonalData('body', text)).toEqual([
      { kind: 'phone_number', field: 'body', start: text.lastIndexOf('081'), end: text.length },
    ]);
  });

  it('finds nothing in ordinary Thai text', () => {
    expect(checkPrivacy({ body: 'ลูกเรือประมงชาวเมียนมา 12 คน ไม่มีล่ามในการคัดแยก ณ ท่าเรือระนอง' })).toEqual([]);
  });
});
