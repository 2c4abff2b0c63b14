/**
 * Taxonomies of the network directory, with Thai and English labels.
 * Codes are stored in the database and never change; labels may be reworded freely.
 * Adding an entry or rewording a label bumps TAXONOMY_VERSION so clients can refresh cached lists.
 */

export type TaxonomyEntry<C extends string = string> = { code: C; th: string; en: string };

export const TAXONOMY_VERSION = '2026-12-1';

const entries = <const T extends readonly TaxonomyEntry[]>(list: T) => list;
const codesOf = <T extends readonly TaxonomyEntry[]>(list: T) =>
  list.map((e) => e.code) as unknown as [T[number]['code'], ...T[number]['code'][]];

export const ORGANISATION_TYPES = entries([
  { code: 'ngo', th: 'องค์กรพัฒนาเอกชน (NGO)', en: 'Non-governmental organisation' },
  { code: 'law_enforcement', th: 'หน่วยงานบังคับใช้กฎหมาย', en: 'Law enforcement' },
  { code: 'central_government', th: 'ราชการส่วนกลาง', en: 'Central government' },
  { code: 'local_government', th: 'ราชการส่วนภูมิภาค/ส่วนท้องถิ่น', en: 'Provincial or local government' },
  { code: 'immigration', th: 'ตรวจคนเข้าเมือง', en: 'Immigration' },
  { code: 'labour_inspection', th: 'ตรวจแรงงาน', en: 'Labour inspection' },
  { code: 'social_welfare_shelter', th: 'สวัสดิการสังคม/สถานคุ้มครอง', en: 'Social welfare and shelter' },
  { code: 'prosecution', th: 'อัยการ', en: 'Prosecution' },
  { code: 'legal_service', th: 'บริการทางกฎหมาย', en: 'Legal service' },
  { code: 'health_service', th: 'บริการสุขภาพ', en: 'Health service' },
  {
    code: 'embassy_international',
    th: 'สถานทูต/องค์การระหว่างประเทศ',
    en: 'Embassy or international organisation',
  },
  { code: 'business_association', th: 'สมาคมธุรกิจ', en: 'Business association' },
  { code: 'media_academic', th: 'สื่อมวลชน/สถาบันการศึกษา', en: 'Media or academia' },
]);

export const THEMES = entries([
  { code: 'labour_trafficking', th: 'การค้ามนุษย์ด้านแรงงาน', en: 'Labour trafficking' },
  { code: 'sexual_exploitation', th: 'การแสวงประโยชน์ทางเพศ', en: 'Sexual exploitation' },
  { code: 'child_trafficking', th: 'การค้าเด็ก', en: 'Child trafficking' },
  { code: 'fisheries_at_sea', th: 'แรงงานประมงและแรงงานในทะเล', en: 'Fisheries and at-sea labour' },
  {
    code: 'forced_criminality',
    th: 'การบังคับให้กระทำผิด/แก๊งคอลเซ็นเตอร์และสแกมออนไลน์',
    en: 'Forced criminality and online scam compounds',
  },
  { code: 'forced_begging', th: 'การบังคับขอทาน', en: 'Forced begging' },
  { code: 'domestic_servitude', th: 'การบังคับทำงานบ้าน', en: 'Domestic servitude' },
  {
    code: 'online_child_sexual_exploitation',
    th: 'การแสวงประโยชน์ทางเพศจากเด็กทางออนไลน์',
    en: 'Online child sexual exploitation',
  },
  { code: 'organ_trafficking', th: 'การค้าอวัยวะ', en: 'Organ trafficking' },
  { code: 'migrant_smuggling', th: 'การลักลอบขนคนเข้าเมือง', en: 'Links with migrant smuggling' },
]);

