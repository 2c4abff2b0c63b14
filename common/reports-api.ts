/**
 * The dashboard and yearly review (/api/v1/reports/review): a list of sections, each contributed by a
 * module, each made of headline figures (with the previous period's value), tables and, for coverage,
 * a province × service matrix. Labels travel in Thai and English so the web, the workbook and the
 * printed review render the same section without knowing what it is about.
 */
import { z } from 'zod';
import { Language, Timestamp } from './api.ts';
import { PeriodCode } from './report-periods.ts';

/** What a suppressed small count shows beyond the Centre. */
export const SUPPRESSED = '< 5';
/** Counts below this, all from one organisation, are suppressed beyond the Centre. */
export const SMALL_COUNT = 5;
/**
 * What a cell hidden only to protect a "< 5" shows: it may hold any count, so it must not read "< 5",
 * but without hiding it the "< 5" would be its column total minus the cells shown.
 */
export const WITHHELD = 'x';

export const Label = z.object({ th: z.string(), en: z.string() });
export type Label = z.infer<typeof Label>;

/** A number, a suppression mark, or null (not applicable, e.g. a median over nothing). */
export const Cell = z.union([z.number(), z.literal(SUPPRESSED), z.literal(WITHHELD), z.null()]);
export type Cell = z.infer<typeof Cell>;

export const Figure = z.object({
  key: z.string(),
  label: Label,
  value: Cell,
  /** The same figure over the previous period; null when it has no meaning there. */
  previous: Cell,
});
export type Figure = z.infer<typeof Figure>;

export const ReportTable = z.object({
  key: z.string(),
  title: Label,
  /** Header of the first (label) column. */
  labelHeader: Label,
  columns: z.array(z.object({ key: z.string(), label: Label })),
  rows: z.array(z.object({ code: z.string(), label: Label, values: z.array(Cell) })),
  /** Column sums where a sum means something (counts, not medians); null per column otherwise. */
  totals: z.array(Cell).nullable(),
  /**
   * Set when only the first rows are sent (the dashboard): how many the whole table has. The totals are
   * always of the whole table; the workbook and the PDF hold every row.
   */
  rowsInFull: z.number().int().nonnegative().optional(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const COVERAGE_STATUSES = ['none', 'single', 'single_stale', 'covered'] as const;
export const CoverageStatus = z.enum(COVERAGE_STATUSES);
export type CoverageStatus = z.infer<typeof CoverageStatus>;

/** Province × service (or × interpretation language): how many organisations provide it there. */
export const CoverageMatrix = z.object({
  key: z.string(),
  title: Label,
  provinces: z.array(z.string()),
  columns: z.array(z.object({ code: z.string(), label: Label })),
  /** providers[province][column] and status[province][column], in the order above. */
  providers: z.array(z.array(z.number().int())),
  status: z.array(z.array(CoverageStatus)),
});
export type CoverageMatrix = z.infer<typeof CoverageMatrix>;

/**
 * Who works with whom, drawn: organisations as points, links as lines as thick as the work they share.
 * Laid out on the server (server/modules/reports/partners.graph.ts), so the screen and the PDF agree.
 */
export const NetworkGraph = z.object({
  key: z.string(),
  title: Label,
  width: z.number(),
  height: z.number(),
  nodes: z.array(
    z.object({
      code: z.string(),
      /** The organisation's name, and the short label drawn beside its point (its abbreviation if any). */
      label: Label,
      short: Label,
      x: z.number(),
      y: z.number(),
      r: z.number(),
    }),
  ),
  /** Lines between nodes, by their place in `nodes`; `weight` counts the problems and requests shared. */
  edges: z.array(z.object({ a: z.number().int(), b: z.number().int(), weight: z.number().int() })),
});
export type NetworkGraph = z.infer<typeof NetworkGraph>;

export const ReportSection = z.object({
  id: z.string(),
  title: Label,
  figures: z.array(Figure),
  tables: z.array(ReportTable),
  matrices: z.array(CoverageMatrix),
  /** Drawn networks; only the Centre's "who works with whom" has one. */
  graphs: z.array(NetworkGraph).optional(),
  /** How the figures are counted, for the notes on method. */
  method: Label,
});
export type ReportSection = z.infer<typeof ReportSection>;

export const ReviewView = z.object({
  period: z.object({ code: z.string(), label: Label, start: Timestamp, end: Timestamp }),
  previous: z.object({ code: z.string(), label: Label, start: Timestamp, end: Timestamp }),
  generatedAt: Timestamp,
  /** The Centre sees the whole network; an organisation its own figures against the network's medians. */
  scope: z.enum(['network', 'organisation']),
  sections: z.array(ReportSection),
  /** False when the server has no Chromium: the PDF button explains instead of failing. */
  pdfAvailable: z.boolean(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const ReviewQuery = z.strictObject({
  period: PeriodCode.optional(),
  lang: Language.optional(),
});
