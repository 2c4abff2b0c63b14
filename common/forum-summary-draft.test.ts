import { describe, expect, it } from 'vitest';
import { draftSummary, type SummarySource, thaiTime } from './forum-summary-draft.ts';

const source: SummarySource = {
  titleTh: 'Let’s Talk TIP : ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์',
  titleEn: 'Let’s Talk TIP: driven by heart, a Thailand free of human trafficking',
  format: 'in_person',
  // 11:00 in Bangkok on 28 December 2022 (พ.ศ. 2565), as in the press release.
  startsAt: new Date('2022-12-28T04:00:00Z'),
  venueTh: 'ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ',
  venueEn: 'Sarasin Room, 2nd floor, Building 1, Royal Thai Police headquarters',
  chairTh: 'รอง ผบ.ตร. ในฐานะผู้อำนวยการ ศพดส.ตร.',
  chairEn: 'the Deputy Commissioner-General, Director of the Centre',
  objectivesTh: 'เพื่อให้ผู้ปฏิบัติงานทุกภาคส่วนได้รู้จักกันและรับฟังปัญหาของแต่ละหน่วยงาน',
  objectivesEn: 'To let practitioners of every sector meet and hear each other’s problems',
  organisations: [
    { nameTh: 'มูลนิธิกระจกเงา', nameEn: 'Mirror Foundation', sector: 'civil_society' },
    { nameTh: 'กรมประมง', nameEn: 'Department of Fisheries', sector: 'government' },
    { nameTh: 'สมาคมการประมงแห่งประเทศไทย', nameEn: 'National Fisheries Association', sector: 'private' },
    { nameTh: 'กรมการจัดหางาน', nameEn: 'Department of Employment', sector: 'government' },
  ],
  agenda: [
    { titleTh: 'แนะนำเครือข่าย', titleEn: 'Introducing the network' },
    { titleTh: 'ปัญหาการคัดแยกผู้เสียหายในภาคประมง', titleEn: 'Victim identification in fisheries' },
  ],
  decisions: [{ textTh: 'จัดทำบัญชีล่ามกลาง', textEn: 'Set up a shared roster of interpreters' }],
};

describe('the summary draft', () => {
  const draft = draftSummary(source);

  it('opens like a police press release: date in the Buddhist Era, time, chair, event, venue', () => {
    expect(draft.bodyTh).toMatch(
      /^เมื่อวันที่ 28 ธันวาคม 2565 เวลา 11\.00 น\. รอง ผบ\.ตร\. ในฐานะผู้อำนวยการ ศพดส\.ตร\. ได้เป็นประธานในการจัดงาน “Let’s Talk TIP : ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์”/,
    );
    expect(draft.bodyTh).toContain('โดยจัดขึ้นที่ ห้องสารสิน ชั้น 2 อาคาร 1 สำนักงานตำรวจแห่งชาติ');
    expect(draft.titleTh).toContain('“Let’s Talk TIP : ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์”');
  });

  it('names the participating organisations grouped by sector, government first', () => {
    expect(draft.bodyTh).toContain(
      'จำนวน 4 หน่วยงาน เข้าร่วมงาน ประกอบด้วย ภาครัฐ ได้แก่ กรมประมง กรมการจัดหางาน ภาคเอกชน ได้แก่ สมาคมการประมงแห่งประเทศไทย ภาคประชาสังคม ได้แก่ มูลนิธิกระจกเงา',
    );
    expect(draft.bodyTh).toContain('ซึ่งเป็นการเสวนาระหว่างภาครัฐ ภาคเอกชน และภาคประชาสังคม');
    expect(draft.bodyEn).toContain(
      'government: Department of Fisheries, Department of Employment; the private sector: National Fisheries Association; civil society: Mirror Foundation',
    );
  });

  it('carries the objectives, the agenda and the decisions into both languages', () => {
    expect(draft.bodyTh).toContain('มีวัตถุประสงค์เพื่อให้ผู้ปฏิบัติงานทุกภาคส่วน');
    expect(draft.bodyTh).toContain('1) แนะนำเครือข่าย 2) ปัญหาการคัดแยกผู้เสียหายในภาคประมง');
    expect(draft.bodyTh).toContain('ที่ประชุมได้มีข้อตกลงร่วมกัน ดังนี้ 1) จัดทำบัญชีล่ามกลาง');
    expect(draft.bodyEn).toMatch(/^On 28 December 2022 at 11:00, the Deputy Commissioner-General/);
    expect(draft.bodyEn).toContain(
      'The participants agreed as follows: 1) Set up a shared roster of interpreters.',
    );
  });

  it('leaves out what the event does not have, and says online when there is no venue', () => {
    const bare = draftSummary({
      ...source,
      format: 'online',
      venueTh: null,
      venueEn: null,
      chairTh: null,
      chairEn: null,
      objectivesTh: null,
      objectivesEn: null,
      agenda: [],
      decisions: [],
      organisations: [],
    });
    expect(bare.bodyTh).toContain('ได้จัดงาน “Let’s Talk TIP');
    expect(bare.bodyTh).toContain('โดยจัดขึ้นผ่านระบบการประชุมออนไลน์');
    expect(bare.bodyTh).not.toContain('ที่ประชุมได้มีข้อตกลง');
    expect(bare.bodyTh).not.toContain('ได้แก่');
    expect(bare.bodyEn).toContain('held online.');
    expect(bare.bodyEn).not.toContain('undefined');
    expect(bare.bodyEn).not.toContain('null');
  });

  it('writes the time in Bangkok whatever the server’s zone', () => {
    expect(thaiTime(new Date('2022-12-28T17:30:00Z'))).toBe('00.30 น.');
  });
});
