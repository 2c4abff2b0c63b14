/**
 * Directory details of the demo network: public, organisation-level descriptions. Phone numbers are the
 * organisations' well-known public hotlines where there is one (1300, 1546, 1694), otherwise fictional and
 * labelled as demo numbers. Every person is fictional and says so in their name.
 */
import type {
  ContactType,
  CoverageCode,
  FocalTopic,
  OrganisationType,
  PhoneType,
  Population,
  ProvinceCode,
  Service,
  ServiceLanguage,
  Theme,
  Visibility,
} from '../../common/directory-taxonomies.ts';

type DemoContact = { type: ContactType; value: string; label?: string; visibility?: Visibility };
export type DemoDirectoryEntry = {
  type: OrganisationType;
  parent?: string;
  descriptionTh: string;
  descriptionEn: string;
  provinceCode: ProvinceCode;
  coverage: CoverageCode[];
  themes: Theme[];
  services: Service[];
  populations: Population[];
  languages: ServiceLanguage[];
  eligibilityNotes?: string;
  shelterCapacity?: number;
  mandateAndLimits: string;
  howToRequestHelp: string;
  documentsRequired?: string;
  officeHours: string;
  afterHoursContact?: string;
  typicalTurnaround?: string;
  /** English versions; where one is missing the English UI shows the Thai, marked as Thai. */
  mandateAndLimitsEn?: string;
  howToRequestHelpEn?: string;
  documentsRequiredEn?: string;
  officeHoursEn?: string;
  afterHoursContactEn?: string;
  typicalTurnaroundEn?: string;
  verified: boolean;
  contacts: DemoContact[];
};

const DEMO = 'หมายเลขตัวอย่าง (Demo)';
const BANGKOK: ProvinceCode = 'TH-10';
const WEEKDAYS = 'จันทร์–ศุกร์ 08:30–16:30 น.';
const WEEKDAYS_EN = 'Mon–Fri 08:30–16:30';

