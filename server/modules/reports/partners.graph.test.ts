import { describe, expect, it } from 'vitest';
import { GRAPH_HEIGHT, GRAPH_WIDTH, type GraphName, networkGraph } from './partners.graph.ts';
import type { Link } from './partners.links.ts';
import { label } from './sections.ts';

const org = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** A hub with spokes, a chain and a pair on its own: 30 links between 25 organisations. */
const LINKS: Link[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ a: org(1), b: org(i + 2), problems: 12 - i, requests: i % 3 })),
  ...Array.from({ length: 10 }, (_, i) => ({ a: org(i + 14), b: org(i + 15), problems: 2, requests: 0 })),
  { a: org(30), b: org(31), problems: 1, requests: 1 },
  ...Array.from({ length: 7 }, (_, i) => ({ a: org(2), b: org(i + 3), problems: 1, requests: 0 })),
];
const NAMES = new Map<string, GraphName>(
  Array.from({ length: 31 }, (_, i) => [
    org(i + 1),
    {
      name: label(`หน่วยงานที่ ${i + 1} กระทรวงที่มีชื่อยาวมาก`, `Organisation ${i + 1}`),
      short: label(i === 0 ? 'ศพดส.' : `หน่วยงานที่ ${i + 1} กระทรวงที่มีชื่อยาวมาก`, `Org ${i + 1}`),
    },
  ]),
);

describe('the network drawing', () => {
  const graph = networkGraph(LINKS, NAMES);

  it('draws the 20 strongest links, the same way whatever order they come in', () => {
    expect(graph.edges).toHaveLength(20);
    expect(networkGraph([...LINKS].reverse(), NAMES)).toEqual(graph);
    const weights = graph.edges.map((edge) => edge.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    for (const edge of graph.edges) {
      expect(graph.nodes[edge.a]).toBeDefined();
      expect(graph.nodes[edge.b]).toBeDefined();
    }
  });

  it('keeps every point inside the box and apart from the others', () => {
    for (const node of graph.nodes) {
      expect(node.x - node.r).toBeGreaterThanOrEqual(0);
      expect(node.y - node.r).toBeGreaterThanOrEqual(0);
      expect(node.x + node.r).toBeLessThanOrEqual(GRAPH_WIDTH);
      expect(node.y + node.r).toBeLessThanOrEqual(GRAPH_HEIGHT);
    }
    for (const [i, p] of graph.nodes.entries()) {
      for (const q of graph.nodes.slice(i + 1)) {
        expect(Math.hypot(p.x - q.x, p.y - q.y), `${p.code} and ${q.code}`).toBeGreaterThan(p.r + q.r);
      }
    }
  });

  it('makes the busiest organisation the largest point and labels points briefly', () => {
    const hub = graph.nodes.find((node) => node.code === org(1))!;
    expect(Math.max(...graph.nodes.map((node) => node.r))).toBe(hub.r);
    expect(hub.short.th).toBe('ศพดส.');
    for (const node of graph.nodes) expect(node.short.th.length).toBeLessThanOrEqual(16);
  });
});
