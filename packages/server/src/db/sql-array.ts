import { sql, type SQL } from 'drizzle-orm';

/**
 * A list of values as one array parameter of a SQL type: the keys a lookup matches with
 * `= any(…)`, or a column of rows written through `unnest`. With `value`, each row gives its
 * value, so a column of 5,000 rows needs no array of its own first.
 *
 * The array travels as the UTF-8 bytes of its PostgreSQL literal, text quoted and numbers as
 * written: {"a","b",NULL}. Bytes, because both drivers send them as they are (PGlite would
 * otherwise measure every string twice); joined, because appending 5,000 values one by one leaves
 * a chain of partial strings behind for the collector.
 */
export function sqlArray<T>(rows: T[], type: string, value: (row: T) => string | number | null = (row) => row as string | number | null): SQL {
  const items = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = value(rows[i]!);
    items[i] = v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : v.includes('"') || v.includes('\\') ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return sql`(${Buffer.from(`{${items.join(',')}}`)}::text)::${sql.raw(type)}[]`;
}
