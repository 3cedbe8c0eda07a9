import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/**
 * A cheap fingerprint of everything stored: per table, the row count and the sum of the rows'
 * transaction ids (xmin), which changes when any row is inserted, updated or deleted. Sessions
 * count rows only: using the app moves their last-seen time. Plus the audit chain's head.
 */
export type Fingerprint = Record<string, string>;

const ROWS_ONLY = new Set(['sessions']);

const tablesCache = new WeakMap<Db, string[]>();

async function tables(db: Db): Promise<string[]> {
  let names = tablesCache.get(db);
  if (!names) {
    const result: any = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
    names = ((result.rows ?? result) as { table_name: string }[]).map((r) => r.table_name);
    tablesCache.set(db, names);
  }
  return names;
}

export async function fingerprint(db: Db): Promise<Fingerprint> {
  const names = await tables(db);
  const columns = names.map((name) => {
    const t = sql.identifier(name);
    const versions = ROWS_ONLY.has(name) ? sql`''` : sql`coalesce(sum(xmin::text::bigint), 0)::text`;
    return sql`(select count(*)::text || '/' || ${versions} from ${t}) as ${sql.identifier(name)}`;
  });
  const head = sql`(select coalesce(max(seq), 0)::text || ':' || coalesce((select hash from audit_events order by seq desc limit 1), '') from audit_events) as "audit head"`;
  const result: any = await db.execute(sql`select ${sql.join([...columns, head], sql`, `)}`);
  return ((result.rows ?? result) as Fingerprint[])[0]!;
}

/** The tables whose fingerprint differs, as "table: before → after". */
export function changes(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}