export const DEMO_DIRECTORY: Record<string, DemoDirectoryEntry> = {
  centre: {
    type: 'law_enforcement',
    descriptionTh:
      "ศูนย์ของสำนักงานตำรวจแห่งชาติที่ป้องกันและปราบปรามการค้ามนุษย์ คุ้มครองเด็ก สตรี และครอบครัว รวมถึงการค้ามนุษย์ในภาคประมง และประสานเครือข่าย Let's Talk TIP",
    descriptionEn:
      "Royal Thai Police centre that prevents and suppresses human trafficking, protects children, women and families, covers trafficking in the fisheries sector and convenes the Let's Talk TIP network.",
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: [
      'labour_trafficking',
      'sexual_exploitation',
      'child_trafficking',
      'fisheries_at_sea',
      'forced_criminality',
      'online_child_sexual_exploitation',
    ],
    services: ['rescue_operations', 'victim_identification', 'investigation'],
    populations: [],
    languages: ['th', 'en'],
    mandateAndLimits: 'สืบสวนสอบสวนคดีค้ามนุษย์ทั่วประเทศ สนับสนุนการช่วยเหลือผู้เสียหายร่วมกับ พม. ไม่ได้ให้ที่พักพิงเอง',
    mandateAndLimitsEn:
      'Investigates trafficking cases nationwide and supports victim assistance with MSDHS; runs no shelter itself',
    howToRequestHelp: 'แจ้งเหตุผ่านสายด่วน 24 ชั่วโมง หรือส่งคำขอประสานงานผ่าน TIPNet พร้อมข้อมูลสถานที่และจำนวนผู้เสียหาย',
    howToRequestHelpEn:
      'Report through the 24-hour hotline, or send a coordination request in TIPNet with the location and the number of victims',
    documentsRequired: 'ไม่จำเป็นต้องมีเอกสารเพื่อแจ้งเหตุ',
    documentsRequiredEn: 'No documents are needed to report',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    afterHoursContact: 'สายด่วน 24 ชั่วโมงของศูนย์ฯ (หมายเลขตัวอย่าง)',
    afterHoursContactEn: "The Centre's 24-hour hotline (demo number)",
    typicalTurnaround: 'เหตุเร่งด่วน: ทันที; คำขอประสานงานทั่วไป: ภายใน 1 วันทำการ',
    typicalTurnaroundEn: 'Emergencies: at once; other coordination requests: within 1 working day',
    verified: true,
    contacts: [
      { type: 'hotline_24h', value: '02-000-1191', label: DEMO },
      { type: 'phone_office', value: '02-000-1000', label: DEMO },
      { type: 'email', value: 'centre@tipnet.example' },
      {
        type: 'phone_mobile',
        value: '08-0000-0001',
        label: 'เวรผู้บังคับบัญชา (Demo)',
        visibility: 'centre_only',
      },
    ],
  },
  moi: {
    type: 'central_government',
    descriptionTh:
      'กระทรวงที่ดูแลการปกครองส่วนภูมิภาคและท้องถิ่น ผู้ว่าราชการจังหวัดเป็นประธานคณะอนุกรรมการป้องกันและปราบปรามการค้ามนุษย์ระดับจังหวัด',
    descriptionEn:
      'Ministry responsible for provincial and local administration; provincial governors chair the provincial anti-trafficking sub-committees.',
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: ['labour_trafficking', 'migrant_smuggling'],
    services: ['awareness_prevention'],
    populations: [],
    languages: ['th'],
    mandateAndLimits: 'กำกับดูแลกลไกระดับจังหวัด ไม่ได้ปฏิบัติการช่วยเหลือโดยตรง',
    mandateAndLimitsEn: 'Oversees the provincial mechanisms; does not carry out assistance itself',
    howToRequestHelp: 'ประสานผ่านสำนักงานจังหวัดหรือที่ทำการปกครองจังหวัดในพื้นที่',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: true,
    contacts: [{ type: 'phone_office', value: '02-000-2000', label: DEMO }],
  },
  dopa: {
    type: 'central_government',
    parent: 'moi',
    descriptionTh: 'กรมการปกครองดูแลทะเบียนราษฎร สถานะบุคคล และฝ่ายปกครองในอำเภอ ช่วยพิสูจน์สถานะบุคคลของผู้เสียหาย',
    descriptionEn:
      "Department of Provincial Administration: civil registration, legal status and district administration; helps establish victims' legal status.",
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: ['labour_trafficking', 'child_trafficking', 'forced_begging'],
    services: ['victim_identification', 'rescue_operations'],
    populations: ['stateless', 'thai_nationals'],
    languages: ['th'],
    mandateAndLimits: 'ตรวจสอบทะเบียนราษฎรและสถานะบุคคล สนับสนุนการตรวจค้นร่วมกับตำรวจในพื้นที่',
    howToRequestHelp: 'ติดต่อที่ว่าการอำเภอในพื้นที่ หรือส่งคำขอผ่าน TIPNet',
    documentsRequired: 'สำเนาเอกสารแสดงตนของผู้เสียหาย (ถ้ามี)',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'phone_office', value: '02-000-2100', label: DEMO }],
  },
  msdhs: {
    type: 'social_welfare_shelter',
    descriptionTh: 'กระทรวง พม. ดูแลการคุ้มครองผู้เสียหายจากการค้ามนุษย์ สถานคุ้มครองสวัสดิภาพ และการส่งกลับคืนสู่สังคม',
    descriptionEn:
      'MSDHS protects trafficking victims: government shelters, welfare protection, repatriation and reintegration.',
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: [
      'labour_trafficking',
      'sexual_exploitation',
      'child_trafficking',
      'forced_begging',
      'domestic_servitude',
    ],
    services: [
      'shelter',
      'psychosocial',
      'victim_identification',
      'repatriation_reintegration',
      'vocational_training',
      'compensation_claims',
    ],
    populations: [],
    languages: ['th', 'en', 'my', 'km', 'lo'],
    eligibilityNotes: 'ผู้เสียหายและผู้ที่อาจเป็นผู้เสียหายทุกสัญชาติ ทุกเพศ ทุกวัย',
    shelterCapacity: 120,
    mandateAndLimits: 'ให้ที่พักพิงและคุ้มครองตาม พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ไม่มีอำนาจสืบสวนคดี',
    mandateAndLimitsEn:
      'Shelters and protects victims under the Anti-Trafficking in Persons Act; has no power to investigate',
    howToRequestHelp: 'โทรสายด่วน 1300 หรือส่งคำขอส่งต่อผู้เสียหายผ่าน TIPNet',
    howToRequestHelpEn: 'Call the 1300 hotline or send a victim referral in TIPNet',
    documentsRequired: 'แบบคัดแยกผู้เสียหายเบื้องต้น (ถ้ามี)',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    afterHoursContact: 'สายด่วน 1300 ตลอด 24 ชั่วโมง',
    afterHoursContactEn: '1300 hotline, 24 hours',
    typicalTurnaround: 'รับเข้าสถานคุ้มครองกรณีเร่งด่วน: ภายในวันเดียวกัน',
    typicalTurnaroundEn: 'Urgent shelter admission: the same day',
    verified: true,
    contacts: [
      { type: 'hotline_24h', value: '1300', label: 'ศูนย์ช่วยเหลือสังคม สายด่วน 1300' },
      { type: 'phone_office', value: '02-000-3000', label: DEMO },
    ],
  },
  fisheries: {
    type: 'central_government',
    descriptionTh:
      'กรมประมงกำกับดูแลเรือประมงและการทำประมง ตรวจเรือเข้าออกท่า (PIPO) ร่วมตรวจแรงงานประมงกับหน่วยงานอื่น',
    descriptionEn:
      'Department of Fisheries regulates fishing vessels, runs port-in/port-out (PIPO) inspections and joins fisheries labour inspections.',
    provinceCode: BANGKOK,
    coverage: ['nationwide', 'TH-85', 'TH-74', 'TH-90'],
    themes: ['fisheries_at_sea', 'labour_trafficking'],
    services: ['labour_inspection', 'research_data'],
    populations: ['fishers_seafarers', 'migrant_workers'],
    languages: ['th', 'en', 'my'],
    mandateAndLimits: 'ตรวจเรือประมงและเอกสารลูกเรือ ไม่ได้สืบสวนคดีค้ามนุษย์เอง ส่งต่อให้ตำรวจ',
    mandateAndLimitsEn:
      'Inspects fishing vessels and crew documents; does not investigate trafficking itself but refers to the police',
    howToRequestHelp: 'แจ้งชื่อเรือ ทะเบียนเรือ และท่าเทียบเรือ ผ่าน TIPNet หรือศูนย์ PIPO ในจังหวัด',
    howToRequestHelpEn:
      "Give the vessel's name, registration and pier, in TIPNet or to the province's PIPO centre",
    documentsRequired: 'ชื่อเรือ/ทะเบียนเรือ และตำแหน่งท่าเรือ',
    documentsRequiredEn: 'Vessel name or registration, and the pier',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    afterHoursContact: 'ศูนย์ PIPO ในจังหวัดชายทะเล (หมายเลขตัวอย่าง)',
    afterHoursContactEn: 'PIPO centre of the coastal province (demo number)',
    typicalTurnaround: '2–3 วันทำการ',
    typicalTurnaroundEn: '2–3 working days',
    verified: true,
    contacts: [
      { type: 'phone_office', value: '02-000-4000', label: DEMO },
      { type: 'email', value: 'fisheries@tipnet.example' },
    ],
  },
  oag: {
    type: 'prosecution',
    descriptionTh: 'สำนักงานคดีค้ามนุษย์ของสำนักงานอัยการสูงสุด ดำเนินคดีค้ามนุษย์และให้คำปรึกษาพนักงานสอบสวนตั้งแต่ต้น',
    descriptionEn:
      "The Attorney General's human-trafficking litigation office prosecutes trafficking cases and advises investigators early.",
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: ['labour_trafficking', 'sexual_exploitation', 'child_trafficking', 'forced_criminality'],
    services: ['prosecution', 'compensation_claims', 'legal_aid'],
    populations: [],
    languages: ['th', 'en'],
    mandateAndLimits: 'ดำเนินคดีอาญาและเรียกค่าสินไหมทดแทนแทนผู้เสียหาย ไม่รับแจ้งความโดยตรง',
    mandateAndLimitsEn:
      'Prosecutes and claims compensation on behalf of victims; takes no complaints directly',
    howToRequestHelp: 'พนักงานสอบสวนส่งสำนวนหรือขอคำปรึกษาผ่าน TIPNet',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    typicalTurnaround: 'คำปรึกษา: ภายใน 3 วันทำการ',
    typicalTurnaroundEn: 'Advice: within 3 working days',
    verified: true,
    contacts: [{ type: 'phone_office', value: '02-000-5000', label: DEMO }],
  },
  doe: {
    type: 'central_government',
    descriptionTh: 'กรมการจัดหางานดูแลการจ้างแรงงานข้ามชาติ ใบอนุญาตทำงาน และป้องกันการหลอกลวงไปทำงานต่างประเทศ',
    descriptionEn:
      'Department of Employment: migrant worker employment, work permits and prevention of overseas job scams.',
    provinceCode: BANGKOK,
    coverage: ['nationwide', 'abroad'],
    themes: ['labour_trafficking', 'forced_criminality', 'migrant_smuggling'],
    services: ['awareness_prevention', 'labour_inspection', 'repatriation_reintegration'],
    populations: ['migrant_workers', 'thai_nationals'],
    languages: ['th', 'en', 'my', 'km', 'lo'],
    mandateAndLimits: 'ตรวจสอบนายจ้างและบริษัทจัดหางาน ไม่ได้ให้ที่พักพิง',
    mandateAndLimitsEn: 'Checks employers and recruitment agencies; runs no shelter',
    howToRequestHelp: 'สายด่วน 1694 หรือสำนักงานจัดหางานจังหวัด',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: true,
    contacts: [{ type: 'phone_office', value: '1694', label: 'สายด่วนกรมการจัดหางาน' }],
  },
  dlpw: {
    type: 'labour_inspection',
    descriptionTh: 'กรมสวัสดิการและคุ้มครองแรงงานตรวจแรงงาน รวมถึงแรงงานประมง ดูแลค่าจ้างและสภาพการทำงาน',
    descriptionEn:
      'Department of Labour Protection and Welfare: labour inspection, including fisheries, wages and working conditions.',
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: ['labour_trafficking', 'fisheries_at_sea', 'domestic_servitude'],
    services: ['labour_inspection', 'compensation_claims'],
    populations: ['migrant_workers', 'fishers_seafarers'],
    languages: ['th', 'my'],
    mandateAndLimits: 'ตรวจสถานประกอบการและสั่งจ่ายค่าจ้างค้าง ไม่มีอำนาจจับกุม',
    mandateAndLimitsEn: 'Inspects workplaces and orders unpaid wages paid; has no power of arrest',
    howToRequestHelp: 'สายด่วน 1546 หรือสำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัด',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'phone_office', value: '1546', label: 'สายด่วนแรงงาน' }],
  },
  us_embassy: {
    type: 'embassy_international',
    descriptionTh: 'สถานทูตสหรัฐอเมริกาประจำประเทศไทย ผู้สังเกตการณ์ของเครือข่าย',
    descriptionEn: 'Embassy of the United States in Thailand; an observer of the network.',
    provinceCode: BANGKOK,
    coverage: ['abroad'],
    themes: ['labour_trafficking', 'sexual_exploitation'],
    services: ['research_data'],
    populations: [],
    languages: ['en', 'th'],
    mandateAndLimits: 'ผู้สังเกตการณ์ ไม่รับเรื่องผู้เสียหาย',
    mandateAndLimitsEn: 'Observer; takes no victim cases',
    howToRequestHelp: 'ติดต่อผ่านศูนย์ฯ',
    howToRequestHelpEn: 'Through the Centre',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: true,
    contacts: [{ type: 'email', value: 'embassy@tipnet.example' }],
  },
  mirror: {
    type: 'ngo',
    descriptionTh: 'มูลนิธิกระจกเงาติดตามคนหาย ช่วยเหลือคนไร้บ้านและขอทาน และทำงานป้องกันการค้ามนุษย์ในชุมชน',
    descriptionEn:
      'Mirror Foundation searches for missing persons, helps homeless people and beggars, and works on trafficking prevention in communities.',
    provinceCode: 'TH-57',
    coverage: ['TH-10', 'TH-57', 'TH-50'],
    themes: ['forced_begging', 'child_trafficking', 'online_child_sexual_exploitation'],
    services: ['rescue_operations', 'awareness_prevention', 'psychosocial'],
    populations: ['children', 'stateless', 'thai_nationals'],
    languages: ['th', 'shn', 'my'],
    mandateAndLimits: 'ค้นหาคนหายและประสานส่งต่อ ไม่มีอำนาจตามกฎหมาย',
    mandateAndLimitsEn: 'Searches for missing people and coordinates referrals; has no legal powers',
    howToRequestHelp: 'โทรหรือ LINE พร้อมรูปถ่ายและข้อมูลผู้สูญหาย',
    officeHours: 'ทุกวัน 09:00–18:00 น.',
    officeHoursEn: 'Every day 09:00–18:00',
    afterHoursContact: 'LINE ของมูลนิธิ (ตอบเร็วที่สุดเท่าที่ทำได้)',
    afterHoursContactEn: "The foundation's LINE (answered as soon as possible)",
    verified: true,
    contacts: [
      { type: 'phone_office', value: '02-000-6000', label: DEMO },
      { type: 'line', value: '@mirror-demo' },
    ],
  },
  spring: {
    type: 'ngo',
    descriptionTh: 'โครงการ SPRING ทำงานด้านการคืนสู่สังคมและการฝึกอาชีพของผู้รอดชีวิตจากการค้ามนุษย์',
    descriptionEn:
      'The SPRING project supports reintegration and vocational training of trafficking survivors.',
    provinceCode: 'TH-50',
    coverage: ['TH-50', 'TH-57'],
    themes: ['sexual_exploitation', 'labour_trafficking'],
    services: ['vocational_training', 'repatriation_reintegration', 'psychosocial'],
    populations: ['women_girls', 'adults'],
    languages: ['th', 'en', 'shn'],
    mandateAndLimits: 'ฝึกอาชีพและติดตามผลหลังคืนสู่ชุมชน ไม่มีที่พักพิง',
    mandateAndLimitsEn: 'Vocational training and follow-up after reintegration; no shelter',
    howToRequestHelp: 'ส่งต่อผ่าน TIPNet พร้อมความยินยอมของผู้รอดชีวิต',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'email', value: 'spring@tipnet.example' }],
  },
  hug: {
    type: 'ngo',
    descriptionTh: 'HUG Project ทำงานต่อต้านการล่วงละเมิดทางเพศเด็กทางออนไลน์ และสนับสนุนการสัมภาษณ์เด็กที่เป็นมิตร',
    descriptionEn:
      'HUG Project fights online child sexual exploitation and supports child-friendly interviews.',
    provinceCode: 'TH-50',
    coverage: ['TH-50', 'TH-57', 'TH-10'],
    themes: ['online_child_sexual_exploitation', 'child_trafficking', 'sexual_exploitation'],
    services: ['psychosocial', 'victim_identification', 'awareness_prevention'],
    populations: ['children'],
    languages: ['th', 'en'],
    mandateAndLimits: 'ดูแลเด็กผู้เสียหายร่วมกับพนักงานสอบสวน',
    howToRequestHelp: 'ติดต่อล่วงหน้าอย่างน้อย 1 วันก่อนการสัมภาษณ์เด็ก',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'phone_office', value: '053-000-700', label: DEMO }],
  },
  stella_maris: {
    type: 'ngo',
    descriptionTh: 'มูลนิธิ Stella Maris ดูแลคนประจำเรือและแรงงานประมง เยี่ยมท่าเรือ และช่วยเหลือลูกเรือที่ถูกแสวงประโยชน์',
    descriptionEn:
      'Stella Maris cares for seafarers and fishers, visits ports and assists exploited crew members.',
    provinceCode: 'TH-90',
    coverage: ['TH-90', 'TH-85', 'TH-74', 'TH-11'],
    themes: ['fisheries_at_sea', 'labour_trafficking'],
    services: ['rescue_operations', 'interpretation', 'psychosocial', 'legal_aid'],
    populations: ['fishers_seafarers', 'migrant_workers', 'myanmar_nationals', 'cambodian_nationals'],
    languages: ['th', 'en', 'my', 'km'],
    mandateAndLimits: 'เยี่ยมท่าเรือ ให้คำปรึกษาและล่าม ประสานส่งต่อให้ตำรวจและ พม.',
    mandateAndLimitsEn: 'Visits ports, offers counselling and interpreters, refers to the police and MSDHS',
    howToRequestHelp: 'โทรสายด่วนหรือ LINE ระบุท่าเรือและชื่อเรือ',
    officeHours: 'ทุกวัน 08:00–17:00 น.',
    officeHoursEn: 'Every day 08:00–17:00',
    afterHoursContact: 'สายด่วน 24 ชั่วโมงสำหรับลูกเรือ (หมายเลขตัวอย่าง)',
    afterHoursContactEn: '24-hour hotline for fishers (demo number)',
    typicalTurnaround: 'ลงพื้นที่ท่าเรือภายใน 24 ชั่วโมง',
    typicalTurnaroundEn: 'At the port within 24 hours',
    verified: true,
    contacts: [
      { type: 'hotline_24h', value: '074-000-024', label: DEMO },
      { type: 'line', value: '@stellamaris-demo' },
    ],
  },
  our: {
    type: 'ngo',
    descriptionTh: 'มูลนิธิ O.U.R. สนับสนุนเจ้าหน้าที่ในการช่วยเหลือผู้เสียหาย โดยเฉพาะเด็กที่ถูกแสวงประโยชน์ทางเพศ',
    descriptionEn: 'O.U.R. supports authorities in rescuing victims, especially sexually exploited children.',
    provinceCode: BANGKOK,
    coverage: ['nationwide'],
    themes: ['child_trafficking', 'online_child_sexual_exploitation', 'sexual_exploitation'],
    services: ['rescue_operations', 'research_data'],
    populations: ['children'],
    languages: ['th', 'en'],
    mandateAndLimits: 'สนับสนุนข้อมูลและทรัพยากรแก่เจ้าหน้าที่ ไม่ปฏิบัติการเอง',
    mandateAndLimitsEn: 'Supports officers with information and resources; does not operate itself',
    howToRequestHelp: 'ติดต่อผ่านศูนย์ฯ หรือ TIPNet',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'email', value: 'our@tipnet.example' }],
  },
  a21: {
    type: 'ngo',
    descriptionTh: 'A21 (เอทเวนตี้วัน) องค์กรระหว่างประเทศด้านการป้องกัน การช่วยเหลือผู้รอดชีวิต และการรณรงค์',
    descriptionEn:
      'A21 is an international organisation working on prevention, survivor support and awareness.',
    provinceCode: 'TH-57',
    coverage: ['TH-57', 'TH-50', 'abroad'],
    themes: ['sexual_exploitation', 'labour_trafficking', 'forced_criminality'],
    services: ['awareness_prevention', 'psychosocial', 'repatriation_reintegration'],
    populations: ['women_girls', 'children', 'thai_nationals'],
    languages: ['th', 'en'],
    mandateAndLimits: 'ดูแลผู้รอดชีวิตระยะยาวและรณรงค์ป้องกัน',
    mandateAndLimitsEn: 'Long-term survivor care and prevention campaigns',
    howToRequestHelp: 'ส่งต่อผ่าน TIPNet',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'phone_office', value: '053-000-210', label: DEMO }],
  },
  rapha: {
    type: 'ngo',
    descriptionTh: 'มูลนิธิราฟาอินเตอร์เนชั่นแนลดูแลเด็กและเยาวชนที่รอดชีวิตจากการแสวงประโยชน์ทางเพศ มีบ้านพักและการฟื้นฟู',
    descriptionEn:
      'Rapha International cares for children and youth who survived sexual exploitation, with aftercare homes and recovery.',
    provinceCode: 'TH-50',
    coverage: ['TH-50', 'TH-57'],
    themes: ['child_trafficking', 'sexual_exploitation', 'online_child_sexual_exploitation'],
    services: ['shelter', 'psychosocial', 'vocational_training'],
    populations: ['children', 'women_girls'],
    languages: ['th', 'en', 'shn'],
    eligibilityNotes: 'เด็กและเยาวชนหญิงอายุ 8–18 ปี',
    shelterCapacity: 20,
    mandateAndLimits: 'บ้านพักและการฟื้นฟูระยะยาวสำหรับเด็ก',
    mandateAndLimitsEn: 'Long-term shelter and recovery for children',
    howToRequestHelp: 'ส่งต่อโดยเจ้าหน้าที่ พม. หรือตำรวจ',
    documentsRequired: 'หนังสือส่งตัวจากหน่วยงานรัฐ',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: true,
    contacts: [{ type: 'phone_office', value: '053-000-777', label: DEMO }],
  },
  fishing_association: {
    type: 'business_association',
    descriptionTh: 'สมาคมการประมงแห่งประเทศไทย สมาคมของผู้ประกอบการเรือประมง ร่วมพัฒนาแนวปฏิบัติด้านแรงงานประมง',
    descriptionEn:
      'National Fisheries Association of Thailand, the association of fishing-vessel owners; works on fisheries labour practices.',
    provinceCode: 'TH-74',
    coverage: ['nationwide'],
    themes: ['fisheries_at_sea', 'labour_trafficking'],
    services: ['awareness_prevention', 'research_data'],
    populations: ['fishers_seafarers'],
    languages: ['th'],
    mandateAndLimits: 'ให้ข้อมูลผู้ประกอบการและเผยแพร่แนวปฏิบัติ ไม่มีอำนาจตรวจสอบ',
    mandateAndLimitsEn: 'Informs vessel owners and spreads good practice; has no inspection powers',
    howToRequestHelp: 'ติดต่อสำนักงานสมาคม',
    officeHours: WEEKDAYS,
    officeHoursEn: WEEKDAYS_EN,
    verified: false,
    contacts: [{ type: 'phone_office', value: '034-000-400', label: DEMO }],
  },
};

