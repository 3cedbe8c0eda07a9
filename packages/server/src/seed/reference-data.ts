import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { DEFAULT_CATEGORIES, regionPath } from '@guatu/core';
import type { Db } from '../db/client.js';
import { categories, provinces, regions } from '../db/schema/index.js';
import { SHIPPED_TEMPLATES, SHIPPED_TEMPLATES_REGION, seedShippedTemplates } from '../modules/bulletins/shipped-templates.js';
import { countStaleReferenceRows, type ReferenceRows } from './reference-data.repository.js';

interface RegionsFile {
  source: string;
  provinces: { code: string; name: string }[];
  regions: { code: string; parentCode: string | null; level: 'province' | 'prefecture' | 'county' | 'zone'; name: string; shortName: string; source: string }[];
}

export const REGIONS_FILE: RegionsFile = JSON.parse(readFileSync(new URL('./data/regions.json', import.meta.url), 'utf8'));

function withPaths<T extends { code: string; parentCode: string | null }>(rows: readonly T[]): (T & { path: string; sort: number })[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const pathOf = (code: string): string[] => {
    const row = byCode.get(code)!;
    return row.parentCode ? [...pathOf(row.parentCode), code] : [code];
  };
  return rows.map((r, sort) => ({ ...r, path: regionPath(pathOf(r.code)), sort }));
}

/** The rows the reference data consists of: regions parents first, so the self reference holds row by row. */
function referenceData() {
  const regionRows = withPaths(REGIONS_FILE.regions).sort((a, b) => a.path.length - b.path.length);
  const categoryRows = withPaths(DEFAULT_CATEGORIES.map((c) => ({ code: c.code, parentCode: c.parent, nameZh: c.zh, nameEn: c.en })));
  const rows: ReferenceRows = {
    provinces: REGIONS_FILE.provinces,
    regions: regionRows,
    categoryCodes: categoryRows.map((c) => c.code),
    templates: { regionCode: SHIPPED_TEMPLATES_REGION, codes: SHIPPED_TEMPLATES.map((t) => t.code) },
  };
  return { regionRows, categoryRows, rows };
}

/**
 * Regions, provinces, the default categories and the shipped bulletin templates. Idempotent: it runs after every migration, and
 * a newer division data file updates names without touching anything that refers to a code. A database that already holds
 * exactly this data is left alone (one read instead of rewriting every row at each start). Returns whether it wrote anything.
 */
export async function seedReferenceData(db: Db): Promise<boolean> {
  const { regionRows, categoryRows, rows } = referenceData();
  if ((await countStaleReferenceRows(db, rows)) === 0) return false;
  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(REGIONS_FILE.provinces)
      .onConflictDoUpdate({ target: provinces.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(regions)
      .values(regionRows)
      .onConflictDoUpdate({
        target: regions.code,
        set: { name: sql`excluded.name`, shortName: sql`excluded.short_name`, source: sql`excluded.source`, sort: sql`excluded.sort` },
      });
    await tx.insert(categories).values(categoryRows).onConflictDoNothing();
  });
  await seedShippedTemplates(db);
  return true;
}
