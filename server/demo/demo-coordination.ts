/**
 * Demo coordination units and requests, seeded once through the module's services (so each has its
 * timeline and audit events): a Fisheries unit in Ranong that Mirror asks for help, in several states.
 */
import { eq, inArray } from 'drizzle-orm';
import type { CoordinationState } from '../../common/coordination-states.ts';
import { HOUR_MS } from '../../common/time.ts';
import type { Db } from '../db/client.ts';
import { coordinationUnits, organisations, users } from '../db/schema/index.ts';
import {
  coordinationRequestService,
  coordinationRosterService,
  coordinationUnitService,
} from '../modules/coordination/index.ts';
import type { Actor } from '../platform/context.ts';
import { DEMO_ORGANISATIONS } from './demo-network.ts';

type Input = Parameters<typeof coordinationRequestService.createRequest>[2];
type Move = { to: CoordinationState; reason?: string; outcome?: 'successful' | 'partly' | 'not' };

const RANONG = 'TH-85';
const DEMO_REQUESTS: { hoursAgo: number; input: Omit<Input, 'receivingUnitId'>; moves: Move[] }[] = [
  {
    hoursAgo: 0.2,
    input: {
      type: 'inspection',
      urgency: 'critical',
      province: RANONG,
      language: 'my',
      peopleCount: 6,
      ageBands: ['18_59'],
      sexes: ['male'],
      nationalities: ['myanmar'],
      needs: 'ขอตรวจเรือประมงที่ท่าเทียบเรือระนองก่อนออกทะเลคืนนี้ ลูกเรือแจ้งว่าถูกยึดเอกสาร',
      context: 'ลูกเรือหนึ่งคนติดต่อมูลนิธิผ่านญาติ (ข้อมูลตัวอย่าง)',
    },
    moves: [],
  },
  {
    hoursAgo: 30,
    input: {
      type: 'inspection',
      urgency: 'high',
      province: RANONG,
      language: 'my',
      peopleCount: 3,
      ageBands: ['12_17', '18_59'],
      sexes: ['male'],
      nationalities: ['myanmar'],
      needs: 'ขอร่วมตรวจแรงงานบนเรือ มีลูกเรืออายุต่ำกว่า 18 ปีหนึ่งคน',
    },
    moves: [{ to: 'acknowledged' }, { to: 'accepted' }, { to: 'in_progress' }],
  },
  {
    hoursAgo: 72,
    input: {
      type: 'victim_screening',
      urgency: 'normal',
      province: RANONG,
      language: 'my',
      peopleCount: 2,
      ageBands: ['18_59'],
      sexes: ['female'],
      nationalities: ['myanmar'],
      needs: 'ขอสนับสนุนการคัดแยกผู้เสียหายหญิงสองคนจากร้านอาหาร',
    },
    moves: [
      { to: 'acknowledged' },
      { to: 'declined', reason: 'ไม่ใช่งานด้านประมง ขอให้ประสานทีมสหวิชาชีพจังหวัด (ตัวอย่าง)' },
    ],
  },
  {
    hoursAgo: 240,
    input: {
      type: 'inspection',
      urgency: 'high',
      province: RANONG,
      language: 'my',
      peopleCount: 12,
      ageBands: ['18_59'],
      sexes: ['male'],
      nationalities: ['myanmar', 'cambodian'],
      needs: 'ขอตรวจเรือที่กลับเข้าฝั่งหลังออกทะเลนานกว่าหนึ่งปี',
    },
    moves: [
      { to: 'acknowledged' },
      { to: 'accepted' },
      { to: 'in_progress' },
      { to: 'done', outcome: 'successful' },
    ],
  },
];

/** Seeds once: when there is no unit yet and the Fisheries and Mirror demo accounts exist. */
export async function seedDemoCoordination(tx: Db, now: Date) {
  const [existing] = await tx.select({ id: coordinationUnits.id }).from(coordinationUnits).limit(1);
  if (existing) return 0;
  const emails = ['admin@tipnet.example', 'fisheries@tipnet.example', 'mirror@tipnet.example'];
  const accounts = await tx.select().from(users).where(inArray(users.email, emails));
  const actor = (email: string): Actor | null => {
    const u = accounts.find((a) => a.email === email && a.active);
    return u
      ? {
          userId: u.id,
          organisationId: u.organisationId,
          role: u.role,
          sessionId: 'demo-seed',
          mustEnrolTotp: false,
        }
      : null;
  };
  const [admin, fisheries, mirror] = emails.map(actor);
  if (!admin || !fisheries || !mirror) return 0;
  const fisheriesName = DEMO_ORGANISATIONS.find((o) => o.key === 'fisheries')!.nameEn;
  const [fisheriesOrg] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.nameEn, fisheriesName));
  if (!fisheriesOrg || fisheriesOrg.id !== fisheries.organisationId) return 0;

  let at = now.getTime() - Math.max(...DEMO_REQUESTS.map((r) => r.hoursAgo)) * HOUR_MS - HOUR_MS;
  const ctx = (a: Actor, when = at) => ({
    actor: a,
    ip: null,
    userAgent: 'tipnet-seed',
    now: new Date(when),
  });
  const unit = await coordinationUnitService.createUnit(tx, ctx(admin), {
    organisationId: fisheriesOrg.id,
    nameTh: 'ศูนย์ควบคุมการแจ้งเข้าออกเรือประมง (PIPO) ระนอง',
    nameEn: 'Port-in Port-out Control Centre (PIPO), Ranong',
    services: ['labour_inspection', 'victim_identification'],
    coverage: [RANONG, 'TH-86'],
    languages: ['th', 'my'],
  });
  await coordinationUnitService.setMember(tx, ctx(admin), unit.id, fisheries.userId, 'head');
  // The unit's roster: its officer on call by day, handing over at 08:30; the night backup layer has nobody
  // yet, so the roster page shows that gap and a critical request at night falls through to the head.
  const rosterStart = new Date(at).toISOString().slice(0, 10);
  await coordinationRosterService.createLayer(tx, ctx(fisheries), unit.id, {
    level: 'primary',
    name: 'เวรหลัก',
    rotation: 'daily',
    handoverTime: '08:30',
    startsOn: rosterStart,
    memberIds: [fisheries.userId],
    restriction: null,
  });
  await coordinationRosterService.createLayer(tx, ctx(fisheries), unit.id, {
    level: 'backup',
    name: 'เวรสำรองกลางคืน',
    rotation: 'weekly',
    handoverTime: '18:00',
    startsOn: rosterStart,
    memberIds: [],
    restriction: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '08:30' },
  });

  for (const demo of [...DEMO_REQUESTS].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
    at = now.getTime() - demo.hoursAgo * HOUR_MS;
    const created = await coordinationRequestService.createRequest(tx, ctx(mirror), {
      ...demo.input,
      receivingUnitId: unit.id,
    });
    for (const move of demo.moves) {
      at = Math.min(at + HOUR_MS / 4, now.getTime());
      await coordinationRequestService.transitionRequest(tx, ctx(fisheries), created.id, move);
    }
  }
  return DEMO_REQUESTS.length;
}
