/** Vocabulary of synthetic problems: what members of the network raise, per category, in Thai and English. */
import type { ProblemCategory } from '../../common/problems-taxonomy.ts';

type Topic = { th: string[]; en: string[] };

/** Titles per category; `{p}` becomes a province's name. */
export const TITLES: Record<ProblemCategory, Topic> = {
  victim_identification: {
    th: [
      'ขาดล่ามภาษาเมียนมาในการคัดแยกผู้เสียหายที่{p}',
      'ผู้เสียหายถูกส่งกลับก่อนการคัดแยกเสร็จสิ้นใน{p}',
      'แบบคัดกรองเบื้องต้นไม่ครอบคลุมแรงงานบนเรือประมง',
    ],
    en: [
      'No Burmese interpreters for victim screening in {p}',
      'Victims deported before identification is complete in {p}',
      'Screening form misses forced labour indicators at sea',
    ],
  },
  shelter_protection: {
    th: [
      'สถานคุ้มครองใน{p}รับผู้เสียหายเกินกำลัง',
      'ผู้เสียหายในสถานคุ้มครองไม่ได้รับอนุญาตให้ทำงาน',
      'ขาดนักจิตวิทยาดูแลผู้เสียหายเด็กที่{p}',
    ],
    en: [
      'Shelter in {p} over capacity',
      'Victims in shelters cannot work while waiting for trial',
      'No psychologist for child victims in {p}',
    ],
  },
  prosecution_evidence: {
    th: [
      'คดีค้ามนุษย์ใน{p}ล่าช้าเพราะพยานเดินทางกลับประเทศ',
      'ขอให้ใช้การสืบพยานล่วงหน้าในคดีแรงงานประมง',
      'หลักฐานดิจิทัลจากโทรศัพท์ผู้เสียหายไม่ได้รับการตรวจ',
    ],
    en: [
      'Trafficking cases in {p} stall when witnesses return home',
      'Use advance witness hearings in fisheries cases',
      'Digital evidence from victims’ phones left unexamined',
    ],
  },
  labour_fisheries_inspection: {
    th: [
      'การตรวจเรือประมงที่ท่าเรือ{p}ไม่สัมภาษณ์ลูกเรือแยก',
      'นายจ้างยึดเอกสารแรงงานในโรงงานแปรรูปอาหารทะเล',
      'ค่าจ้างแรงงานประมงถูกหักเกินกฎหมาย',
    ],
    en: [
      'Port inspections in {p} do not interview crew in private',
      'Employers hold workers’ documents in seafood processing plants',
      'Illegal wage deductions on fishing vessels',
    ],
  },
  documents_immigration: {
    th: [
      'แรงงานข้ามชาติใน{p}ต่อใบอนุญาตทำงานไม่ทันกำหนด',
      'ผู้เสียหายไม่มีเอกสารระหว่างรอดำเนินคดี',
      'ค่าธรรมเนียมนายหน้าทำให้แรงงานตกอยู่ในภาวะหนี้',
    ],
    en: [
      'Migrant workers in {p} miss work permit renewal deadlines',
      'Victims left without documents while their case is pending',
      'Recruitment fees push workers into debt bondage',
    ],
  },
  inter_agency_coordination: {
    th: [
      'การส่งต่อผู้เสียหายระหว่าง{p}และกรุงเทพฯ ล่าช้า',
      'ไม่มีผู้ประสานงานกลางเมื่อพบผู้เสียหายนอกเวลาราชการ',
      'ข้อมูลผู้เสียหายถูกกรอกซ้ำในหลายระบบ',
    ],
    en: [
      'Slow referrals of victims between {p} and Bangkok',
      'No coordinator on call when victims are found after hours',
      'Victim data entered again in every agency’s system',
    ],
  },
  budget_resources: {
    th: [
      'งบประมาณค่าเดินทางพยานใน{p}ไม่เพียงพอ',
      'ขาดรถสำหรับส่งผู้เสียหายไปสถานคุ้มครอง',
      'เงินกองทุนเพื่อการป้องกันและปราบปรามการค้ามนุษย์เบิกจ่ายช้า',
    ],
    en: [
      'Not enough budget for witnesses’ travel in {p}',
      'No vehicle to take victims to a shelter',
      'Anti-trafficking fund payments arrive months late',
    ],
  },
  laws_regulations: {
    th: [
      'ขอให้แก้ไขระเบียบการพักอาศัยของผู้เสียหายระหว่างดำเนินคดี',
      'นิยามการบังคับใช้แรงงานยังไม่ชัดเจนในทางปฏิบัติ',
      'ระเบียบการจ่ายค่าชดเชยผู้เสียหายซับซ้อนเกินไป',
    ],
    en: [
      'Amend the rules on victims’ stay during proceedings',
      'Forced labour definition unclear in practice',
      'Victim compensation rules are too complex',
    ],
  },
  online_scam_compounds: {
    th: [
      'ผู้เสียหายจากแก๊งคอลเซ็นเตอร์ถูกดำเนินคดีแทนการคุ้มครองที่{p}',
      'การรับตัวผู้เสียหายจากชายแดนเมียวดีไม่มีขั้นตอนชัดเจน',
      'โฆษณางานออนไลน์หลอกลวงแรงงานไทยไปต่างประเทศ',
    ],
    en: [
      'Scam compound victims prosecuted instead of protected in {p}',
      'No clear procedure to receive victims at the Myawaddy border',
      'Online job ads lure Thai workers abroad',
    ],
  },
  training_capacity: {
    th: [
      'เจ้าหน้าที่ใหม่ใน{p}ไม่ได้รับการอบรมการคัดแยกผู้เสียหาย',
      'ขอหลักสูตรการสัมภาษณ์ที่คำนึงถึงบาดแผลทางใจ',
      'ล่ามไม่ได้รับการอบรมเรื่องการรักษาความลับ',
    ],
    en: [
      'New officers in {p} untrained in victim identification',
      'Request a trauma-informed interviewing course',
      'Interpreters not trained on confidentiality',
    ],
  },
  other: {
    th: ['ข้อเสนอจากเวทีเครือข่าย{p}', 'ปัญหาที่พบในการลงพื้นที่{p}'],
    en: ['Proposal from the {p} network forum', 'Issues found during field visits in {p}'],
  },
};