export const SERVICES = entries([
  { code: 'rescue_operations', th: 'ช่วยเหลือ/สนับสนุนปฏิบัติการ', en: 'Rescue and operations support' },
  { code: 'victim_identification', th: 'คัดแยกผู้เสียหาย', en: 'Victim identification and screening' },
  { code: 'shelter', th: 'สถานคุ้มครอง/ที่พักพิง', en: 'Shelter' },
  { code: 'medical', th: 'การรักษาพยาบาล', en: 'Medical care' },
  { code: 'psychosocial', th: 'การดูแลด้านจิตใจและสังคม', en: 'Psychosocial support' },
  { code: 'legal_aid', th: 'ความช่วยเหลือทางกฎหมาย', en: 'Legal aid' },
  { code: 'interpretation', th: 'ล่าม', en: 'Interpretation' },
  { code: 'repatriation_reintegration', th: 'ส่งกลับและคืนสู่สังคม', en: 'Repatriation and reintegration' },
  { code: 'labour_inspection', th: 'ตรวจแรงงาน', en: 'Labour inspection' },
  { code: 'investigation', th: 'สืบสวนสอบสวน', en: 'Investigation' },
  { code: 'prosecution', th: 'ดำเนินคดี', en: 'Prosecution' },
  { code: 'compensation_claims', th: 'เรียกร้องค่าสินไหมทดแทน', en: 'Compensation claims' },
  { code: 'vocational_training', th: 'ฝึกอาชีพ', en: 'Vocational training' },
  { code: 'awareness_prevention', th: 'สร้างความตระหนักและป้องกัน', en: 'Awareness and prevention' },
  { code: 'research_data', th: 'วิจัยและข้อมูล', en: 'Research and data' },
]);

export const POPULATIONS = entries([
  { code: 'children', th: 'เด็ก (ต่ำกว่า 18 ปี)', en: 'Children (under 18)' },
  { code: 'adults', th: 'ผู้ใหญ่', en: 'Adults' },
  { code: 'women_girls', th: 'ผู้หญิงและเด็กหญิง', en: 'Women and girls' },
  { code: 'men_boys', th: 'ผู้ชายและเด็กชาย', en: 'Men and boys' },
  { code: 'lgbtqi', th: 'ผู้มีความหลากหลายทางเพศ', en: 'LGBTQI+ people' },
  { code: 'thai_nationals', th: 'คนไทย', en: 'Thai nationals' },
  { code: 'migrant_workers', th: 'แรงงานข้ามชาติ', en: 'Migrant workers' },
  { code: 'myanmar_nationals', th: 'ชาวเมียนมา', en: 'Myanmar nationals' },
  { code: 'cambodian_nationals', th: 'ชาวกัมพูชา', en: 'Cambodian nationals' },
  { code: 'lao_nationals', th: 'ชาวลาว', en: 'Lao nationals' },
  { code: 'vietnamese_nationals', th: 'ชาวเวียดนาม', en: 'Vietnamese nationals' },
  { code: 'other_nationals', th: 'ชาวต่างชาติอื่น ๆ', en: 'Other foreign nationals' },
  { code: 'stateless', th: 'ผู้ไร้รัฐ', en: 'Stateless people' },
  { code: 'fishers_seafarers', th: 'ลูกเรือประมงและคนประจำเรือ', en: 'Fishers and seafarers' },
  { code: 'persons_with_disabilities', th: 'คนพิการ', en: 'Persons with disabilities' },
]);

