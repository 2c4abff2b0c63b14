/**
 * The strongest links of a period drawn as a network: each organisation in them a point sized by the
 * work it shares, each link a line as thick as its problems and requests. Laid out here with d3-force, a
 * fixed number of steps from fixed starting places, so the same links always give the same drawing and
 * the dashboard and the printed review show one picture.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { Label, NetworkGraph } from '../../../common/reports-api.ts';
import { type Link, STRONGEST_LINKS } from './partners.links.ts';
import { label } from './sections.ts';

export const GRAPH_WIDTH = 640;
export const GRAPH_HEIGHT = 420;
const MARGIN = 48;
const STEPS = 300;

export type GraphName = { name: Label; short: Label };

type Point = SimulationNodeDatum & { code: string; weight: number; r: number };

/** Deterministic stand-in for Math.random, which d3-force uses only to part points on the same spot. */
function seeded(seed = 1) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

const shortLabel = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

type Placed = { code: string; x: number; y: number; r: number };
type Layout = { nodes: Placed[]; edges: { a: number; b: number; weight: number }[] };

/**
 * Drawings already laid out, by their links: the same links always give the same drawing, and the
 * dashboard, the workbook and the PDF of a period ask for it again and again (300 steps of d3-force were
 * ~4 % of a dashboard load). A few periods' worth; the oldest goes first.
 */
const laidOut = new Map<string, Layout>();
const LAYOUTS_KEPT = 32;

/** The strongest links (as the table beside it lists them), drawn. */
export function networkGraph(all: readonly Link[], names: ReadonlyMap<string, GraphName>): NetworkGraph {
  const weightOf = (l: Link) => l.problems + l.requests;
  const links = [...all]
    .sort((x, y) => weightOf(y) - weightOf(x) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .slice(0, STRONGEST_LINKS);
  const key = links.map((l) => `${l.a}:${l.b}:${weightOf(l)}`).join(' ');
  let drawing = laidOut.get(key);
  if (!drawing) {
    drawing = layOut(links);
    if (laidOut.size >= LAYOUTS_KEPT) laidOut.delete(laidOut.keys().next().value!);
    laidOut.set(key, drawing);
  }
  return {
    key: 'network',
    title: label('เครือข่ายการทำงานร่วมกัน (คู่ที่แน่นแฟ้นที่สุด)', 'The network at work (strongest links)'),
    width: GRAPH_WIDTH,
    height: GRAPH_HEIGHT,
    nodes: drawing.nodes.map((n) => {
      const name = names.get(n.code) ?? { name: label(n.code, n.code), short: label(n.code, n.code) };
      return {
        code: n.code,
        label: name.name,
        short: label(shortLabel(name.short.th), shortLabel(name.short.en)),
        x: n.x,
        y: n.y,
        r: n.r,
      };
    }),
    edges: drawing.edges.map((e) => ({ ...e })),
  };
}

function layOut(links: readonly Link[]): Layout {
  const weightOf = (l: Link) => l.problems + l.requests;
  const points = new Map<string, Point>();
  for (const l of links) {
    for (const code of [l.a, l.b]) {
      const point = points.get(code) ?? { code, weight: 0, r: 0 };
      point.weight += weightOf(l);
      points.set(code, point);
    }
  }
  // Codes in a fixed order, so the starting places (a spiral, in d3-force) do not depend on the query's.
  const nodes = [...points.values()].sort((x, y) => y.weight - x.weight || x.code.localeCompare(y.code));
  const heaviest = Math.max(1, ...nodes.map((n) => n.weight));
  for (const n of nodes) n.r = 6 + 10 * Math.sqrt(n.weight / heaviest);
  const index = new Map(nodes.map((n, i) => [n.code, i]));
  const edges = links.map((l) => ({ a: index.get(l.a)!, b: index.get(l.b)!, weight: weightOf(l) }));
  // d3-force replaces each link's ends by the points themselves: it gets copies.
  const lines: SimulationLinkDatum<Point>[] = edges.map((e) => ({ source: e.a, target: e.b }));

  forceSimulation(nodes)
    .randomSource(seeded())
    .force('link', forceLink(lines).distance(90))
    .force('charge', forceManyBody().strength(-260))
    .force('center', forceCenter(0, 0))
    .force(
      'collide',
      forceCollide<Point>((n) => n.r + 14),
    )
    .stop()
    .tick(STEPS);

  // Fit the drawing in the box, keeping its proportions.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    (GRAPH_WIDTH - 2 * MARGIN) / Math.max(1, maxX - minX),
    (GRAPH_HEIGHT - 2 * MARGIN) / Math.max(1, maxY - minY),
    1.5,
  );
  const offsetX = (GRAPH_WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (GRAPH_HEIGHT - (maxY - minY) * scale) / 2;
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    nodes: nodes.map((n) => ({
      code: n.code,
      x: round(offsetX + ((n.x ?? 0) - minX) * scale),
      y: round(offsetY + ((n.y ?? 0) - minY) * scale),
      r: round(n.r),
    })),
    edges,
  };
}