export const BODY_TH = [
  'จากการลงพื้นที่เดือนที่ผ่านมา พบผู้เสียหายหลายรายที่ไม่ได้รับการช่วยเหลืออย่างทันท่วงที',
  'หน่วยงานในพื้นที่รับทราบปัญหาแล้วแต่ยังไม่มีแนวทางที่ชัดเจน',
  'ผู้เสียหายส่วนใหญ่เป็นแรงงานข้ามชาติจากเมียนมาและกัมพูชา',
  'ปัญหานี้เกิดซ้ำหลายครั้งในรอบปีที่ผ่านมา และกระทบต่อการดำเนินคดี',
  'ขอให้ศูนย์ประสานงานช่วยผลักดันให้มีการหารือร่วมกันระหว่างหน่วยงาน',
  'เจ้าหน้าที่ภาคสนามรายงานว่าต้องใช้เวลาหลายวันกว่าจะได้รับการตอบกลับ',
  'มีข้อสังเกตว่านายจ้างบางรายไม่ยอมให้แรงงานออกจากสถานที่ทำงาน',
];
export const BODY_EN = [
  'During field visits last month we met several victims who did not receive timely help.',
  'Local agencies know about it but there is no agreed procedure yet.',
  'Most of those affected are migrant workers from Myanmar and Cambodia.',
  'It has happened repeatedly over the past year and weakens prosecutions.',
  'We ask the Centre to bring the agencies concerned together to agree on a way forward.',
  'Field staff report waiting several days for any reply.',
  'Some employers reportedly do not let workers leave the workplace.',
];
export const SOLUTIONS_TH = [
  'จัดตั้งทีมสหวิชาชีพประจำจังหวัดที่ทำงานนอกเวลาราชการได้',
  'จัดทำบัญชีรายชื่อล่ามที่ผ่านการอบรมและเบิกค่าตอบแทนได้ทันที',
  'กำหนดขั้นตอนการส่งต่อที่ชัดเจนพร้อมผู้รับผิดชอบในแต่ละขั้น',
];
export const SOLUTIONS_EN = [
  'Set up a provincial multidisciplinary team available after hours.',
  'Keep a roster of trained interpreters who can be paid at once.',
  'Agree a referral procedure with a named owner for each step.',
];
export const ANSWERS_TH = [
  'หน่วยงานได้รับเรื่องแล้วและอยู่ระหว่างประสานกับจังหวัดเพื่อหาแนวทางแก้ไข',
  'ได้จัดประชุมร่วมกับหน่วยงานที่เกี่ยวข้องและกำหนดขั้นตอนใหม่แล้ว จะรายงานความคืบหน้าในเดือนหน้า',
  'ได้จัดสรรงบประมาณเพิ่มเติมและจะเริ่มดำเนินการในไตรมาสถัดไป',
];
export const ANSWERS_EN = [
  'We have received this and are working with the province on a solution.',
  'A joint meeting agreed a new procedure; we will report progress next month.',
  'Additional budget has been allocated; work starts next quarter.',
];
export const COMMENTS_TH = [
  'ที่จังหวัดของเราก็พบปัญหาเดียวกันค่ะ',
  'เห็นด้วยครับ ควรเร่งแก้ไขโดยเร็ว',
  'เรามีล่ามที่ช่วยได้ ติดต่อมาได้เลย',
  'ขอบคุณสำหรับข้อมูล จะนำไปหารือในที่ประชุมสัปดาห์หน้า',
  'มีความคืบหน้าอย่างไรบ้างคะ',
  'กรณีล่าสุดเมื่อสัปดาห์ก่อนก็เป็นแบบนี้',
];
export const COMMENTS_EN = [
  'We see the same in our province.',
  'Agreed, this needs to be fixed soon.',
  'We have interpreters who could help, get in touch.',
  'Thanks, we will raise this at next week’s meeting.',
  'Any news on this?',
  'Last week’s case was exactly like this.',
];
export const FORUMS = [
  "Let's Talk TIP ครั้งที่ 1",
  "Let's Talk TIP ครั้งที่ 2",
  'เวทีเครือข่ายภาคใต้',
  'Northern network meeting',
];
export const REASONS_TH = ['อยู่นอกอำนาจหน้าที่ของหน่วยงานในเครือข่าย', 'ผู้เสนอขอถอนเรื่องเนื่องจากแก้ไขได้ในพื้นที่แล้ว'];
