/**
 * Forums ("Let's Talk TIP"): the events held in the period, who came, by sector and by organisation, and
 * how the owner organisations kept the due dates of the minutes' action items. Attendance is read through
 * the forums module, action items through the forum-minutes module.
 *
 * Beyond the Centre an organisation sees its own rows against the network median and never another
 * organisation's figures: who came to an event is known to those in the room, not to the network, and an
 * action item's progress only to its owner and the Centre. So a count of fewer than 5 people from one
 * organisation shows "< 5"; a network count that, less the viewer's own row, would leave one other
 * organisation's figure is withheld ("x"); and a median over fewer than three organisations (which would be
 * one organisation's figure, or give it back from one's own) is not shown.
 */
import { dayCode, type Period } from '../../../common/report-periods.ts';
import {
  type Cell,
  type Label,
  type ReportTable,
  SMALL_COUNT,
  SUPPRESSED,
  WITHHELD,
} from '../../../common/reports-api.ts';
import { SECTORS } from '../../../common/taxonomies.ts';
import { type ForumActionOwnerRow, forumActionsDue, forumActionsOverdue } from '../forum-minutes/index.ts';
import { type ForumAttendanceRow, forumAttendance } from '../forums/index.ts';
import { sectorLabel } from './network.section.ts';
import {
  label,
  networkMedianRow,
  type ReportSectionDefinition,
  type SectionContext,
  suppress,
  totalsOf,
} from './sections.ts';

/** Registrants from outside the directory, counted together as one more "organisation" (never named). */
const GUESTS = 'guests';

/**
 * A network count shown beyond the Centre, from each organisation's part of it (`parts`, by organisation).
 * All of it the viewer's own, it shows; a small count from another organisation shows "< 5". The viewer
 * also sees its own part in its own row, so when the rest comes from a single other organisation, the
 * count less that row is that organisation's figure: it is withheld when the figure is one only its owner
 * may see (`private`: action items) or a small count of people.
 */
function networkCount(
  ctx: SectionContext,
  parts: ReadonlyMap<string, number>,
  kind: 'people' | 'private',
): Cell {
  const contributing = [...parts].filter(([, n]) => n > 0);
  const total = contributing.reduce((sum, [, n]) => sum + n, 0);
  const others = contributing.filter(([organisation]) => organisation !== ctx.viewer.organisationId);
  // All of it the viewer's own: its own row shows as much.
  if (ctx.centre || others.length === 0) return total;
  const small = suppress(ctx, total, contributing.length);
  if (small !== total) return small;
  if (others.length !== 1) return total;
  if (kind === 'private' || others[0]![1] < SMALL_COUNT) return total < SMALL_COUNT ? SUPPRESSED : WITHHELD;
  return total;
}

/** A count of people in a table: "< 5" when fewer than 5 came from one organisation other than the viewer's. */
function peopleCell(ctx: SectionContext, parts: ReadonlyMap<string, number>): Cell {
  const total = sum(parts);
  const ownOnly = [...parts.keys()].every((organisation) => organisation === ctx.viewer.organisationId);
  return ownOnly ? total : suppress(ctx, total, parts.size);
}

const days = (p: Period) => ({ from: dayCode(p.start), to: dayCode(p.end) });

type OrganisationAttendance = {
  nameTh: string;
  nameEn: string;
  events: Set<string>;
  registered: number;
  attended: number;
};

type SectorAttendance = {
  /** Directory organisations with someone checked in. */
  organisations: Set<string>;
  registered: Map<string, number>;
  attended: Map<string, number>;
};

const add = (m: Map<string, number>, key: string, n: number) => {
  if (n > 0) m.set(key, (m.get(key) ?? 0) + n);
};
const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);

