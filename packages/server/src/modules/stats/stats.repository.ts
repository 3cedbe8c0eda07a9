import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * The one statement every statistics request becomes:
 *
 *   with sel as (<one row per record: id, cur, g0…gn, and the columns measures read>),
 *        m1 as materialized (<a measure from another table, one row per record>), …
 *   select g0…gn, v0…vm, ids, grouping(g0…gn)
 *   from sel <one left join per measure that needs another table, at most one row per record>
 *   group by grouping sets ((g0…gn), ())
 *
 * `cur` is false for the rows of the same filter a year earlier (for yoy and lastYear measures);
 * each value is aggregated over one of the two sets. The empty grouping set is the total, so rows
 * and total come from the same rows and always add up.
 */
export interface AggregatePlan {
  /** A complete SELECT giving: id, cur (boolean), g0…g(n-1), and whatever the aggregates read. */
  sel: SQL;
  groupCount: number;
  /** Further common table expressions (`name as materialized (…)`), computed once and joined below. */
  ctes?: SQL[];
  /** Joins on `sel` (each alias its own), one row per record at most. */
  joins: SQL[];
  /** Aggregate expressions over sel and the joins; each yields text or int. */
  values: SQL[];
  drill: boolean;
}

export interface AggregateRow {
  keys: (string | null)[];
  values: (string | number | null)[];
  ids: number[] | null;
  total: boolean;
}

export async function runAggregate(db: Db, plan: AggregatePlan): Promise<AggregateRow[]> {
  const keys = Array.from({ length: plan.groupCount }, (_, i) => sql.raw(`sel.g${i}`));
  const keyList = sql.join(keys, sql`, `);
  const columns: SQL[] = [
    ...keys.map((k, i) => sql`${k}::text as ${sql.raw(`k${i}`)}`),
    ...plan.values.map((v, i) => sql`${v} as ${sql.raw(`v${i}`)}`),
    plan.drill ? sql`array_agg(sel.id::text order by sel.id) filter (where sel.cur) as ids` : sql`null as ids`,
    plan.groupCount ? sql`grouping(${keyList}) as gset` : sql`1 as gset`,
  ];
  const ctes = [sql`sel as (${plan.sel})`, ...(plan.ctes ?? [])];
  const statement = sql`with ${sql.join(ctes, sql`, `)}
    select ${sql.join(columns, sql`, `)}
    from sel ${sql.join(plan.joins, sql` `)}
    ${plan.groupCount ? sql`group by grouping sets ((${keyList}), ())` : sql``}`;
  const result = await db.execute(statement);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    keys: keys.map((_, i) => (r[`k${i}`] as string | null) ?? null),
    values: plan.values.map((_, i) => r[`v${i}`] as string | number | null),
    ids: plan.drill ? ((r.ids as string[] | null) ?? []).map(Number) : null,
    total: Number(r.gset) !== 0,
  }));
}

export interface RegionInfo {
  code: string;
  name: string;
  level: string;
  path: string;
  sort: number;
}

export async function regionsByCode(db: Db, codes: string[]): Promise<Map<string, RegionInfo>> {
  if (!codes.length) return new Map();
  const result = await db.execute(sql`select code, name, level, path, sort from regions where code in ${codes}`);
  return new Map((result as unknown as { rows: RegionInfo[] }).rows.map((r) => [r.code, r]));
}

export interface CategoryInfo {
  code: string;
  nameZh: string;
  nameEn: string;
  path: string;
  sort: number;
}

export async function categoriesByCode(db: Db, codes: string[]): Promise<Map<string, CategoryInfo>> {
  if (!codes.length) return new Map();
  const result = await db.execute(sql`select code, name_zh as "nameZh", name_en as "nameEn", path, sort from categories where code in ${codes}`);
  return new Map((result as unknown as { rows: CategoryInfo[] }).rows.map((r) => [r.code, r]));
}

export async function groupNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const result = await db.execute(sql`select id::int as id, name from accountability_groups where id in ${ids}`);
  return new Map((result as unknown as { rows: { id: number; name: string }[] }).rows.map((r) => [r.id, r.name]));
}

export async function provinceNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const result = await db.execute(sql`select code, name from provinces where code in ${codes}`);
  return new Map((result as unknown as { rows: { code: string; name: string }[] }).rows.map((r) => [r.code, r.name]));
}
