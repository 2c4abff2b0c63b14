import type { Role, Sector } from '../../common/taxonomies.ts';

/** The organisations named in the Let's Talk TIP press release (public, organisation-level facts). */
export const DEMO_ORGANISATIONS: {
  key: string;
  nameTh: string;
  nameEn: string;
  abbreviation: string | null;
  /** English pages show this one; none where the organisation has no English abbreviation. */
  abbreviationEn: string | null;
  sector: Sector;
}[] = [
  {
    key: 'centre',
    nameTh: 'ศูนย์พิทักษ์เด็ก สตรี ครอบครัว ป้องกันและปราบปรามการค้ามนุษย์ และภาคประมง สำนักงานตำรวจแห่งชาติ',
    nameEn:
      'Royal Thai Police Centre for the Protection of Children, Women and Families and Anti-Human Trafficking (incl. Fisheries)',
    abbreviation: 'ศพดส.ตร.',
    abbreviationEn: null,
    sector: 'government',
  },
  {
    key: 'moi',
    nameTh: 'กระทรวงมหาดไทย',
    nameEn: 'Ministry of Interior',
    abbreviation: 'มท.',
    abbreviationEn: 'MOI',
    sector: 'government',
  },
  {
    key: 'dopa',
    nameTh: 'กรมการปกครอง',
    nameEn: 'Department of Provincial Administration',
    abbreviation: 'ปค.',
    abbreviationEn: 'DOPA',
    sector: 'government',
  },
  {
    key: 'msdhs',
    nameTh: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์',
    nameEn: 'Ministry of Social Development and Human Security',
    abbreviation: 'พม.',
    abbreviationEn: 'MSDHS',
    sector: 'government',
  },
  {
    key: 'fisheries',
    nameTh: 'กรมประมง',
    nameEn: 'Department of Fisheries',
    abbreviation: 'กป.',
    abbreviationEn: 'DOF',
    sector: 'government',
  },
  {
    key: 'oag',
    nameTh: 'สำนักงานคดีค้ามนุษย์ สำนักงานอัยการสูงสุด',
    nameEn: 'Human Trafficking Litigation Office, Office of the Attorney General',
    abbreviation: 'OAG',
    abbreviationEn: 'OAG',
    sector: 'government',
  },
  {
    key: 'doe',
    nameTh: 'กรมการจัดหางาน',
    nameEn: 'Department of Employment',
    abbreviation: 'กกจ.',
    abbreviationEn: 'DOE',
    sector: 'government',
  },
  {
    key: 'dlpw',
    nameTh: 'กรมสวัสดิการและคุ้มครองแรงงาน',
    nameEn: 'Department of Labour Protection and Welfare',
    abbreviation: 'กสร.',
    abbreviationEn: 'DLPW',
    sector: 'government',
  },
  {
    key: 'us_embassy',
    nameTh: 'สถานทูตสหรัฐอเมริกา',
    nameEn: 'Embassy of the United States of America',
    abbreviation: 'US Embassy',
    abbreviationEn: 'US Embassy',
    sector: 'international',
  },
  {
    key: 'mirror',
    nameTh: 'มูลนิธิกระจกเงา',
    nameEn: 'Mirror Foundation',
    abbreviation: null,
    abbreviationEn: null,
    sector: 'civil_society',
  },
  {
    key: 'spring',
    nameTh: 'โครงการ SPRING',
    nameEn: 'SPRING Project',
    abbreviation: 'SPRING',
    abbreviationEn: 'SPRING',
    sector: 'civil_society',
  },
  {
    key: 'hug',
    nameTh: 'HUG Project',
    nameEn: 'HUG Project',
    abbreviation: 'HUG',
    abbreviationEn: 'HUG',
    sector: 'civil_society',
  },
  {
    key: 'stella_maris',
    nameTh: 'มูลนิธิ Stella Maris',
    nameEn: 'Stella Maris Foundation',
    abbreviation: null,
    abbreviationEn: null,
    sector: 'civil_society',
  },
  {
    key: 'our',
    nameTh: 'มูลนิธิ O.U.R.',
    nameEn: 'O.U.R. Foundation',
    abbreviation: 'O.U.R.',
    abbreviationEn: 'O.U.R.',
    sector: 'civil_society',
  },
  {
    key: 'a21',
    nameTh: 'เอทเวนตี้วัน (A21)',
    nameEn: 'A21',
    abbreviation: 'A21',
    abbreviationEn: 'A21',
    sector: 'civil_society',
  },
  {
    key: 'rapha',
    nameTh: 'มูลนิธิราฟาอินเตอร์เนชั่นแนล',
    nameEn: 'Rapha International',
    abbreviation: null,
    abbreviationEn: null,
    sector: 'civil_society',
  },
  {
    key: 'fishing_association',
    nameTh: 'สมาคมการประมงแห่งประเทศไทย',
    nameEn: 'National Fisheries Association of Thailand',
    abbreviation: 'NFAT',
    abbreviationEn: 'NFAT',
    sector: 'private',
  },
];

type DemoOrgKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

/** Fictional people; "(ตัวอย่าง/Demo)" in every name so nobody mistakes them for real officers. */
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; organisation: DemoOrgKey }[] = [
  {
    email: 'admin@tipnet.example',
    displayName: 'ผู้ดูแล ศพดส. (ตัวอย่าง/Demo)',
    role: 'admin',
    organisation: 'centre',
  },
  {
    email: 'fisheries@tipnet.example',
    displayName: 'เจ้าหน้าที่กรมประมง (ตัวอย่าง/Demo)',
    role: 'org_admin',
    organisation: 'fisheries',
  },
  {
    email: 'mirror@tipnet.example',
    displayName: 'อาสาสมัครมูลนิธิกระจกเงา (ตัวอย่าง/Demo)',
    role: 'member',
    organisation: 'mirror',
  },
  {
    email: 'embassy@tipnet.example',
    displayName: 'US Embassy Observer (ตัวอย่าง/Demo)',
    role: 'observer',
    organisation: 'us_embassy',
  },
];
