/**
 * Who works with whom: two organisations are linked when they were assigned the same problem or one made
 * a coordination request that the other's unit received, in the period. The Centre sees the strongest
 * links and the organisations with none; anyone else sees how many partners their own organisation had
 * against the network median, never which organisations worked with which.
 */
import type { Cell, Label, ReportTable } from '../../../common/reports-api.ts';
import { networkGraph } from './partners.graph.ts';
import { type Link, linksIn, type NamedOrganisation, STRONGEST_LINKS } from './partners.links.ts';
import { label, type ReportSectionDefinition } from './sections.ts';

export { STRONGEST_LINKS } from './partners.links.ts';
export const ISOLATED_LISTED = 50;

function strongestTable(links: Link[], names: Map<string, Label>): ReportTable {
  // Already the strongest, in this order, from the database; sorted again so the rule reads here too.
  const strongest = [...links]
    .sort(
      (x, y) =>
        y.problems + y.requests - (x.problems + x.requests) ||
        x.a.localeCompare(y.a) ||
        x.b.localeCompare(y.b),
    )
    .slice(0, STRONGEST_LINKS);
  const name = (id: string) => names.get(id) ?? label(id, id);
  return {
    key: 'strongest_links',
    title: label(
      `คู่หน่วยงานที่ทำงานร่วมกันมากที่สุด (${STRONGEST_LINKS} อันดับแรก)`,
      `Strongest links (top ${STRONGEST_LINKS})`,
    ),
    labelHeader: label('คู่หน่วยงาน', 'Organisations'),
    columns: [
      { key: 'problems', label: label('ปัญหาที่รับผิดชอบร่วมกัน', 'Problems assigned to both') },
      { key: 'requests', label: label('คำขอประสานงานระหว่างกัน', 'Coordination requests between them') },
      { key: 'total', label: label('รวม', 'Total') },
    ],
    rows: strongest.map((l) => ({
      code: `${l.a}:${l.b}`,
      label: label(`${name(l.a).th} ↔ ${name(l.b).th}`, `${name(l.a).en} ↔ ${name(l.b).en}`),
      values: [l.problems, l.requests, l.problems + l.requests],
    })),
    totals: null,
  };
}

const thaiOrder = new Intl.Collator('th').compare;

function isolatedTable(isolated: NamedOrganisation[]): ReportTable {
  const listed = [...isolated].sort((x, y) => thaiOrder(x.name_th, y.name_th)).slice(0, ISOLATED_LISTED);
  return {
    key: 'isolated',
    title: label(
      `หน่วยงานที่ยังไม่ได้ทำงานร่วมกับใครในช่วงนี้ (แสดงไม่เกิน ${ISOLATED_LISTED} แห่ง)`,
      `Organisations that worked with no one in the period (at most ${ISOLATED_LISTED} listed)`,
    ),
    labelHeader: label('หน่วยงาน', 'Organisation'),
    columns: [{ key: 'partners', label: label('หน่วยงานที่ทำงานร่วมกัน', 'Partners') }],
    rows: listed.map((o) => ({ code: o.id, label: label(o.name_th, o.name_en), values: [0] })),
    totals: null,
  };
}

export const partnersSection: ReportSectionDefinition = {
  id: 'partners',
  title: label('ใครทำงานร่วมกับใคร', 'Who works with whom'),
  async compute(ctx) {
    // Only the Centre sees names and the isolated organisations: a member's load reads no organisation.
    const [links, linksBefore] = await Promise.all([
      linksIn(ctx, ctx.period, { named: ctx.centre }),
      linksIn(ctx, ctx.previous, { named: false }),
    ]);
    const f = (key: string, l: Label, value: Cell, previous: Cell) => ({ key, label: l, value, previous });
    const network = [
      f('links', label('คู่หน่วยงานที่ทำงานร่วมกัน', 'Pairs that worked together'), links.count, linksBefore.count),
      f(
        'linked',
        label('หน่วยงานที่ทำงานร่วมกับหน่วยงานอื่น', 'Organisations that worked with another'),
        links.linked,
        linksBefore.linked,
      ),
      f(
        'median_partners',
        label('มัธยฐานจำนวนหน่วยงานที่ทำงานร่วมกัน', 'Median partners per linked organisation'),
        links.medianPartners,
        linksBefore.medianPartners,
      ),
    ];
    const method = label(
      'หน่วยงานสองแห่งนับว่าทำงานร่วมกันเมื่อได้รับมอบหมายปัญหาเรื่องเดียวกัน หรือเมื่อแห่งหนึ่งส่งคำขอประสานงานถึงหน่วยรับเรื่องของอีกแห่งในช่วงเวลา ผู้ที่ไม่ใช่ศูนย์เห็นเฉพาะจำนวนหน่วยงานที่ทำงานร่วมกับหน่วยงานของตนเทียบกับค่ามัธยฐานของเครือข่าย',
      'Two organisations are linked when both were assigned the same problem, or one sent a coordination request to the other’s unit, in the period. Beyond the Centre, an organisation sees only how many partners it had against the network median.',
    );
    if (!ctx.centre) {
      const own = ctx.viewer.organisationId;
      return {
        figures: [
          ...network,
          f(
            'own_partners',
            label('หน่วยงานที่ทำงานร่วมกับหน่วยงานของท่าน', 'Organisations your organisation worked with'),
            own ? links.own : null,
            own ? linksBefore.own : null,
          ),
        ],
        tables: [],
        matrices: [],
        method,
      };
    }
    const names = new Map(links.named.map((o) => [o.id, label(o.name_th, o.name_en)]));
    const graphNames = new Map(
      links.named.map((o) => [
        o.id,
        {
          name: label(o.name_th, o.name_en),
          short: label(o.abbreviation || o.name_th, o.abbreviation_en || o.abbreviation || o.name_en),
        },
      ]),
    );
    return {
      figures: [
        ...network,
        f(
          'isolated',
          label('หน่วยงานที่ยังไม่ได้ทำงานร่วมกับใคร', 'Organisations that worked with no one'),
          links.isolatedCount,
          linksBefore.isolatedCount,
        ),
      ],
      tables: [strongestTable(links.strongest, names), isolatedTable(links.isolated)],
      matrices: [],
      graphs: [networkGraph(links.strongest, graphNames)],
      method,
    };
  },
};