export type DemoPerson = {
  organisation: string;
  nameTh: string;
  nameEn: string;
  position: string;
  positionEn?: string;
  phones: { type: PhoneType; value: string }[];
  email: string;
  languages: ServiceLanguage[];
  focalTopics: FocalTopic[];
  phonesVisibility?: Visibility;
  active?: boolean;
};

const person = (p: DemoPerson) => p;
export const DEMO_PEOPLE: DemoPerson[] = [
  person({
    organisation: 'centre',
    nameTh: 'พ.ต.ท. สมชาย ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Pol. Lt. Col. Somchai Example (Demo)',
    position: 'ผู้ประสานงานเครือข่าย',
    positionEn: 'Network coordinator',
    phones: [{ type: 'phone_mobile', value: '08-0000-1001' }],
    email: 'somchai.demo@tipnet.example',
    languages: ['th', 'en'],
    focalTopics: ['rescue_operations', 'investigation', 'fisheries_at_sea'],
  }),
  person({
    organisation: 'msdhs',
    nameTh: 'นางสาวมาลี ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Malee Example (Demo)',
    position: 'นักสังคมสงเคราะห์',
    positionEn: 'Social worker',
    phones: [{ type: 'phone_mobile', value: '08-0000-1002' }],
    email: 'malee.demo@tipnet.example',
    languages: ['th', 'my'],
    focalTopics: ['shelter', 'victim_identification'],
  }),
  person({
    organisation: 'fisheries',
    nameTh: 'นายประมวล ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Pramuan Example (Demo)',
    position: 'นักวิชาการประมง ศูนย์ PIPO ระนอง',
    positionEn: 'Fisheries officer, PIPO centre Ranong',
    phones: [{ type: 'phone_office', value: '077-000-085' }],
    email: 'pramuan.demo@tipnet.example',
    languages: ['th', 'my'],
    focalTopics: ['labour_inspection', 'fisheries_at_sea'],
  }),
  person({
    organisation: 'fisheries',
    nameTh: 'นางวิไล ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Wilai Example (Demo)',
    position: 'อดีตผู้ประสานงาน',
    phones: [{ type: 'phone_mobile', value: '08-0000-1004' }],
    email: 'wilai.demo@tipnet.example',
    languages: ['th'],
    focalTopics: ['research_data'],
    active: false,
  }),
  person({
    organisation: 'stella_maris',
    nameTh: 'ซิสเตอร์แอนนา ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Sister Anna Example (Demo)',
    position: 'ผู้ประสานงานท่าเรือ',
    positionEn: 'Port coordinator',
    phones: [{ type: 'phone_mobile', value: '08-0000-1005' }],
    email: 'anna.demo@tipnet.example',
    languages: ['th', 'en', 'my'],
    focalTopics: ['rescue_operations', 'interpretation'],
    phonesVisibility: 'centre_only',
  }),
  person({
    organisation: 'mirror',
    nameTh: 'นายเอก ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Ek Example (Demo)',
    position: 'ผู้ประสานงานติดตามคนหาย',
    phones: [{ type: 'phone_mobile', value: '08-0000-1006' }],
    email: 'ek.demo@tipnet.example',
    languages: ['th', 'shn'],
    focalTopics: ['rescue_operations'],
  }),
  person({
    organisation: 'oag',
    nameTh: 'นางสาวอัยยา ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Aiya Example (Demo)',
    position: 'อัยการ',
    positionEn: 'Public prosecutor',
    phones: [{ type: 'phone_office', value: '02-000-5001' }],
    email: 'aiya.demo@tipnet.example',
    languages: ['th', 'en'],
    focalTopics: ['prosecution'],
  }),
  person({
    organisation: 'rapha',
    nameTh: 'นางสาวรุ่งนภา ตัวอย่าง (ตัวอย่าง/Demo)',
    nameEn: 'Rungnapa Example (Demo)',
    position: 'ผู้จัดการบ้านพัก',
    positionEn: 'Shelter manager',
    phones: [{ type: 'phone_mobile', value: '08-0000-1008' }],
    email: 'rungnapa.demo@tipnet.example',
    languages: ['th', 'en'],
    focalTopics: ['shelter'],
  }),
];