/** The attendance rows of a period, added up per organisation (guests together) and per sector. */
function attendanceOf(rows: readonly ForumAttendanceRow[]) {
  const registered = new Map<string, number>();
  const attended = new Map<string, number>();
  const organisations = new Map<string, OrganisationAttendance>();
  const sectors = new Map<string, SectorAttendance>();
  for (const r of rows) {
    const key = r.organisationId ?? GUESTS;
    add(registered, key, r.registered);
    add(attended, key, r.attended);
    if (r.organisationId) {
      const o = organisations.get(r.organisationId) ?? {
        nameTh: r.nameTh ?? '',
        nameEn: r.nameEn ?? '',
        events: new Set<string>(),
        registered: 0,
        attended: 0,
      };
      o.registered += r.registered;
      o.attended += r.attended;
      if (r.attended > 0) o.events.add(r.eventId);
      organisations.set(r.organisationId, o);
    }
    const sectorCode = r.sector ?? 'unspecified';
    const s = sectors.get(sectorCode) ?? {
      organisations: new Set<string>(),
      registered: new Map<string, number>(),
      attended: new Map<string, number>(),
    };
    add(s.registered, key, r.registered);
    add(s.attended, key, r.attended);
    if (r.organisationId && r.attended > 0) s.organisations.add(r.organisationId);
    sectors.set(sectorCode, s);
  }
  const attending = [...organisations.values()].filter((o) => o.attended > 0).length;
  return { registered, attended, organisations, sectors, attending };
}

type Attendance = ReturnType<typeof attendanceOf>;

/** People first: the printed review draws the first column as bars. */
const SECTOR_COLUMNS = [
  { key: 'attended', label: label('ผู้เข้าร่วม (เช็กอิน)', 'People attending (checked in)') },
  { key: 'registered', label: label('ลงทะเบียนที่ยืนยันแล้ว', 'Registrations confirmed') },
  { key: 'organisations', label: label('หน่วยงานที่เข้าร่วม', 'Organisations attending') },
];

function sectorTable(ctx: SectionContext, a: Attendance): ReportTable {
  const order = [...SECTORS, 'unspecified'];
  const present = order.flatMap((code) => {
    const s = a.sectors.get(code);
    return s ? [{ code, s }] : [];
  });
  const raw = (s: SectorAttendance): Cell[] => [sum(s.attended), sum(s.registered), s.organisations.size];
  return {
    key: 'attendance_by_sector',
    title: label('การเข้าร่วมเวที แยกตามภาคส่วน', 'Attendance by sector'),
    labelHeader: label('ภาคส่วน', 'Sector'),
    columns: SECTOR_COLUMNS,
    rows: present.map(({ code, s }) => ({
      code,
      label: code === 'unspecified' ? label('ไม่ระบุภาคส่วน', 'Sector not given') : sectorLabel(code),
      values: [peopleCell(ctx, s.attended), peopleCell(ctx, s.registered), s.organisations.size],
    })),
    totals: totalsOf(
      present.map(({ s }) => ({ values: raw(s) })),
      [true, true, true],
    ),
  };
}

const ORGANISATION_COLUMNS = [
  { key: 'attended', label: label('ผู้เข้าร่วม (เช็กอิน)', 'People attending (checked in)') },
  { key: 'registered', label: label('ลงทะเบียนที่ยืนยันแล้ว', 'Registrations confirmed') },
  { key: 'events', label: label('จำนวนครั้งที่เข้าร่วม', 'Forums attended') },
];

