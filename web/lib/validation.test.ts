import { describe, expect, it } from 'vitest';
import { checkContactValue } from './contact-validation.ts';
import {
  checkEmail,
  checkNewPassword,
  checkPasswordsMatch,
  checkSixDigitCode,
  collectErrors,
} from './validation.ts';

describe('client-side checks', () => {
  it('accepts a plausible email and rejects others', () => {
    expect(checkEmail(' somchai@mirror.or.th ')).toBeNull();
    expect(checkEmail('somchai')).toBe('validation.email');
    expect(checkEmail('')).toBe('validation.required');
  });

  it('asks for at least 12 characters in a new password', () => {
    expect(checkNewPassword('short')).toBe('validation.passwordLength');
    expect(checkNewPassword('twelve chars')).toBeNull();
  });

  it('compares the confirmation exactly', () => {
    expect(checkPasswordsMatch('a', 'a')).toBeNull();
    expect(checkPasswordsMatch('a', 'A')).toBe('validation.passwordsMatch');
  });

  it('wants exactly six digits for a TOTP code', () => {
    expect(checkSixDigitCode('123456')).toBeNull();
    expect(checkSixDigitCode('12345a')).toBe('validation.sixDigits');
  });

  it('keeps only the failed fields, or null when all pass', () => {
    expect(collectErrors({ email: null, password: 'validation.passwordLength' })).toEqual({
      password: 'validation.passwordLength',
    });
    expect(collectErrors({ email: null })).toBeNull();
  });
});

describe('contact values in the directory forms', () => {
  it('names the problem of a contact the server would refuse, by its type', () => {
    expect(checkContactValue('hotline_24h', 'abc-not-a-phone')).toBe('validation.phone');
    expect(checkContactValue('hotline_24h', '1300')).toBeNull();
    expect(checkContactValue('phone_mobile', '081 234 5678')).toBeNull();
    expect(checkContactValue('email', 'nobody')).toBe('validation.email');
    expect(checkContactValue('line', 'ไลน์')).toBe('validation.lineId');
    expect(checkContactValue('website', 'example.org')).toBe('directory.edit.badWebsite');
  });
});
