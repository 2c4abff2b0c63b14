/**
 * Network: organisations by sector and type, who joined, people, focal-point roles left vacant by people
 * who left, and entries nobody has reviewed for over a year. Organisations are never deleted in TIPNet,
 * so "left" counts people marked as having left during the period.
 */
import { sql } from 'drizzle-orm';
import { ORGANISATION_TYPES } from '../../../common/directory-taxonomies.ts';
import type { Cell } from '../../../common/reports-api.ts';
import { SECTORS } from '../../../common/taxonomies.ts';
import { DAY_MS } from '../../../common/time.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { focalPoints, organisations, people, reportOrganisationPeople } from '../../db/schema/index.ts';
import { label, type ReportSectionDefinition, type SectionContext, suppress, totalsOf } from './sections.ts';

export const NOT_REVIEWED_FOR_MS = 365 * DAY_MS;

const SECTOR_LABELS: Record<string, ReturnType<typeof label>> = {
  government: label('ภาครัฐ', 'Government'),
  private: label('ภาคเอกชน', 'Private sector'),
  civil_society: label('ภาคประชาสังคม', 'Civil society'),
  international: label('ภาคีระหว่างประเทศ', 'International partner'),
  academic: label('ภาควิชาการ', 'Academia'),
};
export const sectorLabel = (code: string) => SECTOR_LABELS[code] ?? label(code, code);

type Row = { code: string | null; orgs: number; joined: number; people: number; people_orgs: number };

/**
 * People in post at `end`: those in post now (kept per organisation, migration 0051) less those added
 * since, who are few for any recent period. Counting every person instead cost 12–15 ms per load at
 * 50,000 people.
 */
const peopleInPostBefore = (end: Date) => {
  const pe = people;
  return sql`(select coalesce(sum(${reportOrganisationPeople.active}), 0) from ${reportOrganisationPeople})
    - (select count(*) from ${pe} where ${pe.active} and ${pe.createdAt} >= ${end.toISOString()}::timestamptz)`;
};

/** The same per organisation, for organisations with anyone in post. */
const peopleInPostPerOrganisation = (end: Date) => {
  const pe = people;
  const k = reportOrganisationPeople;
  return sql`
    select ${k.organisationId} as organisation_id, (${k.active} - coalesce(added.n, 0))::int as n
    from ${k} left join (
      select ${pe.organisationId} as organisation_id, count(*)::int as n from ${pe}
      where ${pe.active} and ${pe.createdAt} >= ${end.toISOString()}::timestamptz
      group by 1
    ) added on added.organisation_id = ${k.organisationId}
    where ${k.active} - coalesce(added.n, 0) > 0`;
};

/**
 * Organisations by sector and by type in one pass (grouping sets): the people in post are counted per
 * organisation once, not once per table.
 */
async function bySectorAndType(ctx: SectionContext) {
  const { start, end } = ctx.period;
  const o = organisations;
  const result = await executePrepared(
    ctx.db,
    sql`
    with p as (${peopleInPostPerOrganisation(end)})
    select grouping(${o.sector})::int as by_type, ${o.sector} as sector, ${o.type} as type,
      count(*) filter (where ${o.createdAt} < ${end.toISOString()}::timestamptz)::int as orgs,
      count(*) filter (where ${o.createdAt} >= ${start.toISOString()}::timestamptz
        and ${o.createdAt} < ${end.toISOString()}::timestamptz)::int as joined,
      coalesce(sum(p.n), 0)::int as people,
      count(p.n)::int as people_orgs
    from ${o} left join p on p.organisation_id = ${o.id}
    group by grouping sets ((${o.sector}), (${o.type}))`,
  );
  const rows = rowsOf<Row & { by_type: number; sector: string | null; type: string | null }>(result);
  const pick = (byType: boolean): Row[] =>
    rows
      .filter((r) => (r.by_type === 1) === byType)
      .map(({ sector, type, by_type, ...counts }) => ({ ...counts, code: by_type ? type : sector }));
  return { sectors: pick(false), types: pick(true) };
}

type Headline = { orgs: number; joined: number; people: number; people_joined: number; left: number };

/** The headline figures of the period and of the one before: one pass over organisations, index ranges of people. */
async function headlines(ctx: SectionContext): Promise<[Headline, Headline]> {
  const o = organisations;
  const pe = people;
  const periods = [ctx.period, ctx.previous] as const;
  const inside = (column: unknown, i: number) =>
    sql`${column} >= ${periods[i]!.start.toISOString()}::timestamptz and ${column} < ${periods[i]!.end.toISOString()}::timestamptz`;
  const before = (column: unknown, i: number) =>
    sql`${column} < ${periods[i]!.end.toISOString()}::timestamptz`;
  const columns = (i: number) => sql`
    count(*) filter (where ${before(o.createdAt, i)})::int as orgs_${sql.raw(String(i))},
    count(*) filter (where ${inside(o.createdAt, i)})::int as joined_${sql.raw(String(i))}`;
  const personColumns = (i: number) => sql`
    (${peopleInPostBefore(periods[i]!.end)})::int as people_${sql.raw(String(i))},
    (select count(*) from ${pe} where ${inside(pe.createdAt, i)})::int as people_joined_${sql.raw(String(i))},
    (select count(*) from ${pe} where not ${pe.active} and ${inside(pe.updatedAt, i)})::int as left_${sql.raw(String(i))}`;
  const [row] = rowsOf<Record<string, number>>(
    await executePrepared(
      ctx.db,
      sql`
      select * from (select ${columns(0)}, ${columns(1)} from ${o}) orgs,
        (select ${personColumns(0)}, ${personColumns(1)}) persons`,
    ),
  );
  const of = (i: number): Headline => ({
    orgs: row![`orgs_${i}`]!,
    joined: row![`joined_${i}`]!,
    people: row![`people_${i}`]!,
    people_joined: row![`people_joined_${i}`]!,
    left: row![`left_${i}`]!,
  });
  return [of(0), of(1)];
}

