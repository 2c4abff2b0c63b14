/**
 * The demo network's "Let's Talk TIP" forums: #1 follows the press release (11.00 น., ห้องสารสิน ชั้น 2
 * อาคาร 1 สำนักงานตำรวจแห่งชาติ, chaired by the Deputy Commissioner-General as the Centre's director, the
 * organisations it names), #2 later in Ranong, both with agenda, attendance, final minutes, decisions and
 * action items; #3 is upcoming and open for registration. Dates are relative to the first start so the demo
 * problems raised at #1 and #2 (server/demo/demo-problems.ts) come after their forum and link to it.
 *
 * Rows go straight into the forum tables: the services that make them belong to the forum modules built in
 * parallel (events, check-in, minutes). Every person is fictional and marked as a demo.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { DEFAULT_SURVEY_QUESTIONS } from '../../common/forum-feedback-api.ts';
import type { ActionStatus } from '../../common/forum-states.ts';
import { draftSummary } from '../../common/forum-summary-draft.ts';
import { PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice.ts';
import type { Sector } from '../../common/taxonomies.ts';
import { DAY_MS, HOUR_MS } from '../../common/time.ts';
import { bangkokDay } from '../../common/working-day.ts';
import type { Db } from '../db/client.ts';
import {
  forumActionEvents,
  forumActions,
  forumAgendaItems,
  forumCheckins,
  forumDecisions,
  forumEventHosts,
  forumEvents,
  forumMinutes,
  forumMinutesVersions,
  forumRegistrations,
  forumSummaries,
  forumSurveyResponses,
  forumSurveys,
  LETS_TALK_TIP_SERIES_ID,
  organisations,
  problems,
  users,
} from '../db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS } from './demo-network.ts';

type OrgKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

/** The free-text sources the demo problems carry, now linked to the events (problems.source_event_id). */
export const DEMO_FORUM_SOURCES = {
  1: "Let's Talk TIP ครั้งที่ 1 (ตัวอย่าง)",
  2: "Let's Talk TIP ครั้งที่ 2 (ตัวอย่าง)",
} as const;

/** Fixed, so a demo forum's pages have stable links (the browser specs open them). */
export const DEMO_FORUM_IDS = {
  1: '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0101',
  2: '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0102',
  3: '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0103',
} as const;

const CHAIR_TH = 'รอง ผบ.ตร. ในฐานะผู้อำนวยการ ศพดส.ตร. (ตัวอย่าง)';
const CHAIR_EN = 'the Deputy Commissioner-General, Director of the Centre (demo)';

type DemoAction = { th: string; en: string; owner: OrgKey; dueInDays: number; status: ActionStatus };
type DemoForum = {
  number: 1 | 2 | 3;
  titleTh: string;
  titleEn: string;
  /** Days from the first start to the day of the forum (negative: past). */
  day: number;
  venueTh: string;
  venueEn: string;
  provinceCode: 'TH-10' | 'TH-85';
  objectivesTh: string;
  objectivesEn: string;
  attending: OrgKey[];
  agenda: { th: string; en: string; presenter?: OrgKey; recurring?: boolean }[];
  decisions: { th: string; en: string }[];
  actions: DemoAction[];
};

