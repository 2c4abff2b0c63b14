/**
 * About twenty fictional problems and recommendations of the demo network, drawn from the themes of the
 * Let's Talk TIP forum and public TIP reporting: victim identification in fisheries, shelters, scam
 * compounds, work permits, coordination across provinces. They run through the real services (so each
 * has its timeline, audit events and deadlines), in every state, with supports, answers and comments.
 * Organisations without a demo account act through an inactive, clearly fictional contributor (it cannot sign in).
 */

import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { ProvinceCode } from '../../common/directory-taxonomies.ts';
import type { ProblemCategory, ProblemState, ProblemType } from '../../common/problems-taxonomy.ts';
import type { Sector } from '../../common/taxonomies.ts';
import { DAY_MS, HOUR_MS } from '../../common/time.ts';
import type { Db } from '../db/client.ts';
import { organisations, problems, users } from '../db/schema/index.ts';
import { commentService as comments, problemService as service } from '../modules/problems/index.ts';
import type { Actor } from '../platform/context.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-network.ts';
import { buildUser } from './factories.ts';

type OrgKey = (typeof DEMO_ORGANISATIONS)[number]['key'];
type DemoProblem = {
  key: string;
  by: OrgKey;
  anonymous?: boolean;
  type: ProblemType;
  category: ProblemCategory;
  title: string;
  body: string;
  provinces: ProvinceCode[];
  sectors: Sector[];
  proposedSolution?: string;
  source?: string;
  daysAgo: number;
  supports?: { by: OrgKey; context?: string }[];
  comments?: { by: OrgKey; body: string; reply?: boolean }[];
  /** Where it ends up; the seed walks the Centre's loop to get there. */
  state: ProblemState;
  assign?: { lead: OrgKey; others?: OrgKey[] };
  answers?: { by: OrgKey; th: string; en?: string }[];
  reason?: string;
  duplicateOf?: string;
};

const FORUM_1 = "Let's Talk TIP ครั้งที่ 1 (ตัวอย่าง)";
const FORUM_2 = "Let's Talk TIP ครั้งที่ 2 (ตัวอย่าง)";