/** ISO 3166-2:TH codes. Pattaya (TH-S) is a special city, not a province, so it is not listed. */
export const PROVINCES = entries([
  { code: 'TH-10', th: 'กรุงเทพมหานคร', en: 'Bangkok' },
  { code: 'TH-11', th: 'สมุทรปราการ', en: 'Samut Prakan' },
  { code: 'TH-12', th: 'นนทบุรี', en: 'Nonthaburi' },
  { code: 'TH-13', th: 'ปทุมธานี', en: 'Pathum Thani' },
  { code: 'TH-14', th: 'พระนครศรีอยุธยา', en: 'Phra Nakhon Si Ayutthaya' },
  { code: 'TH-15', th: 'อ่างทอง', en: 'Ang Thong' },
  { code: 'TH-16', th: 'ลพบุรี', en: 'Lop Buri' },
  { code: 'TH-17', th: 'สิงห์บุรี', en: 'Sing Buri' },
  { code: 'TH-18', th: 'ชัยนาท', en: 'Chai Nat' },
  { code: 'TH-19', th: 'สระบุรี', en: 'Saraburi' },
  { code: 'TH-20', th: 'ชลบุรี', en: 'Chon Buri' },
  { code: 'TH-21', th: 'ระยอง', en: 'Rayong' },
  { code: 'TH-22', th: 'จันทบุรี', en: 'Chanthaburi' },
  { code: 'TH-23', th: 'ตราด', en: 'Trat' },
  { code: 'TH-24', th: 'ฉะเชิงเทรา', en: 'Chachoengsao' },
  { code: 'TH-25', th: 'ปราจีนบุรี', en: 'Prachin Buri' },
  { code: 'TH-26', th: 'นครนายก', en: 'Nakhon Nayok' },
  { code: 'TH-27', th: 'สระแก้ว', en: 'Sa Kaeo' },
  { code: 'TH-30', th: 'นครราชสีมา', en: 'Nakhon Ratchasima' },
  { code: 'TH-31', th: 'บุรีรัมย์', en: 'Buri Ram' },
  { code: 'TH-32', th: 'สุรินทร์', en: 'Surin' },
  { code: 'TH-33', th: 'ศรีสะเกษ', en: 'Si Sa Ket' },
  { code: 'TH-34', th: 'อุบลราชธานี', en: 'Ubon Ratchathani' },
  { code: 'TH-35', th: 'ยโสธร', en: 'Yasothon' },
  { code: 'TH-36', th: 'ชัยภูมิ', en: 'Chaiyaphum' },
  { code: 'TH-37', th: 'อำนาจเจริญ', en: 'Amnat Charoen' },
  { code: 'TH-38', th: 'บึงกาฬ', en: 'Bueng Kan' },
  { code: 'TH-39', th: 'หนองบัวลำภู', en: 'Nong Bua Lam Phu' },
  { code: 'TH-40', th: 'ขอนแก่น', en: 'Khon Kaen' },
  { code: 'TH-41', th: 'อุดรธานี', en: 'Udon Thani' },
  { code: 'TH-42', th: 'เลย', en: 'Loei' },
  { code: 'TH-43', th: 'หนองคาย', en: 'Nong Khai' },
  { code: 'TH-44', th: 'มหาสารคาม', en: 'Maha Sarakham' },
  { code: 'TH-45', th: 'ร้อยเอ็ด', en: 'Roi Et' },
  { code: 'TH-46', th: 'กาฬสินธุ์', en: 'Kalasin' },
  { code: 'TH-47', th: 'สกลนคร', en: 'Sakon Nakhon' },
  { code: 'TH-48', th: 'นครพนม', en: 'Nakhon Phanom' },
  { code: 'TH-49', th: 'มุกดาหาร', en: 'Mukdahan' },
  { code: 'TH-50', th: 'เชียงใหม่', en: 'Chiang Mai' },
  { code: 'TH-51', th: 'ลำพูน', en: 'Lamphun' },
  { code: 'TH-52', th: 'ลำปาง', en: 'Lampang' },
  { code: 'TH-53', th: 'อุตรดิตถ์', en: 'Uttaradit' },
  { code: 'TH-54', th: 'แพร่', en: 'Phrae' },
  { code: 'TH-55', th: 'น่าน', en: 'Nan' },
  { code: 'TH-56', th: 'พะเยา', en: 'Phayao' },
  { code: 'TH-57', th: 'เชียงราย', en: 'Chiang Rai' },
  { code: 'TH-58', th: 'แม่ฮ่องสอน', en: 'Mae Hong Son' },
  { code: 'TH-60', th: 'นครสวรรค์', en: 'Nakhon Sawan' },
  { code: 'TH-61', th: 'อุทัยธานี', en: 'Uthai Thani' },
  { code: 'TH-62', th: 'กำแพงเพชร', en: 'Kamphaeng Phet' },
  { code: 'TH-63', th: 'ตาก', en: 'Tak' },
  { code: 'TH-64', th: 'สุโขทัย', en: 'Sukhothai' },
  { code: 'TH-65', th: 'พิษณุโลก', en: 'Phitsanulok' },
  { code: 'TH-66', th: 'พิจิตร', en: 'Phichit' },
  { code: 'TH-67', th: 'เพชรบูรณ์', en: 'Phetchabun' },
  { code: 'TH-70', th: 'ราชบุรี', en: 'Ratchaburi' },
  { code: 'TH-71', th: 'กาญจนบุรี', en: 'Kanchanaburi' },
  { code: 'TH-72', th: 'สุพรรณบุรี', en: 'Suphan Buri' },
  { code: 'TH-73', th: 'นครปฐม', en: 'Nakhon Pathom' },
  { code: 'TH-74', th: 'สมุทรสาคร', en: 'Samut Sakhon' },
  { code: 'TH-75', th: 'สมุทรสงคราม', en: 'Samut Songkhram' },
  { code: 'TH-76', th: 'เพชรบุรี', en: 'Phetchaburi' },
  { code: 'TH-77', th: 'ประจวบคีรีขันธ์', en: 'Prachuap Khiri Khan' },
  { code: 'TH-80', th: 'นครศรีธรรมราช', en: 'Nakhon Si Thammarat' },
  { code: 'TH-81', th: 'กระบี่', en: 'Krabi' },
  { code: 'TH-82', th: 'พังงา', en: 'Phang Nga' },
  { code: 'TH-83', th: 'ภูเก็ต', en: 'Phuket' },
  { code: 'TH-84', th: 'สุราษฎร์ธานี', en: 'Surat Thani' },
  { code: 'TH-85', th: 'ระนอง', en: 'Ranong' },
  { code: 'TH-86', th: 'ชุมพร', en: 'Chumphon' },
  { code: 'TH-90', th: 'สงขลา', en: 'Songkhla' },
  { code: 'TH-91', th: 'สตูล', en: 'Satun' },
  { code: 'TH-92', th: 'ตรัง', en: 'Trang' },
  { code: 'TH-93', th: 'พัทลุง', en: 'Phatthalung' },
  { code: 'TH-94', th: 'ปัตตานี', en: 'Pattani' },
  { code: 'TH-95', th: 'ยะลา', en: 'Yala' },
  { code: 'TH-96', th: 'นราธิวาส', en: 'Narathiwat' },
]);

