/**
 * `npx tsx bench/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot`: what grew between two V8 heap
 * snapshots (from `npm run bench:soak -- --heap-snapshots DIR`), as retained-by-kind totals — self sizes
 * summed per node type and constructor (serialised JSON apart from other strings), largest growth first.
 */
import { readFileSync } from 'node:fs';

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** Serialised responses (serialised-once.ts) apart from the text inside live objects. */
const stringKind = (text: string) => (/^[[{]"/.test(text) ? '(string) serialised JSON' : '(string) other');

function totalsByKind(file: string): Map<string, { bytes: number; count: number }> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const at = (name: string) => fields.indexOf(name);
  const [typeAt, nameAt, sizeAt] = [at('type'), at('name'), at('self_size')];
  const totals = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const name = heap.strings[heap.nodes[i + nameAt]!] ?? '';
    const kind = STRING_TYPES.has(type) ? stringKind(name) : `${type} ${name}`;
    const total = totals.get(kind) ?? { bytes: 0, count: 0 };
    total.bytes += heap.nodes[i + sizeAt]!;
    total.count += 1;
    totals.set(kind, total);
  }
  return totals;
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: tsx bench/heap-diff.ts BEFORE.heapsnapshot AFTER.heapsnapshot');
  process.exit(2);
}
const before = totalsByKind(beforeFile);
const after = totalsByKind(afterFile);
const sum = (m: typeof before) => [...m.values()].reduce((n, t) => n + t.bytes, 0);
const rows = [...new Set([...before.keys(), ...after.keys()])]
  .map((kind) => {
    const b = before.get(kind) ?? { bytes: 0, count: 0 };
    const a = after.get(kind) ?? { bytes: 0, count: 0 };
    return { kind, grewKb: Math.round((a.bytes - b.bytes) / 1024), count: a.count - b.count };
  })
  .sort((x, y) => y.grewKb - x.grewKb);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
console.log(`total self size: ${mb(sum(before))} MB → ${mb(sum(after))} MB`);
console.table(rows.slice(0, 30));
