/**
 * Checks of contact values (phones, LINE ids, web addresses), apart from validation.ts because the phone
 * rules carry libphonenumber's metadata (~25 kB compressed): only the directory's edit forms load it, not
 * the sign-in page.
 */
import { isEmailAddress, isLineId, isWebAddress, normalisePhone } from '../../common/contact-values.ts';
import type { ContactType } from '../../common/directory-taxonomies.ts';
import type { Check } from './validation.ts';

/** A number a call button can dial: Thai, a short hotline, or international (the server normalises it). */
export const checkPhone: Check = (value) => (normalisePhone(value) ? null : 'validation.phone');

export const checkLineId: Check = (value) => (isLineId(value) ? null : 'validation.lineId');

/** The same rules the server applies to an organisation's contact of this type. */
export function checkContactValue(type: ContactType, value: string): string | null {
  switch (type) {
    case 'email':
      return isEmailAddress(value) ? null : 'validation.email';
    case 'line':
      return checkLineId(value);
    case 'website':
      return isWebAddress(value) ? null : 'directory.edit.badWebsite';
    default:
      return checkPhone(value);
  }
}