function organisationTable(ctx: SectionContext, a: Attendance): ReportTable {
  const base = {
    key: 'attendance_by_organisation',
    title: label('การเข้าร่วมเวที แยกตามหน่วยงาน', 'Attendance by organisation'),
    labelHeader: label('หน่วยงาน', 'Organisation'),
    columns: ORGANISATION_COLUMNS,
  };
  const values = (o: OrganisationAttendance) => [o.attended, o.registered, o.events.size];
  const rowOf = ([id, o]: [string, OrganisationAttendance]) => ({
    code: id,
    label: label(o.nameTh, o.nameEn),
    values: values(o) as Cell[],
  });
  const all = [...a.organisations].sort(
    ([, x], [, y]) =>
      y.attended - x.attended || y.registered - x.registered || x.nameTh.localeCompare(y.nameTh, 'th'),
  );
  if (ctx.centre) {
    const guests = { registered: a.registered.get(GUESTS) ?? 0, attended: a.attended.get(GUESTS) ?? 0 };
    const guestRow =
      guests.registered + guests.attended > 0
        ? [
            {
              code: GUESTS,
              label: label('ผู้เข้าร่วมจากหน่วยงานนอกทำเนียบ', 'Guests from outside the directory'),
              values: [guests.attended, guests.registered, null] as Cell[],
            },
          ]
        : [];
    const rows = [...all.map(rowOf), ...guestRow];
    return { ...base, rows, totals: totalsOf(rows, [true, true, false]) };
  }
  const own = all.find(([id]) => id === ctx.viewer.organisationId);
  return {
    ...base,
    rows: [
      ...(own ? [rowOf(own)] : []),
      networkMedianRow(
        all.map(([, o]) => values(o)),
        ORGANISATION_COLUMNS.length,
        ctx,
      ),
    ],
    totals: null,
  };
}

const ACTION_COLUMNS = [
  { key: 'due', label: label('ครบกำหนดในช่วงนี้', 'Due in the period') },
  { key: 'on_time', label: label('เสร็จตามกำหนด', 'Done on time') },
  { key: 'late', label: label('เสร็จหลังกำหนด', 'Done late') },
  { key: 'open_overdue', label: label('ยังไม่เสร็จและเลยกำหนด', 'Open and overdue') },
];

const actionValues = (r: ForumActionOwnerRow) => [r.due, r.onTime, r.late, r.openOverdue];

function actionTable(ctx: SectionContext, rows: ForumActionOwnerRow[]): ReportTable {
  const base = {
    key: 'actions_by_owner',
    title: label('งานที่ต้องติดตามจากเวที แยกตามหน่วยงานผู้รับผิดชอบ', 'Forum action items per owner organisation'),
    labelHeader: label('หน่วยงานผู้รับผิดชอบ', 'Owner organisation'),
    columns: ACTION_COLUMNS,
  };
  const rowOf = (r: ForumActionOwnerRow) => ({
    code: r.organisationId,
    label: label(r.nameTh, r.nameEn),
    values: actionValues(r) as Cell[],
  });
  const sorted = [...rows].sort((x, y) => y.due - x.due || x.nameTh.localeCompare(y.nameTh, 'th'));
  if (ctx.centre) {
    const shown = sorted.map(rowOf);
    return { ...base, rows: shown, totals: totalsOf(shown, [true, true, true, true]) };
  }
  const own = sorted.find((r) => r.organisationId === ctx.viewer.organisationId);
  return {
    ...base,
    rows: [
      ...(own ? [rowOf(own)] : []),
      networkMedianRow(sorted.map(actionValues), ACTION_COLUMNS.length, ctx),
    ],
    totals: null,
  };
}

const byOwner = (rows: readonly ForumActionOwnerRow[], pick: (r: ForumActionOwnerRow) => number) =>
  new Map(rows.map((r) => [r.organisationId, pick(r)]));

