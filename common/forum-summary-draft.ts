/**
 * The first draft of the summary the Centre publishes after a forum, written from the event's data in the
 * register of an official Thai police press release ("เมื่อวันที่ … เวลา … น. … ได้เป็นประธานในการจัดงาน …
 * ณ …"), with a matching English text. Pure: the Centre edits the draft before publishing it.
 */
import type { EventFormat } from './forum-states.ts';
import { SECTORS, type Sector } from './taxonomies.ts';

export type SummarySource = {
  titleTh: string;
  titleEn: string;
  format: EventFormat;
  startsAt: Date;
  venueTh: string | null;
  venueEn: string | null;
  chairTh: string | null;
  chairEn: string | null;
  objectivesTh: string | null;
  objectivesEn: string | null;
  /** The organisations that took part (checked in, or confirmed when nobody was checked in). */
  organisations: { nameTh: string; nameEn: string; sector: Sector | null }[];
  agenda: { titleTh: string; titleEn: string }[];
  /** From the minutes, when they exist. */
  decisions: { textTh: string; textEn: string | null }[];
};

export type SummaryDraft = { titleTh: string; titleEn: string; bodyTh: string; bodyEn: string };

const CENTRE_TH =
  'ศูนย์พิทักษ์เด็ก สตรี ครอบครัว ป้องกันและปราบปรามการค้ามนุษย์ และภาคประมง สำนักงานตำรวจแห่งชาติ (ศพดส.ตร.)';
const CENTRE_EN = 'the Royal Thai Police anti-trafficking centre';

const SECTOR_TH: Record<Sector, string> = {
  government: 'ภาครัฐ',
  private: 'ภาคเอกชน',
  civil_society: 'ภาคประชาสังคม',
  international: 'ภาคีระหว่างประเทศ',
  academic: 'ภาควิชาการ',
};
const SECTOR_EN: Record<Sector, string> = {
  government: 'government',
  private: 'the private sector',
  civil_society: 'civil society',
  international: 'international partners',
  academic: 'academia',
};

const BANGKOK = 'Asia/Bangkok';

/** "28 ธันวาคม 2565" (Buddhist Era). */
export const thaiDate = (at: Date) =>
  new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
export const englishDate = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: BANGKOK,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);

function bangkokClock(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: BANGKOK,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { hour: part('hour'), minute: part('minute') };
}
/** "11.00 น.", as Thai official texts write the time. */
export const thaiTime = (at: Date) => {
  const { hour, minute } = bangkokClock(at);
  return `${hour}.${minute} น.`;
};
export const englishTime = (at: Date) => {
  const { hour, minute } = bangkokClock(at);
  return `${hour}:${minute}`;
};

/** The sectors present, in the network's order, each with its organisations in the order given. */
function bySector(organisations: SummarySource['organisations']) {
  const groups: { sector: Sector | null; names: { th: string; en: string }[] }[] = [];
  for (const sector of [...SECTORS, null]) {
    const names = organisations
      .filter((o) => o.sector === sector)
      .map((o) => ({ th: o.nameTh, en: o.nameEn }));
    if (names.length > 0) groups.push({ sector, names });
  }
  return groups;
}

