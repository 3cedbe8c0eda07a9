import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** What the reference data writes into rows that already exist, or checks exists. */
export interface ReferenceRows {
  provinces: { code: string; name: string }[];
  regions: { code: string; name: string; shortName: string; source: string; sort: number }[];
  categoryCodes: string[];
  templates: { regionCode: string; codes: string[] };
}

/**
 * How many reference rows are missing or differ from the data Guatu ships, in one statement: zero
 * means writing the reference data would change nothing. Only the columns the seed updates on an
 * existing row are compared; categories and templates are only ever added, so they need only exist.
 */
export async function countStaleReferenceRows(db: Db, expected: ReferenceRows): Promise<number> {
  const regions = expected.regions.map((r) => ({ code: r.code, name: r.name, short_name: r.shortName, source: r.source, sort: r.sort }));
  const result = await db.execute(sql`
    select (
      (select count(*) from jsonb_to_recordset(${JSON.stringify(expected.provinces)}::jsonb) as f(code text, name text)
        where not exists (select 1 from provinces p where p.code = f.code and p.name = f.name))
      + (select count(*) from jsonb_to_recordset(${JSON.stringify(regions)}::jsonb) as f(code text, name text, short_name text, source text, sort int)
        where not exists (select 1 from regions r where r.code = f.code and r.name = f.name and r.short_name = f.short_name and r.source = f.source and r.sort = f.sort))
      + (select count(*) from jsonb_array_elements_text(${JSON.stringify(expected.categoryCodes)}::jsonb) as c(code)
        where not exists (select 1 from categories k where k.code = c.code))
      + (select count(*) from jsonb_array_elements_text(${JSON.stringify(expected.templates.codes)}::jsonb) as t(code)
        where not exists (select 1 from bulletin_templates b where b.region_code = ${expected.templates.regionCode} and b.code = t.code))
    )::int as stale`);
  const [row] = (result as unknown as { rows: { stale: number }[] }).rows;
  return row!.stale;
}
