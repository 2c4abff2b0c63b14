import { describe, expect, it } from 'vitest';
import { inLanguage, organisationAbbreviation } from './bilingual.ts';

describe('bilingual directory texts', () => {
  it('shows the English text to an English reader and the Thai to a Thai reader', () => {
    const hours = { th: 'จันทร์–ศุกร์', en: 'Mon–Fri' };
    expect(inLanguage(hours, 'en')).toEqual({ text: 'Mon–Fri', lang: 'en' });
    expect(inLanguage(hours, 'th')).toEqual({ text: 'จันทร์–ศุกร์', lang: 'th' });
  });

  it('falls back to the Thai text, marked as Thai, when no English one was written', () => {
    expect(inLanguage({ th: 'จันทร์–ศุกร์', en: null }, 'en')).toEqual({ text: 'จันทร์–ศุกร์', lang: 'th' });
    expect(inLanguage({ th: null, en: null }, 'en')).toBeNull();
  });

  it('never puts the Thai abbreviation beside an English name', () => {
    const fisheries = { abbreviation: 'กป.', abbreviationEn: 'DOF' };
    expect(organisationAbbreviation(fisheries, 'en')).toBe('DOF');
    expect(organisationAbbreviation(fisheries, 'th')).toBe('กป.');
    expect(organisationAbbreviation({ abbreviation: 'กป.', abbreviationEn: null }, 'en')).toBeNull();
  });
});