const FORUMS: DemoForum[] = [
  {
    number: 1,
    titleTh: 'Let’s Talk TIP ครั้งที่ 1: ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์ (ตัวอย่าง)',
    titleEn: 'Let’s Talk TIP #1: Driven by heart, a Thailand free of human trafficking (demo)',
    day: -71,
    venueTh: 'ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ',
    venueEn: 'Sarasin Room, 2nd floor, Building 1, Royal Thai Police headquarters',
    provinceCode: 'TH-10',
    objectivesTh:
      'เพื่อให้ผู้ปฏิบัติงานจากภาครัฐ ภาคเอกชน และภาคประชาสังคมได้รู้จักกัน แลกเปลี่ยนความคิดเห็นและข้อเสนอแนะ และรับฟังปัญหาในการทำงานของแต่ละหน่วยงาน',
    objectivesEn:
      'For practitioners of government, the private sector and civil society to know each other, exchange views and recommendations, and hear each organisation’s problems at work',
    attending: [
      'centre',
      'moi',
      'dopa',
      'msdhs',
      'fisheries',
      'oag',
      'doe',
      'dlpw',
      'us_embassy',
      'mirror',
      'spring',
      'hug',
      'stella_maris',
      'our',
      'a21',
      'rapha',
      'fishing_association',
    ],
    agenda: [
      { th: 'กล่าวเปิดงานและแนะนำเครือข่าย', en: 'Opening and introducing the network', presenter: 'centre' },
      {
        th: 'การคัดแยกผู้เสียหายในภาคประมงและการใช้ล่าม',
        en: 'Victim identification in fisheries and interpreters',
        presenter: 'fisheries',
      },
      {
        th: 'ข้อจำกัดของภาคเอกชนในการจ้างแรงงานข้ามชาติ',
        en: 'Private-sector constraints in hiring migrant workers',
        presenter: 'fishing_association',
      },
      {
        th: 'การส่งต่อผู้เสียหายข้ามจังหวัดและที่พักพิง',
        en: 'Referring victims across provinces and shelters',
        presenter: 'msdhs',
      },
      { th: 'ติดตามปัญหาที่เครือข่ายเสนอ', en: 'Following up the problems the network raised', recurring: true },
    ],
    decisions: [
      {
        th: 'จัดทำบัญชีล่ามกลางภาษาเมียนมาและกัมพูชาสำหรับศูนย์ PIPO ทุกแห่ง',
        en: 'Set up a shared roster of Myanmar and Khmer interpreters for every PIPO centre',
      },
      {
        th: 'ให้มีผู้ประสานงานของแต่ละหน่วยงานใน TIPNet ที่ติดต่อได้นอกเวลาราชการ',
        en: 'Each organisation names a focal point in TIPNet reachable out of hours',
      },
      {
        th: 'จัดเวที Let’s Talk TIP ทุกไตรมาส โดยหมุนเวียนไปยังจังหวัดชายฝั่ง',
        en: 'Hold Let’s Talk TIP every quarter, rotating through coastal provinces',
      },
    ],
    actions: [
      {
        th: 'เผยแพร่บัญชีล่ามกลางให้ศูนย์ PIPO ทุกแห่ง',
        en: 'Share the interpreter roster with every PIPO centre',
        owner: 'fisheries',
        dueInDays: -30,
        status: 'done',
      },
      {
        th: 'ยืนยันผู้ประสานงานนอกเวลาราชการของทุกหน่วยงานใน TIPNet',
        en: 'Confirm every organisation’s out-of-hours focal point in TIPNet',
        owner: 'centre',
        dueInDays: -20,
        status: 'done',
      },
      {
        th: 'เสนอแนวทางส่งต่อผู้เสียหายข้ามจังหวัดพร้อมที่พักชั่วคราว',
        en: 'Propose a procedure for referring victims across provinces with interim shelter',
        owner: 'msdhs',
        dueInDays: -10,
        status: 'in_progress',
      },
    ],
  },
  {
    number: 2,
    titleTh: 'Let’s Talk TIP ครั้งที่ 2: เครือข่ายชายฝั่งอันดามัน (ตัวอย่าง)',
    titleEn: 'Let’s Talk TIP #2: The Andaman coast network (demo)',
    day: -41,
    venueTh: 'ห้องประชุมศาลากลางจังหวัดระนอง',
    venueEn: 'Meeting room, Ranong Provincial Hall',
    provinceCode: 'TH-85',
    objectivesTh: 'เพื่อติดตามข้อตกลงจากเวทีครั้งที่ 1 และรับฟังปัญหาของผู้ปฏิบัติงานในพื้นที่ชายฝั่งอันดามัน',
    objectivesEn:
      'To follow up the agreements of forum #1 and hear the problems of practitioners on the Andaman coast',
    attending: [
      'centre',
      'fisheries',
      'dlpw',
      'doe',
      'msdhs',
      'mirror',
      'stella_maris',
      'fishing_association',
      'hug',
    ],
    agenda: [
      { th: 'ทบทวนข้อตกลงจากเวทีครั้งที่ 1', en: 'Review of the agreements of forum #1', presenter: 'centre' },
      {
        th: 'การเปลี่ยนนายจ้างของแรงงานที่เป็นผู้เสียหาย',
        en: 'Changing employer for workers who are victims',
        presenter: 'doe',
      },
      {
        th: 'การคัดกรองผู้ที่เดินทางกลับจากแหล่งสแกมเมอร์',
        en: 'Screening people returning from scam compounds',
        presenter: 'mirror',
      },
      { th: 'ติดตามปัญหาที่เครือข่ายเสนอ', en: 'Following up the problems the network raised', recurring: true },
    ],
    decisions: [
      {
        th: 'จัดทำคู่มือการเปลี่ยนนายจ้างสำหรับผู้เสียหายเป็นภาษาเมียนมา',
        en: 'Write a guide to changing employer for victims, in Burmese',
      },
      {
        th: 'ทดลองแบบคัดกรองร่วมสำหรับผู้เดินทางกลับจากแหล่งสแกมเมอร์ที่ด่านระนอง',
        en: 'Pilot a joint screening form for returnees from scam compounds at the Ranong checkpoint',
      },
    ],
    actions: [
      {
        th: 'จัดทำคู่มือการเปลี่ยนนายจ้างฉบับภาษาเมียนมา',
        en: 'Write the Burmese guide to changing employer',
        owner: 'doe',
        dueInDays: 14,
        status: 'open',
      },
      {
        th: 'สรุปผลการทดลองแบบคัดกรองร่วมที่ด่านระนอง',
        en: 'Report on the joint screening pilot at the Ranong checkpoint',
        owner: 'fisheries',
        dueInDays: 21,
        status: 'in_progress',
      },
      {
        th: 'ตรวจแรงงานบนเรือประมงร่วมกับล่ามจากบัญชีกลาง',
        en: 'Joint inspections of fishing vessels with interpreters from the shared roster',
        owner: 'dlpw',
        dueInDays: 30,
        status: 'open',
      },
    ],
  },
  {
    number: 3,
    titleTh: 'Let’s Talk TIP ครั้งที่ 3: แรงงานประมงและการคุ้มครองผู้เสียหาย (ตัวอย่าง)',
    titleEn: 'Let’s Talk TIP #3: Fishing labour and victim protection (demo)',
    day: 30,
    venueTh: 'ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ',
    venueEn: 'Sarasin Room, 2nd floor, Building 1, Royal Thai Police headquarters',
    provinceCode: 'TH-10',
    objectivesTh: 'เพื่อติดตามงานที่ค้างจากเวทีครั้งก่อนและวางแผนงานร่วมปีงบประมาณถัดไป',
    objectivesEn: 'To follow up the open work of earlier forums and plan next fiscal year’s joint work',
    attending: [],
    agenda: [
      { th: 'ติดตามงานที่ค้างจากเวทีครั้งก่อน', en: 'Open work from earlier forums', presenter: 'centre' },
      { th: 'ติดตามปัญหาที่เครือข่ายเสนอ', en: 'Following up the problems the network raised', recurring: true },
    ],
    decisions: [],
    actions: [],
  },
];

