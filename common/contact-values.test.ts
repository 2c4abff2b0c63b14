import { describe, expect, it } from 'vitest';
import { isLineId, isWebAddress, normalisePhone } from './contact-values.ts';

describe('normalisePhone', () => {
  it('writes Thai numbers the way they are read and dialled, however they were typed', () => {
    expect(normalisePhone('021411234')).toBe('02-141-1234');
    expect(normalisePhone('02 141 1234')).toBe('02-141-1234');
    expect(normalisePhone('0812345678')).toBe('081-234-5678');
    expect(normalisePhone('+66 81 234 5678')).toBe('081-234-5678');
    expect(normalisePhone('๐๘๑๒๓๔๕๖๗๘')).toBe('081-234-5678');
    expect(normalisePhone('053-000-111')).toBe('053-000-111');
  });

  it('keeps short hotlines and international numbers', () => {
    expect(normalisePhone('1300')).toBe('1300');
    expect(normalisePhone('191')).toBe('191');
    expect(normalisePhone('1 1 9 1')).toBe('1191');
    expect(normalisePhone('+95 9 123 456 789')).toBe('+95 9 12345 6789');
    expect(normalisePhone('+1 202 555 0100')).toBe('+1 202 555 0100');
  });

  it('refuses what no phone can dial', () => {
    for (const value of ['abc-not-a-phone', '', '12', '0', '02-141-1234 ext', '+', 'โทร 1300'])
      expect(normalisePhone(value), value).toBeNull();
  });
});

describe('other contact values', () => {
  it('accepts LINE ids and official accounts, not free text', () => {
    expect(isLineId('@mirror-demo')).toBe(true);
    expect(isLineId('suda.line_1')).toBe(true);
    expect(isLineId('ไลน์ของฉัน')).toBe(false);
    expect(isLineId('ab')).toBe(false);
  });

  it('accepts only http and https web addresses', () => {
    expect(isWebAddress('https://www.dsdw.go.th')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('www.example.org')).toBe(false);
  });
});
