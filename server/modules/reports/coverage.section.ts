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
import { organisations } from '../../db/schema/index.ts';
import { staleSql } from '../directory/index.ts';
import { label, type ReportSectionDefinition, type SectionContext, totalsOf } from './sections.ts';

type Provider = { codes: string[]; coverage: string[]; stale: boolean };
const NATIONWIDE = 'nationwide';

/**
 * Every organisation registered before the period's end that covers somewhere, read once (index-only,
 * migration 0046): what it provides for the service matrix, and its languages for interpretation's.
 * The codes come as space-separated text, not arrays: parsing 5,000 rows of three text arrays took
 * ~30 ms in Node against ~1 ms in the database (codes never contain a space).
 */
async function providers(ctx: SectionContext) {
  const o = organisations;
  const result = await executePrepared(
    ctx.db,
    sql`
    select array_to_string(${o.services}, ' ') as services, array_to_string(${o.languages}, ' ') as languages,
      array_to_string(${o.coverage}, ' ') as coverage, ${staleSql(ctx.now)} as stale
    from ${o}
    where ${o.createdAt} < ${ctx.period.end.toISOString()}::timestamptz and cardinality(${o.coverage}) > 0`,
  );
  const rows = rowsOf<{ services: string; languages: string; coverage: string; stale: boolean }>(result);
  const services: Provider[] = [];
  const languages: Provider[] = [];
  for (const r of rows) {
    const provided = r.services.split(' ');
    const coverage = r.coverage.split(' ');
    services.push({ codes: provided, coverage, stale: r.stale });
    if (provided.includes('interpretation'))
      languages.push({ codes: r.languages ? r.languages.split(' ') : [], coverage, stale: r.stale });
  }
  return { services, languages };
}

export function coverageMatrix(
  key: string,
  title: ReturnType<typeof label>,
  columns: readonly { code: string; th: string; en: string }[],
  list: readonly Provider[],
): CoverageMatrix {
  const provinces = PROVINCES.map((p) => p.code);
  const provinceIndex = new Map<string, number>(provinces.map((code, i) => [code, i]));
  const columnIndex = new Map(columns.map((c, j) => [c.code, j]));
  // One pass over the providers, each adding itself to the cells it covers; one covering the whole
  // country is counted once per column and added to every province at the end. Per cell: how many,
  // and whether the first one found is stale, which is all the status needs when it is the only one.
  const counts = provinces.map(() => columns.map(() => 0));
  const firstStale = provinces.map(() => columns.map(() => false));
  const everywhere = columns.map(() => 0);
  const everywhereFirstStale = columns.map(() => false);
  // Marks of the columns and provinces already taken for the current organisation: its codes may repeat,
  // and a Set per organisation was most of this loop's time at 5,000 organisations.
  const columnTaken = new Int32Array(columns.length);
  const provinceTaken = new Int32Array(provinces.length);
  const what: number[] = [];
  let mark = 0;
  for (const o of list) {
    mark++;
    what.length = 0;
    for (const code of o.codes) {
      const j = columnIndex.get(code);
      if (j !== undefined && columnTaken[j] !== mark) {
        columnTaken[j] = mark;
        what.push(j);
      }
    }
    if (what.length === 0) continue;
    if (o.coverage.includes(NATIONWIDE)) {
      for (const j of what) if (everywhere[j]!++ === 0) everywhereFirstStale[j] = o.stale;
      continue;
    }
    for (const code of o.coverage) {
      const i = provinceIndex.get(code);
      if (i === undefined || provinceTaken[i] === mark) continue;
      provinceTaken[i] = mark;
      for (const j of what) if (counts[i]![j]!++ === 0) firstStale[i]![j] = o.stale;
    }
  }
  const providers = counts.map((row) => row.map((n, j) => n + everywhere[j]!));
  // The only provider is either the one counted in the province or the one covering the country.
  const onlyIsStale = (i: number, j: number) =>
    counts[i]![j] === 1 ? firstStale[i]![j]! : everywhereFirstStale[j]!;
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
    const { services, languages } = await providers(ctx);
    const serviceMatrix = coverageMatrix(
      'services',
      label('จังหวัด × บริการ', 'Province × service'),
      SERVICES,
      services,
    );
    const languageMatrix = coverageMatrix(
      'interpretation',
      label('จังหวัด × ภาษาสำหรับล่าม', 'Province × interpretation language'),
      SERVICE_LANGUAGES.filter((l) => l.code !== 'th'),
      languages,
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
