import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at, id, ref } from './columns.js';
import { provinces, regions } from './regions.js';
import { users } from './accounts.js';

/** An enterprise, identified by its unified social credit code (GB 32100). */
export const enterprises = pgTable(
  'enterprises',
  {
    id: id(),
    creditCode: text('credit_code').notNull().unique(),
    name: text('name').notNull(),
    /** foreign-invested, newly-introduced, negotiating, target, chamber-of-commerce */
    kind: text('kind'),
    homeProvinceCode: text('home_province_code').references(() => provinces.code),
    /** The region that follows this enterprise up. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Programmes the enterprise is enrolled in, e.g. `enterprise-visits` (招商服务进万企). */
    programmes: text('programmes').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('enterprises_region_idx').on(t.regionCode)],
);
