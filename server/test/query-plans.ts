import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

/** Every node of a JSON plan, depth first, as "Index Scan on organisations_pkey". */
function planNodes(node: PlanNode): string[] {
  const target = node['Index Name'] ?? node['Relation Name'];
  const here = `${node['Node Type']}${target ? ` on ${target}` : ''}`;
  return [here, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The nodes of the plan PostgreSQL would run `statement` with (EXPLAIN, not executed). */
export async function planNodesOf(db: Db, statement: SQL | { getSQL(): SQL }): Promise<string[]> {
  const [row] = rowsOf<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    await db.execute(sql`explain (format json) ${statement}`),
  );
  return planNodes(row!['QUERY PLAN'][0].Plan);
}