export const DEMO_PROBLEMS: DemoProblem[] = [
  {
    key: 'interpreters_ranong',
    by: 'mirror',
    type: 'problem',
    category: 'victim_identification',
    title: 'การคัดแยกลูกเรือประมงต้องรอล่ามภาษาเมียนมาหลายวัน',
    body: 'เมื่อพบลูกเรือประมงที่อาจเป็นผู้เสียหายที่ท่าเรือระนอง ทีมสหวิชาชีพต้องรอล่ามภาษาเมียนมาและกะเหรี่ยง 2–4 วัน ระหว่างนั้นลูกเรือบางคนถูกส่งกลับเรือก่อนได้รับการสัมภาษณ์\n\n- ล่ามอาสาสมัครมีน้อย\n- ไม่มีงบค่าล่ามนอกเวลาราชการ',
    provinces: ['TH-85', 'TH-74'],
    sectors: ['government', 'civil_society'],
    proposedSolution: 'บัญชีล่ามกลางระดับภาค เรียกใช้ได้ภายใน 24 ชั่วโมง พร้อมงบค่าตอบแทนจากกองทุนฯ',
    source: FORUM_1,
    daysAgo: 60,
    supports: [
      { by: 'stella_maris', context: 'พบเช่นเดียวกันที่ท่าเรือสงขลาและปัตตานี' },
      { by: 'fishing_association' },
      { by: 'spring' },
    ],
    comments: [
      { by: 'stella_maris', body: 'มูลนิธิฯ มีอาสาสมัครล่ามภาษาเมียนมา 6 คนที่พร้อมช่วยในภาคใต้' },
      { by: 'fisheries', body: 'ศูนย์ PIPO ระนองยินดีประสานตารางล่ามร่วมกัน', reply: true },
    ],
    state: 'resolved',
    assign: { lead: 'fisheries', others: ['dlpw'] },
    answers: [
      {
        by: 'fisheries',
        th: 'กรมประมงร่วมกับ กสร. จัดทำบัญชีล่ามกลาง 3 ภาษา ใช้ได้ทุกศูนย์ PIPO ตั้งแต่เดือนนี้',
        en: 'The Department of Fisheries and DLPW set up a shared roster of interpreters in three languages for every PIPO centre.',
      },
      { by: 'fisheries', th: 'ทดลองใช้ 2 เดือน เวลารอล่ามเฉลี่ยลดเหลือ 1 วัน' },
    ],
    reason: 'บัญชีล่ามกลางใช้งานแล้วทุกศูนย์',
  },
  {
    key: 'shelter_capacity_south',
    by: 'hug',
    type: 'problem',
    category: 'shelter_protection',
    title: 'สถานคุ้มครองในภาคใต้เต็ม ต้องส่งผู้เสียหายเด็กไปไกลจากครอบครัว',
    body: 'ช่วงที่มีการช่วยเหลือจำนวนมาก สถานคุ้มครองในภาคใต้รับเด็กเพิ่มไม่ได้ ต้องส่งไปกรุงเทพฯ ทำให้การสืบพยานและการติดตามครอบครัวยากขึ้น',
    provinces: ['TH-90', 'TH-84'],
    sectors: ['government', 'civil_society'],
    proposedSolution: 'ทำข้อตกลงกับบ้านพักขององค์กรเอกชนที่ได้มาตรฐานเป็นที่พักสำรองชั่วคราว',
    source: FORUM_1,
    daysAgo: 45,
    supports: [{ by: 'a21' }, { by: 'rapha', context: 'เราพบกรณีเด็กที่ต้องย้ายสามครั้งในสองเดือน' }],
    state: 'in_progress',
    assign: { lead: 'msdhs' },
    answers: [
      {
        by: 'msdhs',
        th: 'พม. กำลังร่างแนวทางรับรองบ้านพักเอกชนเป็นที่พักสำรอง คาดว่าจะเสนอได้ในไตรมาสหน้า',
      },
    ],
    comments: [{ by: 'a21', body: 'ยินดีร่วมให้ข้อมูลมาตรฐานบ้านพักที่ใช้ในต่างประเทศ' }],
  },
  {
    key: 'scam_returnees_screening',
    by: 'mirror',
    anonymous: true,
    type: 'problem',
    category: 'online_scam_compounds',
    title: 'คนไทยที่กลับจากแก๊งคอลเซ็นเตอร์ถูกดำเนินคดีก่อนได้รับการคัดแยก',
    body: 'ผู้ที่ถูกหลอกไปทำงานในแก๊งคอลเซ็นเตอร์ชายแดนเมียนมา เมื่อกลับเข้าประเทศทางแม่สอดบางรายถูกตั้งข้อหาก่อนได้รับการคัดแยกว่าเป็นผู้เสียหายจากการค้ามนุษย์หรือไม่',
    provinces: ['TH-63'],
    sectors: ['government', 'civil_society', 'international'],
    proposedSolution: 'ให้มีการคัดแยกโดยทีมสหวิชาชีพ ณ จุดรับกลับ ก่อนการแจ้งข้อกล่าวหาทุกกรณี',
    source: FORUM_2,
    daysAgo: 30,
    supports: [{ by: 'our' }, { by: 'a21' }, { by: 'spring' }, { by: 'hug' }],
    comments: [
      { by: 'centre', body: 'ศูนย์ฯ รับเรื่องไว้และจะนำเข้าที่ประชุมอนุกรรมการเดือนหน้า' },
      { by: 'our', body: 'ขอให้รวมกรณีผู้เสียหายชาวต่างชาติที่ผ่านแม่สอดด้วย', reply: true },
    ],
    state: 'assigned',
    assign: { lead: 'centre', others: ['dopa', 'oag'] },
  },
  {
    key: 'work_permit_change_employer',
    by: 'spring',
    type: 'problem',
    category: 'documents_immigration',
    title: 'ผู้เสียหายแรงงานข้ามชาติเปลี่ยนนายจ้างไม่ได้ระหว่างรอคดี',
    body: 'ผู้เสียหายที่เป็นแรงงานข้ามชาติต้องอยู่เป็นพยานหลายเดือน แต่ใบอนุญาตทำงานผูกกับนายจ้างเดิม ทำให้ไม่มีรายได้และบางรายเลือกกลับประเทศก่อนคดีจบ',
    provinces: ['TH-74', 'TH-10'],
    sectors: ['government', 'civil_society', 'private'],
    proposedSolution: 'ออกใบอนุญาตทำงานชั่วคราวสำหรับผู้เสียหายที่อยู่ระหว่างดำเนินคดี เปลี่ยนนายจ้างได้',
    source: FORUM_2,
    daysAgo: 40,
    supports: [{ by: 'mirror' }, { by: 'stella_maris' }, { by: 'fishing_association' }],
    state: 'assigned',
    assign: { lead: 'doe', others: ['dlpw'] },
  },
  {
    key: 'cross_province_referral',
    by: 'centre',
    type: 'recommendation',
    category: 'inter_agency_coordination',
    title: 'แบบฟอร์มส่งต่อผู้เสียหายข้ามจังหวัดฉบับเดียวกันทั้งประเทศ',
    body: 'แต่ละจังหวัดใช้แบบส่งต่อไม่เหมือนกัน ข้อมูลสำคัญ (ภาษา ความต้องการทางการแพทย์ สถานะคดี) ตกหล่นเมื่อย้ายผู้เสียหายข้ามจังหวัด',
    provinces: [],
    sectors: ['government', 'civil_society'],
    proposedSolution: 'ใช้แบบส่งต่อกลางแบบเดียว พร้อมรายการตรวจสอบขั้นต่ำ',
    source: FORUM_1,
    daysAgo: 70,
    supports: [{ by: 'msdhs' }, { by: 'mirror' }, { by: 'hug' }, { by: 'a21' }, { by: 'rapha' }],
    state: 'resolved',
    assign: { lead: 'msdhs' },
    answers: [
      {
        by: 'msdhs',
        th: 'ประกาศใช้แบบส่งต่อกลางแล้ว ดาวน์โหลดได้จากศูนย์ข้อมูลของ พม.',
        en: 'A single referral form is now in use nationwide.',
      },
    ],
    reason: 'แบบส่งต่อกลางประกาศใช้แล้ว',
  },
  {
    key: 'pipo_night_inspections',
    by: 'stella_maris',
    type: 'problem',
    category: 'labour_fisheries_inspection',
    title: 'เรือประมงเข้าเทียบท่านอกเวลาทำการของศูนย์ PIPO',
    body: 'เรือบางลำเทียบท่ากลางดึกและออกก่อนเช้า ลูกเรือจึงไม่เคยได้พบเจ้าหน้าที่ตรวจแรงงาน',
    provinces: ['TH-90', 'TH-94'],
    sectors: ['government', 'private'],
    proposedSolution: 'สุ่มตรวจนอกเวลาโดยทีมร่วม และใช้ข้อมูล VMS เลือกเรือที่จะตรวจ',
    daysAgo: 35,
    supports: [{ by: 'mirror' }],
    state: 'in_progress',
    assign: { lead: 'fisheries', others: ['dlpw'] },
    answers: [{ by: 'dlpw', th: 'กสร. เพิ่มเวรตรวจกลางคืนที่สงขลาสัปดาห์ละ 2 ครั้งแล้ว' }],
  },
  {
    key: 'victim_compensation_delay',
    by: 'rapha',
    type: 'problem',
    category: 'prosecution_evidence',
    title: 'ผู้เสียหายได้รับค่าสินไหมทดแทนช้า แม้ศาลมีคำพิพากษาแล้ว',
    body: 'หลายคดีศาลพิพากษาให้จำเลยชดใช้ แต่การบังคับคดีไม่คืบหน้า ผู้เสียหายกลับประเทศไปแล้วและติดต่อยาก',
    provinces: ['TH-10'],
    sectors: ['government', 'civil_society'],
    proposedSolution: 'ให้อัยการยื่นคำร้องบังคับคดีแทนผู้เสียหาย และใช้กองทุนจ่ายล่วงหน้า',
    daysAgo: 28,
    supports: [{ by: 'a21' }, { by: 'our' }],
    state: 'under_review',
    comments: [{ by: 'oag', body: 'สำนักงานคดีค้ามนุษย์กำลังรวบรวมคดีที่ค้างบังคับคดีอยู่' }],
  },
  {
    key: 'online_recruitment_ads',
    by: 'a21',
    type: 'recommendation',
    category: 'online_scam_compounds',
    title: 'ให้แพลตฟอร์มลบโฆษณาหางานต่างประเทศที่เข้าข่ายหลอกลวงภายใน 24 ชั่วโมง',
    body: 'โฆษณาหางานเงินเดือนสูงในประเทศเพื่อนบ้านเป็นช่องทางหลักของการหลอกไปทำงานในแก๊งสแกมเมอร์ ควรมีช่องทางแจ้งลบเร่งด่วนจากหน่วยงานรัฐ',
    provinces: [],
    sectors: ['government', 'private', 'international'],
    source: FORUM_2,
    daysAgo: 12,
    supports: [{ by: 'mirror' }, { by: 'our' }],
    state: 'submitted',
  },
  {
    key: 'child_begging_border',
    by: 'mirror',
    type: 'problem',
    category: 'victim_identification',
    title: 'เด็กขอทานข้ามชาติในเมืองท่องเที่ยวไม่ได้รับการคัดแยก',
    body: 'เด็กที่ถูกพามาขอทานในเมืองท่องเที่ยวมักถูกส่งกลับทันทีโดยไม่มีการสอบหาผู้ควบคุม',
    provinces: ['TH-83', 'TH-50'],
    sectors: ['government', 'civil_society'],
    daysAgo: 8,
    state: 'submitted',
    comments: [{ by: 'hug', body: 'ที่เชียงใหม่พบรูปแบบเดียวกัน ยินดีแบ่งข้อมูลพื้นที่' }],
  },
  {
    key: 'budget_for_escorts',
    by: 'hug',
    type: 'problem',
    category: 'budget_resources',
    title: 'ไม่มีงบค่าเดินทางสำหรับเจ้าหน้าที่ที่ต้องพาผู้เสียหายไปศาลต่างจังหวัด',
    body: 'เมื่อคดีอยู่คนละจังหวัดกับที่พักของผู้เสียหาย ไม่มีงบค่าเดินทางของเจ้าหน้าที่ผู้ดูแล องค์กรเอกชนต้องออกค่าใช้จ่ายเอง',
    provinces: ['TH-50', 'TH-57'],
    sectors: ['government', 'civil_society'],
    daysAgo: 25,
    supports: [{ by: 'rapha' }],
    state: 'assigned',
    assign: { lead: 'msdhs' },
  },
  {
    key: 'training_frontline_police',
    by: 'our',
    type: 'recommendation',
    category: 'training_capacity',
    title: 'หลักสูตรสั้นเรื่องการคัดแยกผู้เสียหายสำหรับตำรวจสถานีท้องที่',
    body: 'ตำรวจสถานีมักเป็นจุดแรกที่พบผู้เสียหายแต่ไม่เคยผ่านการอบรมตัวชี้วัดการค้ามนุษย์ ควรมีหลักสูตรออนไลน์ 3 ชั่วโมง',
    provinces: [],
    sectors: ['government', 'civil_society', 'international'],
    proposedSolution: 'ศูนย์ฯ ร่วมกับองค์กรเอกชนพัฒนาหลักสูตรออนไลน์และรับรองผล',
    source: FORUM_1,
    daysAgo: 50,
    supports: [{ by: 'a21' }, { by: 'rapha' }, { by: 'hug' }],
    state: 'in_progress',
    assign: { lead: 'centre', others: ['our'] },
    answers: [{ by: 'centre', th: 'ร่างหลักสูตรเสร็จแล้ว กำลังทดลองกับสถานีตำรวจ 5 แห่ง' }],
  },
  {
    key: 'law_definition_forced_criminality',
    by: 'our',
    type: 'recommendation',
    category: 'laws_regulations',
    title: 'นิยามการบังคับให้กระทำความผิดในกฎหมายค้ามนุษย์ให้ชัดเจน',
    body: 'ผู้เสียหายที่ถูกบังคับให้หลอกลวงออนไลน์ยังถูกมองเป็นผู้กระทำผิด ควรมีแนวทางการไม่ลงโทษ (non-punishment) ที่ชัดเจน',
    provinces: [],
    sectors: ['government', 'international'],
    daysAgo: 55,
    supports: [{ by: 'a21' }],
    state: 'not_feasible',
    reason: 'การแก้กฎหมายอยู่นอกขอบเขตของเครือข่าย ศูนย์ฯ ส่งข้อเสนอไปยังคณะกรรมการกฤษฎีกาแล้ว',
  },
  {
    key: 'interpreters_songkhla_duplicate',
    by: 'fishing_association',
    type: 'problem',
    category: 'victim_identification',
    title: 'ขาดล่ามในการสัมภาษณ์ลูกเรือที่สงขลา',
    body: 'การสัมภาษณ์ลูกเรือที่สงขลาล่าช้าเพราะไม่มีล่าม',
    provinces: ['TH-90'],
    sectors: ['private'],
    daysAgo: 58,
    supports: [{ by: 'stella_maris' }, { by: 'hug' }],
    state: 'duplicate',
    duplicateOf: 'interpreters_ranong',
  },
  {
    key: 'withdrawn_hotline_hours',
    by: 'rapha',
    type: 'problem',
    category: 'inter_agency_coordination',
    title: 'สายด่วน 1300 โอนสายไปจังหวัดไม่ได้นอกเวลา',
    body: 'ได้รับแจ้งว่าสายด่วนโอนสายไปทีมจังหวัดไม่ได้หลัง 16.30 น.',
    provinces: ['TH-57'],
    sectors: ['government'],
    daysAgo: 20,
    state: 'withdrawn',
    reason: 'ตรวจสอบแล้วเป็นปัญหาชั่วคราวของระบบโทรศัพท์ แก้ไขแล้ว',
  },
  {
    key: 'fishers_documents_held',
    by: 'stella_maris',
    type: 'problem',
    category: 'documents_immigration',
    title: 'ไต้ก๋งยึดเอกสารประจำตัวลูกเรือไว้',
    body: 'ลูกเรือหลายรายแจ้งว่าเอกสารประจำตัวและสมุดบัญชีถูกเก็บไว้ที่ไต้ก๋งหรือนายหน้า ทำให้ไม่กล้าแจ้งเหตุ',
    provinces: ['TH-85', 'TH-86'],
    sectors: ['government', 'civil_society', 'private'],
    proposedSolution: 'ตรวจเอกสารตัวจริงในมือลูกเรือทุกครั้งที่ตรวจ PIPO',
    daysAgo: 22,
    supports: [{ by: 'mirror' }, { by: 'spring' }],
    state: 'in_progress',
    assign: { lead: 'fisheries', others: ['dopa'] },
    answers: [{ by: 'fisheries', th: 'เพิ่มข้อตรวจเอกสารตัวจริงในแบบตรวจ PIPO แล้ว' }],
  },
  {
    key: 'data_sharing_victims',
    by: 'msdhs',
    type: 'recommendation',
    category: 'inter_agency_coordination',
    title: 'ฐานข้อมูลผู้เสียหายร่วมที่เคารพความเป็นส่วนตัว',
    body: 'หน่วยงานต่างเก็บข้อมูลผู้เสียหายซ้ำกัน ผู้เสียหายต้องเล่าเรื่องซ้ำหลายครั้ง',
    provinces: [],
    sectors: ['government', 'civil_society'],
    daysAgo: 6,
    state: 'under_review',
    supports: [{ by: 'hug' }],
  },
  {
    key: 'overtime_compensation_fisheries',
    by: 'spring',
    type: 'problem',
    category: 'labour_fisheries_inspection',
    title: 'ค่าจ้างลูกเรือจ่ายผ่านบัญชีที่นายจ้างถือบัตร ATM ไว้',
    body: 'แม้จะจ่ายค่าจ้างผ่านธนาคาร แต่บัตร ATM อยู่กับนายจ้าง ลูกเรือเข้าถึงเงินไม่ได้',
    provinces: ['TH-74'],
    sectors: ['government', 'private'],
    daysAgo: 3,
    state: 'submitted',
  },
  {
    key: 'repatriation_coordination_laos',
    by: 'a21',
    type: 'problem',
    category: 'inter_agency_coordination',
    title: 'การส่งกลับผู้เสียหายชาวลาวรอเอกสารเดินทางนาน',
    body: 'ผู้เสียหายที่พร้อมกลับบ้านต้องรอเอกสารเดินทางจากสถานทูตนานหลายเดือน อยู่ในสถานคุ้มครองนานเกินจำเป็น',
    provinces: ['TH-43', 'TH-10'],
    sectors: ['government', 'international'],
    daysAgo: 32,
    supports: [{ by: 'rapha' }, { by: 'msdhs' }],
    state: 'assigned',
    assign: { lead: 'msdhs', others: ['dopa'] },
  },
  {
    key: 'scam_compound_victims_psychosocial',
    by: 'hug',
    type: 'recommendation',
    category: 'shelter_protection',
    title: 'การดูแลด้านจิตใจสำหรับผู้ที่กลับจากแก๊งสแกมเมอร์',
    body: 'ผู้ที่กลับจากแก๊งสแกมเมอร์จำนวนมากมีภาวะบาดแผลทางใจ แต่ไม่มีบริการต่อเนื่องหลังออกจากสถานคุ้มครอง',
    provinces: ['TH-63', 'TH-57'],
    sectors: ['government', 'civil_society'],
    daysAgo: 10,
    state: 'submitted',
    supports: [{ by: 'mirror' }, { by: 'a21' }],
  },
  {
    key: 'employer_blacklist',
    by: 'dlpw',
    type: 'recommendation',
    category: 'laws_regulations',
    title: 'เผยแพร่รายชื่อนายจ้างที่ถูกพิพากษาคดีค้ามนุษย์ให้เครือข่ายรับรู้',
    body: 'นายจ้างที่เคยถูกพิพากษายังจ้างแรงงานข้ามชาติผ่านนิติบุคคลใหม่ ควรมีรายชื่อให้หน่วยตรวจใช้',
    provinces: [],
    sectors: ['government', 'private'],
    daysAgo: 15,
    state: 'under_review',
    supports: [{ by: 'fishing_association', context: 'สมาคมฯ จะใช้ตรวจสอบสมาชิกใหม่' }],
  },
];

