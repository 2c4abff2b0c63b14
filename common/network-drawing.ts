/**
 * What to draw for a network graph (common/reports-api.ts), in one place for the dashboard (React) and
 * the printed review (server-written SVG): lines as thick as the work two organisations share, points
 * with a short label below, turned inwards near the edges so it stays in the picture.
 */
import type { NetworkGraph } from './reports-api.ts';
import type { Language } from './taxonomies.ts';

export type DrawnLine = { key: string; x1: number; y1: number; x2: number; y2: number; width: number };
export type DrawnPoint = {
  key: string;
  x: number;
  y: number;
  r: number;
  name: string;
  text: { x: number; y: number; anchor: 'start' | 'middle' | 'end'; value: string };
};

export const NETWORK_COLOURS = { line: '#868e96', point: '#1971c2', text: '#212529', halo: '#ffffff' };

export function drawNetwork(graph: NetworkGraph, language: Language) {
  const heaviest = Math.max(1, ...graph.edges.map((edge) => edge.weight));
  const lines: DrawnLine[] = graph.edges.flatMap((edge) => {
    const [a, b] = [graph.nodes[edge.a], graph.nodes[edge.b]];
    if (!a || !b) return [];
    const width = Math.round((1 + 5 * Math.sqrt(edge.weight / heaviest)) * 10) / 10;
    return [{ key: `${a.code}:${b.code}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y, width }];
  });
  const points: DrawnPoint[] = graph.nodes.map((node) => {
    const nearLeft = node.x < graph.width * 0.15;
    const nearRight = node.x > graph.width * 0.85;
    return {
      key: node.code,
      x: node.x,
      y: node.y,
      r: node.r,
      name: node.label[language],
      text: {
        x: nearLeft ? node.x - node.r : nearRight ? node.x + node.r : node.x,
        y: node.y + node.r + 13,
        anchor: nearLeft ? 'start' : nearRight ? 'end' : 'middle',
        value: node.short[language],
      },
    };
  });
  return { lines, points };
}