/** Fictional survey answers of forum #1 (more than five, so its results show). */
const SURVEY_ANSWERS: Record<string, string | number>[] = [
  { overall: 5, useful: 'very', again: 'yes', comments: 'ได้รู้จักผู้ประสานงานของกรมประมงโดยตรง' },
  { overall: 4, useful: 'very', again: 'yes' },
  { overall: 5, useful: 'somewhat', again: 'yes', comments: 'อยากให้จัดที่ภาคใต้บ้าง' },
  { overall: 4, useful: 'very', again: 'maybe' },
  { overall: 3, useful: 'somewhat', again: 'yes', comments: 'เวลาอภิปรายน้อยไป' },
  { overall: 5, useful: 'very', again: 'yes' },
];

/**
 * Seeds the three forums once, on a demo network (the demo admin exists) that has no forum yet; a real
 * network's forums are never touched. Returns how many events it made.
 */
export async function seedDemoForums(tx: Db, now: Date): Promise<number> {
  const [admin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNTS[0]!.email));
  if (!admin) return 0;
  const [anyForum] = await tx.select({ id: forumEvents.id }).from(forumEvents).limit(1);
  if (anyForum) return 0;
  const orgRows = await tx
    .select({ id: organisations.id, nameEn: organisations.nameEn, sector: organisations.sector })
    .from(organisations)
    .where(
      inArray(
        organisations.nameEn,
        DEMO_ORGANISATIONS.map((o) => o.nameEn),
      ),
    );
  const orgs = new Map<OrgKey, { id: string; sector: Sector }>(
    orgRows.map((o) => [DEMO_ORGANISATIONS.find((d) => d.nameEn === o.nameEn)!.key as OrgKey, o]),
  );
  const accounts = await tx
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((a) => a.email),
      ),
    );

  for (const forum of FORUMS) {
    const eventId = await seedForum(tx, forum, { now, adminId: admin.id, orgs, accounts });
    if (forum.number in DEMO_FORUM_SOURCES)
      await tx
        .update(problems)
        .set({ sourceEventId: eventId })
        .where(
          and(eq(problems.source, DEMO_FORUM_SOURCES[forum.number as 1 | 2]), isNull(problems.sourceEventId)),
        );
  }
  return FORUMS.length;
}