export const forumsSection: ReportSectionDefinition = {
  id: 'forums',
  title: label("เวที Let's Talk TIP", "Let's Talk TIP forums"),
  async compute(ctx) {
    const today = dayCode(ctx.now);
    const [held, heldBefore, due, dueBefore, overdue] = await Promise.all([
      forumAttendance(ctx.db, ctx.period, ctx.now),
      forumAttendance(ctx.db, ctx.previous, ctx.now),
      forumActionsDue(ctx.db, days(ctx.period), today),
      forumActionsDue(ctx.db, days(ctx.previous), today),
      forumActionsOverdue(ctx.db, today),
    ]);
    const now = attendanceOf(held.rows);
    const before = attendanceOf(heldBefore.rows);
    const f = (key: string, l: Label, value: Cell, previous: Cell) => ({ key, label: l, value, previous });
    const people = (m: Map<string, number>) => networkCount(ctx, m, 'people');
    const owed = (rows: ForumActionOwnerRow[], pick: (r: ForumActionOwnerRow) => number) =>
      networkCount(ctx, byOwner(rows, pick), 'private');
    return {
      figures: [
        f('events', label('เวทีที่จัดขึ้น', 'Forums held'), held.events, heldBefore.events),
        f(
          'registered',
          label('การลงทะเบียนที่ยืนยันแล้ว', 'Registrations confirmed'),
          people(now.registered),
          people(before.registered),
        ),
        f(
          'attended',
          label('ผู้เข้าร่วม (เช็กอิน)', 'People attending (checked in)'),
          people(now.attended),
          people(before.attended),
        ),
        f(
          'organisations',
          label('หน่วยงานที่เข้าร่วม', 'Organisations attending'),
          now.attending,
          before.attending,
        ),
        f(
          'actions_due',
          label('งานที่ต้องติดตามที่ครบกำหนดในช่วงนี้', 'Action items due in the period'),
          owed(due, (r) => r.due),
          owed(dueBefore, (r) => r.due),
        ),
        f(
          'actions_on_time',
          label('งานที่เสร็จตามกำหนด', 'Action items done on time'),
          owed(due, (r) => r.onTime),
          owed(dueBefore, (r) => r.onTime),
        ),
        f(
          'actions_overdue',
          label('งานที่เลยกำหนดขณะนี้', 'Action items overdue now'),
          networkCount(ctx, new Map(overdue.map((r) => [r.organisationId, r.n])), 'private'),
          null,
        ),
      ],
      tables: [sectorTable(ctx, now), organisationTable(ctx, now), actionTable(ctx, due)],
      matrices: [],
      method: label(
        'นับเวทีที่เผยแพร่แล้วซึ่งเริ่มในช่วงเวลาและก่อนวันที่จัดทำรายงาน ไม่นับเวทีที่ยกเลิกหรือยังเป็นร่าง ผู้เข้าร่วมคือผู้ที่เช็กอินหน้างาน ภาคส่วนเป็นไปตามที่บันทึกไว้ในการลงทะเบียน งานที่ต้องติดตามนับเฉพาะงานในรายงานการประชุมฉบับที่รับรองแล้วที่มีกำหนดเสร็จในช่วงเวลา ไม่นับงานที่ยกเลิก งานที่เสร็จตามกำหนดคืองานที่เปลี่ยนสถานะเป็นเสร็จแล้วภายในวันครบกำหนด (เวลาประเทศไทย) สำหรับผู้ที่ไม่ใช่ศูนย์ฯ ตัวเลขจำนวนคนที่น้อยกว่า 5 และมาจากหน่วยงานเดียวแสดงเป็น "< 5" ตัวเลขของเครือข่ายที่หักแถวของหน่วยงานตนเองแล้วจะเหลือเป็นตัวเลขของหน่วยงานอื่นเพียงแห่งเดียวแสดงเป็น "x" และค่ามัธยฐานแสดงเมื่อมีหน่วยงานอย่างน้อย 3 แห่ง',
        'Published forums that started in the period and before the report was made; cancelled and draft ones do not count. People attending are those checked in at the door; the sector is the one recorded with the registration. Action items are those of finalised minutes due in the period, dropped ones left out; one is done on time when it was marked done by the end of its due day (Bangkok time). Beyond the Centre, counts below 5 people from a single organisation show as "< 5", a network count that less one\'s own row would leave a single other organisation\'s figure shows as "x", and medians are shown over at least three organisations.',
      ),
    };
  },
};