async function current(ctx: SectionContext) {
  const longAgo = new Date(ctx.now.getTime() - NOT_REVIEWED_FOR_MS).toISOString();
  const [row] = rowsOf<{ vacant: number; unreviewed: number }>(
    await executePrepared(
      ctx.db,
      sql`
      select
        (select count(*)::int from ${focalPoints} f join ${people} pe on pe.id = f.person_id
          where f.ended_at is null and not pe.active) as vacant,
        (select count(*)::int from ${organisations}
          where coalesce(${organisations.lastReviewedAt}, ${organisations.createdAt}) < ${longAgo}::timestamptz) as unreviewed`,
    ),
  );
  return row!;
}

export const networkSection: ReportSectionDefinition = {
  id: 'network',
  title: label('เครือข่าย', 'Network'),
  async compute(ctx) {
    const [[now, before], standing, { sectors, types }] = await Promise.all([
      headlines(ctx),
      current(ctx),
      bySectorAndType(ctx),
    ]);
    const columns = [
      { key: 'organisations', label: label('หน่วยงาน', 'Organisations') },
      { key: 'joined', label: label('เข้าร่วมในช่วงนี้', 'Joined in period') },
      { key: 'people', label: label('บุคลากร', 'People') },
    ];
    const tableRows = (
      rows: Row[],
      order: readonly string[],
      labelOf: (c: string) => ReturnType<typeof label>,
    ) =>
      order
        .map((code) => rows.find((r) => (r.code ?? 'unspecified') === code))
        .filter((r): r is Row => !!r && r.orgs > 0)
        .map((r) => {
          const code = r.code ?? 'unspecified';
          const values: Cell[] = [r.orgs, r.joined, suppress(ctx, r.people, r.people_orgs)];
          return { code, label: labelOf(code), values };
        });
    const sectorRows = tableRows(sectors, SECTORS, sectorLabel);
    const typeCodes = [...ORGANISATION_TYPES.map((t) => t.code), 'unspecified'];
    const typeLabel = (code: string) => {
      const t = ORGANISATION_TYPES.find((x) => x.code === code);
      return t ? label(t.th, t.en) : label('ไม่ระบุ', 'Not specified');
    };
    const typeRows = tableRows(types, typeCodes, typeLabel);
    const raw = (rows: Row[]) => rows.map((r) => ({ values: [r.orgs, r.joined, r.people] as Cell[] }));
    return {
      figures: [
        {
          key: 'organisations',
          label: label('หน่วยงานในเครือข่าย', 'Organisations in the network'),
          value: now.orgs,
          previous: before.orgs,
        },
        {
          key: 'joined',
          label: label('หน่วยงานที่เข้าร่วมใหม่', 'Organisations joined'),
          value: now.joined,
          previous: before.joined,
        },
        {
          key: 'people',
          label: label('บุคลากรที่ยังปฏิบัติงาน', 'People in post'),
          value: now.people,
          previous: before.people,
        },
        {
          key: 'people_joined',
          label: label('บุคลากรที่เพิ่มใหม่', 'People added'),
          value: now.people_joined,
          previous: before.people_joined,
        },
        {
          key: 'people_left',
          label: label('บุคลากรที่ออกไป', 'People who left'),
          value: now.left,
          previous: before.left,
        },
        {
          key: 'vacant_roles',
          label: label('บทบาทผู้ประสานงานที่ว่าง', 'Vacant focal-point roles'),
          value: standing.vacant,
          previous: null,
        },
        {
          key: 'not_reviewed',
          label: label('ข้อมูลที่ไม่ได้ทบทวนเกิน 1 ปี', 'Entries not reviewed for over a year'),
          value: standing.unreviewed,
          previous: null,
        },
      ],
      tables: [
        {
          key: 'by_sector',
          title: label('หน่วยงานตามภาคส่วน', 'Organisations by sector'),
          labelHeader: label('ภาคส่วน', 'Sector'),
          columns,
          rows: sectorRows,
          totals: totalsOf(raw(sectors.filter((r) => r.orgs > 0)), [true, true, true]),
        },
        {
          key: 'by_type',
          title: label('หน่วยงานตามประเภท', 'Organisations by type'),
          labelHeader: label('ประเภท', 'Type'),
          columns,
          rows: typeRows,
          totals: totalsOf(raw(types.filter((r) => r.orgs > 0)), [true, true, true]),
        },
      ],
      matrices: [],
      method: label(
        'นับหน่วยงานที่ลงทะเบียนก่อนสิ้นสุดช่วงเวลา บุคลากรที่ยังปฏิบัติงาน บทบาทผู้ประสานงานที่ผู้ดำรงตำแหน่งออกไปแล้วแต่ยังไม่ส่งมอบ และข้อมูลที่ไม่มีการยืนยันความถูกต้องเกิน 365 วัน ณ วันที่จัดทำรายงาน',
        'Organisations registered before the end of the period; people in post; focal-point roles still held by someone who left; entries not confirmed for over 365 days as of the report date.',
      ),
    };
  },
};
