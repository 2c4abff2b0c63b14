/**
 * Coverage gaps: for each of the 77 provinces and each service, how many organisations provide it there
 * (an organisation covering "nationwide" counts everywhere), and the same for interpretation by
 * language. No provider, one provider, or one provider whose entry is stale (not confirmed for 180
 * days, the directory's rule) are gaps the Centre plans around. The directory is visible to every
 * member, so the matrix is the same for everyone.
 */
import { sql } from 'drizzle-orm';
import { PROVINCES, SERVICE_LANGUAGES, SERVICES } from '../../../common/directory-taxonomies.ts';
import type { CoverageMatrix, CoverageStatus, ReportTable } from '../../../common/reports-api.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { organisations, reportCoverageCells } from '../../db/schema/index.ts';
import { STALE_AFTER_MS } from '../directory/index.ts';
import { label, type ReportSectionDefinition, type SectionContext, totalsOf } from './sections.ts';

const NATIONWIDE = 'nationwide';

/** One matrix's cells with a provider: how many, and whether the only one (when one) is stale. */
type Cell = { province: string; code: string; providers: number; onlyIsStale: boolean };
type Matrix = 'services' | 'interpretation';

/**
 * The cells kept by migration 0052's triggers, less the organisations registered since the period's end
 * (none for a period not yet over, a few for a recent one), as one line of text per matrix: ~2,000 cells
 * instead of every organisation's services, languages and coverage, which cost ~10 ms in the database
 * and ~20 ms in Node per load at 5,000 organisations. A cell's review instants are summed exactly
 * (numeric), so with one provider left the sum is that provider's instant.
 */
async function cells(ctx: SectionContext): Promise<Record<Matrix, Cell[]>> {
  const o = organisations;
  const k = reportCoverageCells;
  const staleBefore = (ctx.now.getTime() - STALE_AFTER_MS) / 1000;
  const result = await executePrepared(
    ctx.db,
    sql`
    with late as (
      select c.matrix, c.province, c.code, count(*)::int as providers,
        sum(extract(epoch from coalesce(${o.lastReviewedAt}, ${o.createdAt}))) as reviewed
      from ${o}, tipnet_coverage_cells(${o.services}, ${o.languages}, ${o.coverage}) c
      where ${o.createdAt} >= ${ctx.period.end.toISOString()}::timestamptz
      group by 1, 2, 3
    ), cells as (
      select ${k.matrix} as matrix, ${k.province} as province, ${k.code} as code,
        ${k.providers} - coalesce(late.providers, 0) as providers,
        ${k.reviewedSum} - coalesce(late.reviewed, 0) as reviewed
      from ${k} left join late
        on late.matrix = ${k.matrix} and late.province = ${k.province} and late.code = ${k.code}
    )
    select matrix, string_agg(concat_ws(' ', province, code, providers,
      (providers = 1 and reviewed <= ${String(staleBefore)}::numeric)::int), ' ') as cells
    from cells where providers > 0 group by 1`,
  );
  const out: Record<Matrix, Cell[]> = { services: [], interpretation: [] };
  for (const row of rowsOf<{ matrix: Matrix; cells: string }>(result)) {
    const parts = row.cells.split(' ');
    const list = out[row.matrix];
    for (let i = 0; i + 3 < parts.length; i += 4)
      list.push({
        province: parts[i]!,
        code: parts[i + 1]!,
        providers: Number(parts[i + 2]),
        onlyIsStale: parts[i + 3] === '1',
      });
  }
  return out;
}

/**
 * The matrix from its cells: an organisation covering the whole country counts in every province, once.
 * A cell with one provider in all is either the one counted in the province or the one covering the
 * country; its status needs only whether that one is stale.
 */
export function coverageMatrix(
  key: string,
  title: ReturnType<typeof label>,
  columns: readonly { code: string; th: string; en: string }[],
  list: readonly Cell[],
): CoverageMatrix {
  const provinces = PROVINCES.map((p) => p.code);
  const provinceIndex = new Map<string, number>(provinces.map((code, i) => [code, i]));
  const columnIndex = new Map(columns.map((c, j) => [c.code, j]));
  const counts = provinces.map(() => columns.map(() => 0));
  const stale = provinces.map(() => columns.map(() => false));
  const everywhere = columns.map(() => 0);
  const everywhereStale = columns.map(() => false);
  for (const cell of list) {
    const j = columnIndex.get(cell.code);
    if (j === undefined) continue;
    if (cell.province === NATIONWIDE) {
      everywhere[j] = cell.providers;
      everywhereStale[j] = cell.onlyIsStale;
      continue;
    }
    const i = provinceIndex.get(cell.province);
    if (i === undefined) continue;
    counts[i]![j] = cell.providers;
    stale[i]![j] = cell.onlyIsStale;
  }
  const providers = counts.map((row) => row.map((n, j) => n + everywhere[j]!));
  const onlyIsStale = (i: number, j: number) => (counts[i]![j] === 1 ? stale[i]![j]! : everywhereStale[j]!);
  const status: CoverageStatus[][] = providers.map((row, i) =>
    row.map((n, j) => (n === 0 ? 'none' : n > 1 ? 'covered' : onlyIsStale(i, j) ? 'single_stale' : 'single')),
  );
  return {
    key,
    title,
    provinces,
    columns: columns.map((c) => ({ code: c.code, label: label(c.th, c.en) })),
    providers,
    status,
  };
}

