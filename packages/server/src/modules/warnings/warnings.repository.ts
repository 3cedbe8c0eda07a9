import { sql } from 'drizzle-orm';
import { DEFAULT_WARNING_THRESHOLDS, WARNING_THRESHOLDS_SETTING, type WarningThresholds } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { regionSettings } from '../../db/schema/index.js';

/** A region's thresholds: its own setting, else its nearest ancestor's, else the default. */
export async function effectiveThresholds(db: Db, regionCode: string): Promise<WarningThresholds & { setBy: { regionCode: string; regionName: string } | null }> {
  const result = await db.execute(sql`
    select s.value, sr.code, sr.name from regions r
    join region_settings s on s.key = ${WARNING_THRESHOLDS_SETTING}
    join regions sr on sr.code = s.region_code and r.path like sr.path || '%'
    where r.code = ${regionCode}
    order by length(sr.path) desc limit 1`);
  const [row] = (result as unknown as { rows: { value: WarningThresholds; code: string; name: string }[] }).rows;
  if (!row) return { ...DEFAULT_WARNING_THRESHOLDS, setBy: null };
  return { yellow: Number(row.value.yellow), red: Number(row.value.red), setBy: { regionCode: row.code, regionName: row.name } };
}

export async function saveThresholds(tx: Db, regionCode: string, value: WarningThresholds): Promise<void> {
  await tx
    .insert(regionSettings)
    .values({ regionCode, key: WARNING_THRESHOLDS_SETTING, value })
    .onConflictDoUpdate({ target: [regionSettings.regionCode, regionSettings.key], set: { value } });
}