type Seeding = {
  now: Date;
  adminId: string;
  orgs: Map<OrgKey, { id: string; sector: Sector }>;
  accounts: { id: string; email: string; organisationId: string }[];
};

/** 11.00 น. in Bangkok on the forum's day. */
function startOf(forum: DemoForum, now: Date) {
  const day = bangkokDay(new Date(now.getTime() + forum.day * DAY_MS));
  return new Date(`${day}T11:00:00+07:00`);
}

async function seedForum(tx: Db, forum: DemoForum, s: Seeding): Promise<string> {
  const startsAt = startOf(forum, s.now);
  const endsAt = new Date(startsAt.getTime() + 4 * HOUR_MS);
  const past = forum.day < 0;
  const created = new Date(startsAt.getTime() - 30 * DAY_MS);
  const eventId = DEMO_FORUM_IDS[forum.number];
  await tx.insert(forumEvents).values({
    id: eventId,
    seriesId: LETS_TALK_TIP_SERIES_ID,
    number: forum.number,
    titleTh: forum.titleTh,
    titleEn: forum.titleEn,
    format: 'in_person',
    state: past ? 'completed' : 'published',
    provinceCode: forum.provinceCode,
    venueTh: forum.venueTh,
    venueEn: forum.venueEn,
    startsAt,
    endsAt,
    chairTh: CHAIR_TH,
    chairEn: CHAIR_EN,
    objectivesTh: forum.objectivesTh,
    objectivesEn: forum.objectivesEn,
    registrationMode: 'open',
    capacity: 80,
    reservedForHosts: 5,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    createdBy: s.adminId,
    createdAt: created,
    updatedAt: created,
  });
  await tx.insert(forumEventHosts).values({ eventId, organisationId: s.orgs.get('centre')!.id });

  for (const [position, item] of forum.agenda.entries())
    await tx.insert(forumAgendaItems).values({
      id: randomUUID(),
      eventId,
      position: position + 1,
      titleTh: item.th,
      titleEn: item.en,
      startsAt: new Date(startsAt.getTime() + position * 45 * 60_000),
      durationMinutes: 45,
      presentingOrganisationId: item.presenter ? s.orgs.get(item.presenter)!.id : null,
      recurring: item.recurring ?? false,
      discussed: past ? true : null,
      createdAt: created,
    });

  await seedAttendance(tx, forum, eventId, startsAt, s);
  if (!past) return eventId;
  await seedMinutes(tx, forum, eventId, endsAt, s);
  if (forum.number === 1) await seedFeedback(tx, forum, eventId, startsAt, endsAt, s);
  return eventId;
}

