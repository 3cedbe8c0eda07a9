import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** The rows of a statement, loosely typed: summary tests compare them field by field. */
export async function sqlRows(db: Db, statement: SQL): Promise<Record<string, any>[]> {
  return ((await db.execute(statement)) as unknown as { rows: Record<string, any>[] }).rows;
}

/**
 * A numeric's text as exact fen, of any sign and size: summaries may exceed what a money column
 * (and core's yuanToFen) accepts, and a test's oracle must not round.
 */
export function textFen(value: string | number): bigint {
  const [whole, frac = ''] = String(value).split('.');
  const sign = whole!.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole!.replace('-', '')) * 100n + BigInt((frac + '00').slice(0, 2)));
}