/** Coverage beyond single provinces; stored in the same `coverage` list as province codes. */
export const COVERAGE_FLAGS = entries([
  { code: 'nationwide', th: 'ทั่วประเทศ', en: 'Nationwide' },
  { code: 'abroad', th: 'ต่างประเทศ', en: 'Abroad' },
]);

/** Languages an organisation or person can serve people in (ISO 639 codes). */
export const SERVICE_LANGUAGES = entries([
  { code: 'th', th: 'ไทย', en: 'Thai' },
  { code: 'en', th: 'อังกฤษ', en: 'English' },
  { code: 'my', th: 'เมียนมา', en: 'Burmese' },
  { code: 'km', th: 'เขมร', en: 'Khmer' },
  { code: 'lo', th: 'ลาว', en: 'Lao' },
  { code: 'vi', th: 'เวียดนาม', en: 'Vietnamese' },
  { code: 'zh', th: 'จีน', en: 'Chinese' },
  { code: 'kar', th: 'กะเหรี่ยง', en: 'Karen' },
  { code: 'shn', th: 'ไทใหญ่', en: 'Shan' },
  { code: 'ms', th: 'มลายู', en: 'Malay' },
  { code: 'rhg', th: 'โรฮีนจา', en: 'Rohingya' },
  { code: 'bn', th: 'เบงกาลี', en: 'Bengali' },
  { code: 'tsq', th: 'ภาษามือไทย', en: 'Thai Sign Language' },
]);

/**
 * Focal-point roles that are neither a theme nor a service. `data_protection` is alerted when the
 * Centre breaks the glass on the organisation's coordination vault data (issue 12).
 */
export const FOCAL_ROLES = entries([
  {
    code: 'data_protection',
    th: 'ผู้ประสานงานด้านคุ้มครองข้อมูลส่วนบุคคล',
    en: 'Data protection',
  },
]);

