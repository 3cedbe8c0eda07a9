import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './actor.js';

/**
 * The one place that limits what a user sees: a condition on a region-code column that holds
 * exactly the regions inside the actor's subtree. Every list, lookup, aggregate and write in
 * Guatu puts this in its WHERE clause, so a record outside the scope is never read at all.
 */
export function scopeToRegion(column: AnyColumn | SQL, actor: Pick<Actor, 'regionPath'>): SQL {
  return regionSubtree(column, actor.regionPath);
}

/**
 * scopeToRegion, checked on each row a query has already found by its key: the row's region is
 * looked up by its code and its path compared. For lookups by a list of keys (an import's project
 * codes and ids, an OC4IDS package's project ids), where the planner, given the subquery form, may start from every row of the
 * region and hash it (PGlite keeps no statistics to tell it otherwise).
 */
export function scopeRowToRegion(column: AnyColumn | SQL, actor: Pick<Actor, 'regionPath'>): SQL {
  return sql`(select r.path from regions r where r.code = ${column}) like ${escapeLike(actor.regionPath) + '%'}`;
}

/** `column` lies in the subtree whose path is `path` ("530000/530300/"). */
export function regionSubtree(column: AnyColumn | SQL, path: string): SQL {
  return sql`${column} in (select r.code from regions r where r.path like ${escapeLike(path) + '%'})`;
}

/**
 * Shared settings such as bulletin templates: those of the actor's region and below (which they
 * may change), and those of the regions above it (which they use but may not change).
 */
export function withinOrAbove(column: AnyColumn | SQL, actor: Pick<Actor, 'regionPath'>): SQL {
  return sql`(${regionSubtree(column, actor.regionPath)} or ${column} in (select r.code from regions r where ${actor.regionPath} like r.path || '%'))`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