/** Sign-in-able demo accounts where there is one; otherwise an inactive contributor of that organisation. */
async function actorsFor(tx: Db, orgIds: Map<OrgKey, string>, now: Date) {
  const actors = new Map<OrgKey, Actor>();
  const emails = DEMO_ACCOUNTS.filter((a) => a.role !== 'observer').map((a) => a.email);
  const accounts = await tx.select().from(users).where(inArray(users.email, emails));
  for (const account of accounts) {
    const key = DEMO_ACCOUNTS.find((a) => a.email === account.email)!.organisation;
    actors.set(key, actorOf(account));
  }
  const acting = new Set(
    DEMO_PROBLEMS.flatMap((p) => [
      p.by,
      ...(p.supports ?? []).map((s) => s.by),
      ...(p.comments ?? []).map((c) => c.by),
      ...(p.answers ?? []).map((a) => a.by),
      ...(p.assign ? [p.assign.lead] : []),
    ]),
  );
  for (const org of DEMO_ORGANISATIONS) {
    if (actors.has(org.key) || !orgIds.has(org.key) || !acting.has(org.key)) continue;
    const user = await buildUser(tx, {
      email: `demo-contributor-${org.key.replace(/_/g, '-')}@tipnet.example`,
      displayName: `เจ้าหน้าที่ ${org.abbreviation ?? org.nameTh} (ตัวอย่าง/Demo)`,
      organisationId: orgIds.get(org.key)!,
      role: 'member',
      // Never signs in: it only carries the demo organisation's contributions.
      active: false,
      password: randomBytes(24).toString('base64url'),
      createdAt: now,
      updatedAt: now,
    });
    actors.set(org.key, actorOf(user));
  }
  return actors;
}

