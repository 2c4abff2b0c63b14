/** vCard 3.0 (what phones import most reliably) of a person, with only what the viewer may see. */
import type { PersonView } from '../../../common/directory-api.ts';

const escapeValue = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '').replace(/,/g, '\\,').replace(/;/g, '\\;');

const PHONE_TYPE = {
  phone_office: 'WORK,VOICE',
  phone_mobile: 'CELL,VOICE',
  hotline_24h: 'WORK,VOICE',
  fax: 'WORK,FAX',
};

export function personVcard(p: PersonView): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeValue(p.nameTh)}`,
    `N:${escapeValue(p.nameTh)};;;;`,
    ...(p.nameEn ? [`NICKNAME:${escapeValue(p.nameEn)}`] : []),
    `ORG:${escapeValue(p.organisation.nameTh)}${p.department ? `;${escapeValue(p.department)}` : ''}`,
    ...(p.position ? [`TITLE:${escapeValue(p.position)}`] : []),
    ...p.phones.map((ph) => `TEL;TYPE=${PHONE_TYPE[ph.type]}:${escapeValue(ph.value)}`),
    ...(p.email ? [`EMAIL;TYPE=INTERNET:${escapeValue(p.email)}`] : []),
    ...(p.lineId ? [`X-LINE:${escapeValue(p.lineId)}`] : []),
    `NOTE:${escapeValue(`TIPNet — ${p.organisation.nameEn}`)}`,
    'END:VCARD',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