export const PHONE_TYPES = entries([
  { code: 'phone_office', th: 'โทรศัพท์สำนักงาน', en: 'Office phone' },
  { code: 'phone_mobile', th: 'โทรศัพท์มือถือ', en: 'Mobile phone' },
  { code: 'hotline_24h', th: 'สายด่วน 24 ชั่วโมง', en: '24-hour hotline' },
  { code: 'fax', th: 'โทรสาร', en: 'Fax' },
]);

export const CONTACT_TYPES = entries([
  ...PHONE_TYPES,
  { code: 'email', th: 'อีเมล', en: 'Email' },
  { code: 'line', th: 'LINE', en: 'LINE' },
  { code: 'website', th: 'เว็บไซต์', en: 'Website' },
]);

export const VISIBILITIES = entries([
  { code: 'all_members', th: 'สมาชิกเครือข่ายทุกคน', en: 'All network members' },
  { code: 'centre_only', th: 'เฉพาะ ศพดส.ตร.', en: 'The Centre only' },
]);

export const ORGANISATION_TYPE_CODES = codesOf(ORGANISATION_TYPES);
export const THEME_CODES = codesOf(THEMES);
export const SERVICE_CODES = codesOf(SERVICES);
export const POPULATION_CODES = codesOf(POPULATIONS);
export const PROVINCE_CODES = codesOf(PROVINCES);
export const COVERAGE_CODES = [...PROVINCE_CODES, ...codesOf(COVERAGE_FLAGS)] as [
  CoverageCode,
  ...CoverageCode[],
];
export const SERVICE_LANGUAGE_CODES = codesOf(SERVICE_LANGUAGES);
export const PHONE_TYPE_CODES = codesOf(PHONE_TYPES);
export const CONTACT_TYPE_CODES = codesOf(CONTACT_TYPES);
export const VISIBILITY_CODES = codesOf(VISIBILITIES);
/** A focal point is named for a thematic area or a service. */
export const FOCAL_ROLE_CODES = codesOf(FOCAL_ROLES);
export const FOCAL_TOPIC_CODES = [...THEME_CODES, ...SERVICE_CODES, ...FOCAL_ROLE_CODES] as [
  FocalTopic,
  ...FocalTopic[],
];

export type OrganisationType = (typeof ORGANISATION_TYPES)[number]['code'];
export type Theme = (typeof THEMES)[number]['code'];
export type Service = (typeof SERVICES)[number]['code'];
export type Population = (typeof POPULATIONS)[number]['code'];
export type ProvinceCode = (typeof PROVINCES)[number]['code'];
export type CoverageCode = ProvinceCode | (typeof COVERAGE_FLAGS)[number]['code'];
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number]['code'];
export type PhoneType = (typeof PHONE_TYPES)[number]['code'];
export type ContactType = (typeof CONTACT_TYPES)[number]['code'];
export type Visibility = (typeof VISIBILITIES)[number]['code'];
export type FocalRole = (typeof FOCAL_ROLES)[number]['code'];
export type FocalTopic = Theme | Service | FocalRole;

/** Every list at once, as GET /api/v1/taxonomies serves it. */
export const DIRECTORY_TAXONOMIES = {
  version: TAXONOMY_VERSION,
  organisationTypes: ORGANISATION_TYPES,
  themes: THEMES,
  services: SERVICES,
  populations: POPULATIONS,
  provinces: PROVINCES,
  coverageFlags: COVERAGE_FLAGS,
  languages: SERVICE_LANGUAGES,
  phoneTypes: PHONE_TYPES,
  contactTypes: CONTACT_TYPES,
  visibilities: VISIBILITIES,
  focalRoles: FOCAL_ROLES,
};

const byCode = new Map<string, TaxonomyEntry>(
  [
    ...ORGANISATION_TYPES,
    ...THEMES,
    ...SERVICES,
    ...POPULATIONS,
    ...PROVINCES,
    ...COVERAGE_FLAGS,
    ...FOCAL_ROLES,
  ].map((e) => [e.code, e]),
);
/** Labels of a theme, service, population, type or province code, for search documents and exports. */
export const labelOf = (code: string): TaxonomyEntry | undefined => byCode.get(code);