const actorOf = (u: { id: string; organisationId: string; role: Actor['role'] }): Actor => ({
  userId: u.id,
  organisationId: u.organisationId,
  role: u.role,
  sessionId: 'demo-seed',
  mustEnrolTotp: false,
});

/** Seeds the demo problems once (when there are none yet and the demo accounts exist). */
export async function seedDemoProblems(tx: Db, now: Date) {
  const [existing] = await tx.select({ id: problems.id }).from(problems).limit(1);
  if (existing) return 0;
  const orgRows = await tx
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(
      inArray(
        organisations.nameEn,
        DEMO_ORGANISATIONS.map((o) => o.nameEn),
      ),
    );
  const orgIds = new Map(
    orgRows.map((o) => [DEMO_ORGANISATIONS.find((d) => d.nameEn === o.nameEn)!.key as OrgKey, o.id]),
  );
  const [demoAdmin] = await tx.select().from(users).where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
  if (!demoAdmin) return 0;
  const actors = await actorsFor(tx, orgIds, now);
  const admin = actors.get('centre')!;
  const created = new Map<string, string>();

  for (const demo of [...DEMO_PROBLEMS].sort((a, b) => b.daysAgo - a.daysAgo)) {
    let at = now.getTime() - demo.daysAgo * DAY_MS;
    const ctx = (actor: Actor, hours = 1) => {
      at = Math.min(at + hours * HOUR_MS, now.getTime());
      return { actor, ip: null, userAgent: 'tipnet-seed', now: new Date(at) };
    };
    const reporter = actors.get(demo.by)!;
    const problem = await service.createProblem(tx, ctx(reporter, 0), {
      type: demo.type,
      title: demo.title,
      body: demo.body,
      category: demo.category,
      provinces: demo.provinces,
      sectors: demo.sectors,
      proposedSolution: demo.proposedSolution ?? null,
      source: demo.source ?? null,
      anonymous: demo.anonymous ?? false,
    });
    created.set(demo.key, problem.id);
    for (const s of demo.supports ?? [])
      await service.support(tx, ctx(actors.get(s.by)!, 5), problem.id, { context: s.context ?? null });
    let lastComment: string | undefined;
    for (const c of demo.comments ?? []) {
      const comment = await comments.createComment(tx, ctx(actors.get(c.by)!, 3), problem.id, {
        body: c.body,
        parentId: c.reply ? lastComment : undefined,
      });
      lastComment = comment.id;
    }
    await walkTo(tx, demo, problem.id, { admin, actors, ctx, created, orgIds });
  }
  return created.size;
}