/** One fictional representative per attending organisation (demo accounts where they exist), all checked in. */
async function seedAttendance(tx: Db, forum: DemoForum, eventId: string, startsAt: Date, s: Seeding) {
  const past = forum.day < 0;
  // The upcoming forum: a few registrations so far, including the demo member's.
  const registering: OrgKey[] = past ? forum.attending : ['centre', 'fisheries', 'mirror'];
  for (const [i, key] of registering.entries()) {
    const org = s.orgs.get(key)!;
    const account = s.accounts.find((a) => a.organisationId === org.id);
    const registrationId = randomUUID();
    const at = new Date(startsAt.getTime() - (20 - (i % 10)) * DAY_MS);
    await tx.insert(forumRegistrations).values({
      id: registrationId,
      eventId,
      userId: account?.id ?? null,
      organisationId: org.id,
      sector: org.sector,
      state: 'confirmed',
      hostPlace: key === 'centre',
      ticketCode: randomBytes(16).toString('base64url'),
      language: key === 'us_embassy' ? 'en' : 'th',
      guestName: account
        ? null
        : `ผู้แทน ${DEMO_ORGANISATIONS.find((o) => o.key === key)!.abbreviation ?? ''} (ตัวอย่าง)`.trim(),
      privacyAcceptedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    if (past)
      await tx.insert(forumCheckins).values({
        id: randomUUID(),
        eventId,
        registrationId,
        method: account ? 'qr' : 'manual',
        scannedAt: new Date(startsAt.getTime() - (30 - i) * 60_000),
        receivedAt: new Date(startsAt.getTime() - (30 - i) * 60_000),
        scannedBy: s.adminId,
      });
  }
}

async function seedMinutes(tx: Db, forum: DemoForum, eventId: string, endsAt: Date, s: Seeding) {
  const finalisedAt = new Date(endsAt.getTime() + 3 * DAY_MS);
  for (const [position, d] of forum.decisions.entries())
    await tx.insert(forumDecisions).values({
      id: randomUUID(),
      eventId,
      position: position + 1,
      textTh: d.th,
      textEn: d.en,
      createdAt: finalisedAt,
    });
  const actions = [];
  for (const a of forum.actions) {
    const id = randomUUID();
    const dueOn = bangkokDay(new Date(s.now.getTime() + a.dueInDays * DAY_MS));
    await tx.insert(forumActions).values({
      id,
      eventId,
      titleTh: a.th,
      titleEn: a.en,
      ownerOrganisationId: s.orgs.get(a.owner)!.id,
      responsibleName: `ผู้ประสานงาน ${DEMO_ORGANISATIONS.find((o) => o.key === a.owner)!.abbreviation ?? ''} (ตัวอย่าง)`,
      dueOn,
      status: a.status,
      createdAt: finalisedAt,
      updatedAt: a.status === 'open' ? finalisedAt : new Date(finalisedAt.getTime() + 7 * DAY_MS),
    });
    await tx.insert(forumActionEvents).values({
      id: randomUUID(),
      actionId: id,
      at: finalisedAt,
      actorId: s.adminId,
      fromStatus: null,
      toStatus: 'open',
      note: 'จากมติที่ประชุม',
    });
    if (a.status !== 'open')
      await tx.insert(forumActionEvents).values({
        id: randomUUID(),
        actionId: id,
        at: new Date(finalisedAt.getTime() + 7 * DAY_MS),
        actorId: null,
        fromStatus: 'open',
        toStatus: a.status,
        note: a.status === 'done' ? 'ดำเนินการแล้วเสร็จ' : 'อยู่ระหว่างดำเนินการ',
      });
    actions.push({ id, titleTh: a.th, owner: a.owner, dueOn, status: a.status });
  }
  await tx.insert(forumMinutes).values({
    eventId,
    state: 'final',
    version: 1,
    summaryTh: `บันทึกการประชุม ${forum.titleTh}`,
    summaryEn: `Minutes of ${forum.titleEn}`,
    updatedAt: finalisedAt,
    updatedBy: s.adminId,
  });
  await tx.insert(forumMinutesVersions).values({
    eventId,
    version: 1,
    snapshot: {
      agenda: forum.agenda.map((a) => a.th),
      decisions: forum.decisions.map((d) => d.th),
      actions,
      attendance: forum.attending,
    },
    finalisedAt,
    finalisedBy: s.adminId,
  });
}

/** Forum #1's closed survey and its published summary, written by the same generator the Centre uses. */
async function seedFeedback(
  tx: Db,
  forum: DemoForum,
  eventId: string,
  startsAt: Date,
  endsAt: Date,
  s: Seeding,
) {
  const opensAt = new Date(endsAt.getTime() + HOUR_MS);
  await tx.insert(forumSurveys).values({
    eventId,
    questions: DEFAULT_SURVEY_QUESTIONS,
    opensAt,
    closesAt: new Date(opensAt.getTime() + 7 * DAY_MS),
    invitationsSentAt: opensAt,
  });
  for (const [i, answers] of SURVEY_ANSWERS.entries())
    await tx.insert(forumSurveyResponses).values({
      id: randomUUID(),
      eventId,
      answers,
      submittedOn: bangkokDay(new Date(opensAt.getTime() + (i % 3) * DAY_MS)),
    });
  const byKey = (key: OrgKey) => DEMO_ORGANISATIONS.find((o) => o.key === key)!;
  const draft = draftSummary({
    titleTh: forum.titleTh,
    titleEn: forum.titleEn,
    format: 'in_person',
    startsAt,
    venueTh: forum.venueTh,
    venueEn: forum.venueEn,
    chairTh: CHAIR_TH,
    chairEn: CHAIR_EN,
    objectivesTh: forum.objectivesTh,
    objectivesEn: forum.objectivesEn,
    organisations: forum.attending.map((k) => ({
      nameTh: byKey(k).nameTh,
      nameEn: byKey(k).nameEn,
      sector: byKey(k).sector,
    })),
    agenda: forum.agenda.map((a) => ({ titleTh: a.th, titleEn: a.en })),
    decisions: forum.decisions.map((d) => ({ textTh: d.th, textEn: d.en })),
  });
  const publishedAt = new Date(endsAt.getTime() + 2 * DAY_MS);
  await tx.insert(forumSummaries).values({
    eventId,
    state: 'published',
    ...draft,
    generatedAt: new Date(endsAt.getTime() + DAY_MS),
    publishedAt,
    updatedAt: publishedAt,
    updatedBy: s.adminId,
  });
}
