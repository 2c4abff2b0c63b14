import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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

/**
 * The nodes of the generic plan PostgreSQL may settle on for `statement` once it runs prepared (after five
 * runs it keeps one plan for every value when that plan looks no worse): prepared with plan_cache_mode
 * forced to generic, explained with the statement's own values as literals, then deallocated.
 */
export async function genericPlanNodesOf(db: Db, statement: SQL | { getSQL(): SQL }): Promise<string[]> {
  const query = new PgDialect().sqlToQuery('getSQL' in statement ? statement.getSQL() : statement);
  const values = query.params.map(literal).join(', ');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`);
    await tx.execute(sql.raw(`prepare tipnet_generic_plan as ${query.sql}`));
    try {
      const [row] = rowsOf<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        await tx.execute(sql.raw(`explain (format json) execute tipnet_generic_plan(${values})`)),
      );
      return planNodes(row!['QUERY PLAN'][0].Plan);
    } finally {
      await tx.execute(sql`deallocate tipnet_generic_plan`);
    }
  });
}

/** A parameter as an SQL literal, for the test's own statements only (strings, numbers, string arrays). */
function literal(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