const STATUS_COLUMNS = [
  { key: 'none', label: label('ไม่มีหน่วยงาน', 'No provider') },
  { key: 'single', label: label('มีหน่วยงานเดียว', 'One provider') },
  { key: 'single_stale', label: label('มีหน่วยงานเดียว ข้อมูลไม่เป็นปัจจุบัน', 'One provider, entry stale') },
  { key: 'covered', label: label('มีตั้งแต่ 2 หน่วยงาน', 'Two or more') },
] as const;

/** Per column of the matrix: in how many provinces it has no provider, one, one stale, or more. */
function summary(
  matrix: CoverageMatrix,
  title: ReturnType<typeof label>,
  header: ReturnType<typeof label>,
): ReportTable {
  const rows = matrix.columns.map((c, j) => ({
    code: c.code,
    label: c.label,
    values: STATUS_COLUMNS.map((s) => matrix.status.filter((row) => row[j] === s.key).length),
  }));
  return {
    key: `${matrix.key}_summary`,
    title,
    labelHeader: header,
    columns: STATUS_COLUMNS.map((s) => ({ key: s.key, label: s.label })),
    rows,
    totals: totalsOf(rows, [true, true, true, true]),
  };
}

/**
 * Where a single organisation carries a service (or an interpretation language) for a province: the
 * fragile places, named one by one. Provinces with none are on the map and in the summaries.
 */
function singleProviders(matrix: CoverageMatrix, key: string, title: ReturnType<typeof label>): ReportTable {
  const rows = matrix.provinces.flatMap((code, i) => {
    const province = PROVINCES.find((p) => p.code === code)!;
    return matrix.status[i]!.flatMap((s, j) =>
      s === 'single' || s === 'single_stale'
        ? [
            {
              code: `${code}:${matrix.columns[j]!.code}`,
              label: label(
                `${province.th} · ${matrix.columns[j]!.label.th}`,
                `${province.en} · ${matrix.columns[j]!.label.en}`,
              ),
              values: [s === 'single_stale' ? 1 : 0],
            },
          ]
        : [],
    );
  });
  return {
    key,
    title,
    labelHeader: label('จังหวัด · รายการ', 'Province · item'),
    columns: [{ key: 'stale', label: label('ข้อมูลไม่เป็นปัจจุบัน (1 = ใช่)', 'Entry stale (1 = yes)') }],
    rows,
    totals: totalsOf(rows, [true]),
  };
}

export const coverageSection: ReportSectionDefinition = {
  id: 'coverage',
  title: label('ช่องว่างการให้บริการ', 'Coverage gaps'),
  async compute(ctx) {
    const kept = await cells(ctx);
    const serviceMatrix = coverageMatrix(
      'services',
      label('จังหวัด × บริการ', 'Province × service'),
      SERVICES,
      kept.services,
    );
    const languageMatrix = coverageMatrix(
      'interpretation',
      label('จังหวัด × ภาษาสำหรับล่าม', 'Province × interpretation language'),
      SERVICE_LANGUAGES.filter((l) => l.code !== 'th'),
      kept.interpretation,
    );
    const gapCount = (m: CoverageMatrix) => m.status.flat().filter((s) => s !== 'covered').length;
    const provincesWithout = (j: number) => serviceMatrix.status.filter((row) => row[j] === 'none').length;
    const interpretation = SERVICES.findIndex((s) => s.code === 'interpretation');
    return {
      figures: [
        {
          key: 'service_gaps',
          label: label('คู่จังหวัด–บริการที่ขาดหรือมีหน่วยงานเดียว', 'Province–service pairs with no or one provider'),
          value: gapCount(serviceMatrix),
          previous: null,
        },
        {
          key: 'interpretation_missing',
          label: label('จังหวัดที่ไม่มีล่าม', 'Provinces without interpretation'),
          value: provincesWithout(interpretation),
          previous: null,
        },
        {
          key: 'language_gaps',
          label: label(
            'คู่จังหวัด–ภาษาที่ขาดล่ามหรือมีหน่วยงานเดียว',
            'Province–language pairs with no or one interpreter provider',
          ),
          value: gapCount(languageMatrix),
          previous: null,
        },
      ],
      tables: [
        summary(
          serviceMatrix,
          label('จำนวนจังหวัดตามระดับความครอบคลุม แยกตามบริการ', 'Provinces by coverage, per service'),
          label('บริการ', 'Service'),
        ),
        summary(
          languageMatrix,
          label(
            'จำนวนจังหวัดตามระดับความครอบคลุมของล่าม แยกตามภาษา',
            'Provinces by interpretation coverage, per language',
          ),
          label('ภาษา', 'Language'),
        ),
        singleProviders(
          serviceMatrix,
          'single_service',
          label('จังหวัดและบริการที่มีหน่วยงานเดียว', 'Services with a single provider in a province'),
        ),
        singleProviders(
          languageMatrix,
          'single_language',
          label(
            'จังหวัดและภาษาที่มีล่ามจากหน่วยงานเดียว',
            'Interpretation languages with a single provider in a province',
          ),
        ),
      ],
      matrices: [serviceMatrix, languageMatrix],
      method: label(
        'หน่วยงานหนึ่งนับเป็นผู้ให้บริการในจังหวัดที่ระบุในพื้นที่ให้บริการ หรือทุกจังหวัดหากระบุว่าทั่วประเทศ ข้อมูลที่ไม่ได้ยืนยันเกิน 180 วันถือว่าไม่เป็นปัจจุบัน สถานะคำนวณ ณ วันที่จัดทำรายงาน',
        'An organisation provides a service in each province of its coverage, or everywhere when it covers the whole country. An entry not confirmed for 180 days is stale. Status as of the report date.',
      ),
    };
  },
};