/** "ก ข และ ค" / "a, b and c". */
const thaiList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(' ')} และ${items.at(-1)}`;
const englishList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const numbered = (items: string[]) => items.map((item, i) => `${i + 1}) ${item}`).join(' ');
/** Free text ends with one full stop in English; Thai sentences end without one. */
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function thaiBody(s: SummarySource): string {
  const groups = bySector(s.organisations);
  const sectorsPresent = groups.filter((g) => g.sector).map((g) => SECTOR_TH[g.sector!]);
  const place =
    s.format === 'online'
      ? 'ผ่านระบบการประชุมออนไลน์'
      : `ที่ ${s.venueTh ?? 'สำนักงานตำรวจแห่งชาติ'}${s.format === 'hybrid' ? ' และผ่านระบบการประชุมออนไลน์' : ''}`;
  const chair = s.chairTh ? `${s.chairTh} ได้เป็นประธานในการจัดงาน` : `${CENTRE_TH} ได้จัดงาน`;
  const opening = [
    `เมื่อวันที่ ${thaiDate(s.startsAt)} เวลา ${thaiTime(s.startsAt)} ${chair} “${s.titleTh}”`,
    `ซึ่งเป็นการเสวนาระหว่าง${sectorsPresent.length > 0 ? thaiList(sectorsPresent) : 'หน่วยงานในเครือข่าย'}ที่มีบทบาทในการร่วมกันแก้ไขปัญหาการค้ามนุษย์`,
    `โดยจัดขึ้น${place}`,
  ];
  if (s.organisations.length > 0) {
    const listed = groups.map((g) =>
      g.sector
        ? `${SECTOR_TH[g.sector]} ได้แก่ ${g.names.map((n) => n.th).join(' ')}`
        : g.names.map((n) => n.th).join(' '),
    );
    opening.push(
      `โดยมีผู้แทนจากหน่วยงานต่างๆ จำนวน ${s.organisations.length} หน่วยงาน เข้าร่วมงาน ประกอบด้วย ${listed.join(' ')}`,
    );
  }
  const paragraphs = [opening.join(' ')];
  if (s.objectivesTh)
    paragraphs.push(
      `การจัดงานในครั้งนี้มีวัตถุประสงค์เพื่อ${s.objectivesTh.replace(/^เพื่อ/, '')} โดยเปิดโอกาสให้แต่ละภาคส่วนได้แลกเปลี่ยนความคิดเห็นและข้อเสนอแนะในการแก้ไขปัญหาการค้ามนุษย์ รวมทั้งรับฟังปัญหาในการทำงานที่เกิดขึ้น`,
    );
  if (s.agenda.length > 0)
    paragraphs.push(`ในการนี้ ที่ประชุมได้หารือในประเด็นต่างๆ ได้แก่ ${numbered(s.agenda.map((a) => a.titleTh))}`);
  if (s.decisions.length > 0)
    paragraphs.push(`ที่ประชุมได้มีข้อตกลงร่วมกัน ดังนี้ ${numbered(s.decisions.map((d) => d.textTh))}`);
  paragraphs.push(
    'ทั้งนี้ ศพดส.ตร. จะติดตามความคืบหน้าของข้อตกลงและปัญหาที่ได้รับฟังจากเวทีในครั้งนี้ และขับเคลื่อนการแก้ไขปัญหาการค้ามนุษย์ของประเทศไทยร่วมกับทุกภาคส่วนให้เป็นไปอย่างมีประสิทธิภาพมากยิ่งขึ้นต่อไป',
  );
  return paragraphs.join('\n\n');
}

function englishBody(s: SummarySource): string {
  const groups = bySector(s.organisations);
  const sectorsPresent = groups.filter((g) => g.sector).map((g) => SECTOR_EN[g.sector!]);
  const place =
    s.format === 'online'
      ? 'online'
      : `at ${s.venueEn ?? s.venueTh ?? 'the Royal Thai Police headquarters'}${s.format === 'hybrid' ? ' and online' : ''}`;
  const who = s.chairEn ? `${s.chairEn} chaired` : `${CENTRE_EN[0]!.toUpperCase()}${CENTRE_EN.slice(1)} held`;
  const opening = [
    `On ${englishDate(s.startsAt)} at ${englishTime(s.startsAt)}, ${who} “${s.titleEn}”, a forum ${
      sectorsPresent.length > 0 ? `between ${englishList(sectorsPresent)}` : 'of the network'
    } working together against human trafficking, held ${place}.`,
  ];
  if (s.organisations.length > 0) {
    const listed = groups.map((g) =>
      g.sector
        ? `${SECTOR_EN[g.sector]}: ${g.names.map((n) => n.en).join(', ')}`
        : g.names.map((n) => n.en).join(', '),
    );
    opening.push(
      `Representatives of ${s.organisations.length} organisation${s.organisations.length === 1 ? '' : 's'} took part — ${listed.join('; ')}.`,
    );
  }
  const paragraphs = [opening.join(' ')];
  const objectives = s.objectivesEn ?? null;
  if (objectives)
    paragraphs.push(
      `Its objectives: ${sentence(objectives)} Each sector exchanged views and recommendations on tackling human trafficking and raised the problems it meets in its work.`,
    );
  if (s.agenda.length > 0)
    paragraphs.push(`The forum discussed: ${numbered(s.agenda.map((a) => a.titleEn))}.`);
  const decisions = s.decisions.map((d) => d.textEn ?? d.textTh);
  if (decisions.length > 0) paragraphs.push(`The participants agreed as follows: ${numbered(decisions)}.`);
  paragraphs.push(
    'The Centre will follow up on the agreements and on the problems heard at the forum, and will keep driving Thailand’s work against human trafficking together with every sector.',
  );
  return paragraphs.join('\n\n');
}

export function draftSummary(s: SummarySource): SummaryDraft {
  return {
    titleTh: `ศพดส.ตร. จัดเวทีพูดคุยเครือข่ายการแก้ไขปัญหาการค้ามนุษย์ “${s.titleTh}”`,
    titleEn: `The Centre convenes the anti-trafficking network at “${s.titleEn}”`,
    bodyTh: thaiBody(s),
    bodyEn: englishBody(s),
  };
}