async function walkTo(
  tx: Db,
  demo: DemoProblem,
  id: string,
  s: {
    admin: Actor;
    actors: Map<OrgKey, Actor>;
    ctx: (actor: Actor, hours?: number) => Parameters<typeof service.transition>[1];
    created: Map<string, string>;
    orgIds: Map<OrgKey, string>;
  },
) {
  const { admin, actors, ctx } = s;
  const to = (state: ProblemState, actor = admin, extra: { reason?: string; duplicateOfId?: string } = {}) =>
    service.transition(tx, ctx(actor, 24), id, { to: state, ...extra });
  if (demo.state === 'submitted') return;
  if (demo.state === 'withdrawn')
    return void (await to('withdrawn', actors.get(demo.by)!, { reason: demo.reason }));
  await to('under_review');
  if (demo.state === 'under_review') return;
  if (demo.state === 'not_feasible') return void (await to('not_feasible', admin, { reason: demo.reason }));
  if (demo.state === 'duplicate')
    return void (await to('duplicate', admin, { duplicateOfId: s.created.get(demo.duplicateOf!)! }));
  const lead = demo.assign!.lead;
  await service.assign(tx, ctx(admin, 24), id, {
    organisationIds: [lead, ...(demo.assign!.others ?? [])].map((k) => s.orgIds.get(k)!),
    leadOrganisationId: s.orgIds.get(lead)!,
  });
  if (demo.state === 'assigned') return;
  await to('in_progress', actors.get(lead)!);
  for (const a of demo.answers ?? [])
    await service.answer(tx, ctx(actors.get(a.by)!, 72), id, { bodyTh: a.th, bodyEn: a.en ?? null });
  if (demo.state === 'resolved') await to('resolved', admin, { reason: demo.reason });
}
