import type { Writable } from 'node:stream';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../policies/actor.js';
import { runStats } from '../stats/run-stats.js';
import { categoriesByCode, regionsByCode } from '../stats/stats.repository.js';
import type { StatsRequest } from '../stats/stats.schemas.js';
import { writeStatsExport, type StatsNames } from './export-stats.js';
import type { ExportFormat } from './export-projects.js';

export interface PreparedStatsExport {
  write(output: Writable): Promise<void>;
}

/**
 * Asks the statistics engine first, so a bad request answers 400 before any byte of the file is
 * sent; then the result streams out as a sheet whose figures equal POST /stats's to the 分. The
 * sheet is in Chinese whatever the caller's language, like every file officers forward.
 */
export async function prepareStatsExport(database: Database, actor: Actor, request: StatsRequest, format: ExportFormat): Promise<PreparedStatsExport> {
  const { db } = database;
  // Drill-down ids have no place on a sheet.
  const result = await runStats(db, actor, { ...request, drill: false }, 'zh');
  const filter = request.filter;
  // Region and category names are public code lists; batches, key lists and groups are records
  // that may lie outside the caller's scope, so the sheet names them by id only.
  const [regions, categories] = await Promise.all([
    regionsByCode(db, [...(filter.region ? [filter.region] : []), ...(filter.regions ?? [])]),
    categoriesByCode(db, filter.categories ?? []),
  ]);
  const names: StatsNames = {
    region: (code) => regions.get(code)?.name ?? code,
    category: (code) => categories.get(code)?.nameZh ?? code,
  };
  return { write: (output) => writeStatsExport(request, result, names, format, output) };
}
